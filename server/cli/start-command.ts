import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_COUNCIL } from '../../pipelines/council/settings.ts';
import { DatabaseOpenError, openDatabase } from '../../pipelines/db/database.ts';
import { ingestFile } from '../../pipelines/ingest/ingest.ts';
import { tokenizeInProcess } from '../../pipelines/text/tokenize-in-process.ts';
import { readConfig } from '../config.ts';
import { formatReport } from './ingest-summary.ts';
import { UsageError } from './usage.ts';

const DEMO_FILE = fileURLToPath(new URL('../../fixtures/demo.csv', import.meta.url));

/**
 * Prepares the database: creates and migrates it, and loads the demo cases when it
 * holds no case yet, then says what it holds. The dashboard server builds on this.
 */
export async function runStartCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { db: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const path = values.db ?? readConfig().dbPath;
  let db;
  try {
    db = await openDatabase(path);
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    process.stderr.write(`エラー: ${error.message}\n`);
    return 1;
  }
  try {
    const c = db.connection;
    const count = async () => Number((await c.runAndReadAll('SELECT count(*) AS n FROM current_cases')).getRowObjectsJson()[0]?.n);
    if ((await count()) === 0) {
      process.stderr.write('データベースが空のため、デモデータ（架空の事例 300 件）を取り込みます。\n');
      const report = await ingestFile(db, await readFile(DEMO_FILE), {
        fileName: 'demo.csv',
        settings: DEFAULT_COUNCIL,
        piiMode: 'mask',
        tokenizeMany: tokenizeInProcess,
      });
      process.stdout.write(`${formatReport(report)}\n`);
    }
    const uploads = (await c.runAndReadAll('SELECT count(*) AS n FROM uploads')).getRowObjectsJson()[0]?.n;
    process.stdout.write(`データベース ${db.path}: 事例 ${await count()} 件、取り込み ${String(uploads)} 回\n`);
    return 0;
  } finally {
    db.close();
  }
}
