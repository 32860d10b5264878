import { writeDebugStack } from '../pipelines/ingest/debug.ts';
import { ConfigError } from './config.ts';
import { USAGE, UsageError } from './usage.ts';

type Command = (argv: string[]) => Promise<number>;

/** Each command's module loads only when it runs, so `--help` and a usage error start at once. */
const COMMANDS = new Map<string, () => Promise<Command>>([
  ['ingest', async () => (await import('./ingest-command.ts')).runIngestCommand],
  ['analyze', async () => (await import('./analyze-command.ts')).runAnalyzeCommand],
  ['terms', async () => (await import('./terms-command.ts')).runTermsCommand],
  ['kwic', async () => (await import('./kwic-command.ts')).runKwicCommand],
  ['clear-demo', async () => (await import('./clear-demo-command.ts')).runClearDemoCommand],
  ['report', async () => (await import('./report-command.ts')).runReportCommand],
  ['serve', async () => (await import('./serve-command.ts')).runServeCommand],
]);

/** Runs one CLI command and returns its exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const load = command === undefined ? undefined : COMMANDS.get(command);
    if (load) return await (await load())(rest);
    if (command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    throw new UsageError(command === undefined ? 'コマンドを指定してください。' : `「${command}」というコマンドはありません。`);
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
