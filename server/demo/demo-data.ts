import type { Database } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { isDemo } from '../bootstrap.ts';

const CLEAR_DEMO = sqlFile(import.meta.url, 'sql/clear-demo.sql');

/** Removes the demo cases and all that was made from them, in one transaction; false when there is no demo. */
export async function clearDemo(db: Database): Promise<boolean> {
  if (!(await isDemo(db))) return false;
  const c = db.connection;
  await c.run('BEGIN TRANSACTION');
  try {
    await c.run(CLEAR_DEMO);
    await c.run('COMMIT');
    return true;
  } catch (error) {
    await c.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
