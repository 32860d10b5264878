import { writeDebugStack } from '../pipelines/ingest/debug.ts';
import { ConfigError } from './config.ts';
import { runAnalyzeCommand } from './analyze-command.ts';
import { runClearDemoCommand } from './clear-demo-command.ts';
import { runIngestCommand } from './ingest-command.ts';
import { runKwicCommand } from './kwic-command.ts';
import { runReportCommand } from './report-command.ts';
import { runTermsCommand } from './terms-command.ts';
import { runServeCommand } from './serve-command.ts';
import { USAGE, UsageError } from './usage.ts';

/** Runs one CLI command and returns its exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'ingest':
        return await runIngestCommand(rest);
      case 'analyze':
        return await runAnalyzeCommand(rest);
      case 'terms':
        return await runTermsCommand(rest);
      case 'kwic':
        return await runKwicCommand(rest);
      case 'clear-demo':
        return await runClearDemoCommand(rest);
      case 'report':
        return await runReportCommand(rest);
      case 'serve':
        return await runServeCommand(rest);
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      case undefined:
        throw new UsageError('コマンドを指定してください。');
      default:
        throw new UsageError(`「${command}」というコマンドはありません。`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`エラー: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`設定エラー: ${error.message}\n`);
      return 1;
    }
    // The stack is for whoever maintains the tool, written only with MIERUKA_DEBUG set.
    writeDebugStack(error);
    process.stderr.write('エラー: 予期しない問題が起きたため止まりました。もう一度試しても同じときは、環境変数 MIERUKA_DEBUG=1 を付けて実行し、その出力を管理者に伝えてください。\n');
    return 1;
  }
}
