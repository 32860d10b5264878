import type { WriteScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { recurrence, type CaseFacts } from '../themes/recurrence.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const MEMBER_FACTS = sql('member-facts.sql');
const CORPUS_SPAN = sql('corpus-span.sql');
const UPDATE_RECURRENCE = sql('update-recurrence.sql');

/** Measures a theme's recurrence again from the cases it now holds (after a merge or split). */
export async function recountTheme(scope: WriteScope, runId: string, themeId: string): Promise<void> {
  const facts: CaseFacts[] = (await scope.rows(MEMBER_FACTS, [runId, themeId])).map((r) => ({
    recordId: String(r.record_id),
    date: String(r.conference_date),
    agency: r.agency_code === null ? null : String(r.agency_code),
    area: r.area === null ? null : String(r.area),
  }));
  const span = (await scope.rows(CORPUS_SPAN))[0] ?? {};
  const r = recurrence(facts, { first: String(span.first), last: String(span.last) });
  await scope.run(UPDATE_RECURRENCE, [runId, themeId, r.caseCount, r.orgCount, r.areaCount, r.periodCount, r.firstSeen, r.lastSeen, r.trend, r.score]);
}
