import { audit } from '../../pipelines/audit/audit-log.ts';
import type { Database, ReadScope, WriteScope } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { ConflictError } from '../../pipelines/domain-error.ts';

const CLEAR_DEMO = sqlFile(import.meta.url, 'sql/clear-demo.sql');
const IS_DEMO = "SELECT count(*) AS n FROM app_flags WHERE name = 'demo' AND value = 'true'";
const MARK_DEMO = "INSERT OR REPLACE INTO app_flags VALUES ('demo', 'true')";

export async function isDemo(scope: ReadScope): Promise<boolean> {
  return Number((await scope.rows(IS_DEMO))[0]?.n ?? 0) > 0;
}

/** Flags the database as holding the demo, inside the write that loads it. */
export async function markDemo(scope: WriteScope): Promise<void> {
  await scope.run(MARK_DEMO);
}

/** Removes the demo cases and all that was made from them, with its audit entry, in one write; refused when there is no demo. */
export async function clearDemo(db: Database, userId: string | null, target: string | null, now: Date): Promise<void> {
  await db.write(async (scope) => {
    if (!(await isDemo(scope))) throw new ConflictError('not_demo', 'デモデータはありません。');
    await scope.run(CLEAR_DEMO);
    await audit(scope, { userId, action: 'demo_clear', target }, now);
  });
}
