import { parseArgs } from 'node:util';
import { DatabaseOpenError, openDatabase } from '../pipelines/db/database.ts';
import { ConflictError } from '../pipelines/domain-error.ts';
import { clearDemo } from '../server/demo/demo-data.ts';
import { readConfig } from './config.ts';
import { UsageError } from './usage.ts';

/** `mieruka clear-demo [--db PATH]`: the secretariat's way to remove the demo from the console. */
export async function runClearDemoCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { db: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let db;
  try {
    db = await openDatabase(values.db ?? readConfig().dbPath);
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    process.stderr.write(`エラー: ${error.message}\n`);
    return 1;
  }
  try {
    await clearDemo(db, null, 'cli', new Date());
    process.stdout.write('デモデータを削除しました。事例を取り込んで使い始めてください。\n');
    return 0;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    process.stdout.write(`${error.message}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
