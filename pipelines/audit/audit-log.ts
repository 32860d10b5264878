import type { ReadScope, WriteScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';

const INSERT_AUDIT = sqlFile(import.meta.url, 'sql/insert-audit.sql');
const LIST_AUDIT = sqlFile(import.meta.url, 'sql/list-audit.sql');

export interface AuditEntry {
  userId: string | null;
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends to the audit log, inside the write of what it records: an entry exists exactly
 * when its change was committed. Nothing in mieruka updates or deletes the log.
 */
export async function audit(scope: WriteScope, entry: AuditEntry, now: Date): Promise<void> {
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  await scope.run(INSERT_AUDIT, [now.toISOString(), entry.userId, entry.action, entry.target ?? null, json(entry.before), json(entry.after)]);
}

export async function auditLog(scope: ReadScope, limit: number): Promise<Array<Record<string, unknown>>> {
  return scope.rows(LIST_AUDIT, [limit]);
}
