import type { Database } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { inTransaction } from '../../pipelines/db/transaction.ts';
import { isDemo } from '../bootstrap.ts';

const CLEAR_DEMO = sqlFile(import.meta.url, 'sql/clear-demo.sql');

/** Removes the demo cases and all that was made from them, in one transaction; false when there is no demo. */
export async function clearDemo(db: Database): Promise<boolean> {
  if (!(await isDemo(db))) return false;
  await inTransaction(db.connection, () => db.connection.run(CLEAR_DEMO));
  return true;
}
