import type { Database } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';

const INSERT_AUDIT = sqlFile(import.meta.url, 'sql/insert-audit.sql');
const LIST_AUDIT = sqlFile(import.meta.url, 'sql/list-audit.sql');

export interface AuditEntry {
  userId: string | null;
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log; nothing in mieruka updates or deletes it. */
export async function audit(db: Database, entry: AuditEntry, now: Date): Promise<void> {
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  await db.connection.run(INSERT_AUDIT, [now.toISOString(), entry.userId, entry.action, entry.target ?? null, json(entry.before), json(entry.after)]);
}

export async function auditLog(db: Database, limit: number): Promise<Array<Record<string, unknown>>> {
  return (await db.connection.runAndReadAll(LIST_AUDIT, [limit])).getRowObjectsJson();
}
