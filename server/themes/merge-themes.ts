import type { Database } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { inTransaction } from '../../pipelines/db/transaction.ts';
import { recurrence, type CaseFacts } from '../../pipelines/themes/recurrence.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const MERGE_MEMBERS = sql('merge-members.sql');
const DROP_SNAPSHOT = sql('drop-snapshot.sql');
const DROP_TERMS = sql('drop-theme-terms.sql');
const MARK_MERGED = sql('mark-merged.sql');
const MEMBER_FACTS = sql('member-facts.sql');
const CORPUS_SPAN = sql('corpus-span.sql');
const UPDATE_RECURRENCE = sql('update-recurrence.sql');

/**
 * Merges theme `from` into theme `into` in run `runId`: its cases join `into`, whose
 * counts and score are measured again; `from` is marked merged (never deleted). The next
 * analysis carries the merged theme forward with all its cases.
 */
export async function mergeThemes(db: Database, runId: string, into: string, from: string): Promise<void> {
  const c = db.connection;
  await inTransaction(c, async () => {
    await c.run(MERGE_MEMBERS, [runId, into, from]);
    await c.run(DROP_SNAPSHOT, [runId, from]);
    await c.run(DROP_TERMS, [runId, from]);
    await c.run(MARK_MERGED, [from, into, runId]);
    await recountTheme(db, runId, into);
  });
}

/** Measures a theme's recurrence again from the cases it now holds (after a merge or split). */
export async function recountTheme(db: Database, runId: string, themeId: string): Promise<void> {
  const c = db.connection;
  const facts: CaseFacts[] = (await c.runAndReadAll(MEMBER_FACTS, [runId, themeId])).getRowObjectsJson().map((r) => ({
    recordId: String(r.record_id),
    date: String(r.conference_date),
    agency: r.agency_code === null ? null : String(r.agency_code),
    area: r.area === null ? null : String(r.area),
  }));
  const span = (await c.runAndReadAll(CORPUS_SPAN)).getRowObjectsJson()[0] ?? {};
  const r = recurrence(facts, { first: String(span.first), last: String(span.last) });
  await c.run(UPDATE_RECURRENCE, [runId, themeId, r.caseCount, r.orgCount, r.areaCount, r.periodCount, r.firstSeen, r.lastSeen, r.trend, r.score]);
}
