import type { WriteScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { readCaseWeights, toCaseVectors, weightsOf } from '../themes/case-vectors.ts';
import { describeThemes } from '../themes/describe.ts';
import { termRowsOf } from '../themes/store-run.ts';
import type { FixedCase } from './corrections.ts';
import { recountTheme } from './recount-theme.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const LATEST_RUN_THEME = sql('latest-run-theme.sql');
const MEMBERS = sql('theme-member-ids.sql');
const MOVE_MEMBER = sql('move-members.sql');
const MERGE_MEMBERS = sql('merge-members.sql');
const INSERT_SNAPSHOT = sql('insert-split-snapshot.sql');
const DROP_SNAPSHOT = sql('drop-snapshot.sql');
const DROP_TERMS = sql('drop-theme-terms.sql');
const INSERT_TERM = sql('insert-theme-term.sql');
const MARK_MERGED = sql('mark-merged.sql');
const UNMARK_MERGED = sql('unmark-merged.sql');
const BUMP_REVISION = sql('bump-revision.sql');

const inRun = async (scope: WriteScope, themeId: string) => (await scope.rows(LATEST_RUN_THEME, [themeId])).length > 0;

/**
 * Undoes a merge in the latest run: the merged theme comes back under its id with the cases
 * it brought that are still in the theme it joined, both described and measured again.
 * Returns the cases moved back (none when that theme is no longer in the latest run).
 */
export async function undoMerge(scope: WriteScope, runId: string, source: string, cases: readonly FixedCase[]): Promise<string[]> {
  const into = cases.find((c) => c.to !== null)?.to ?? null;
  if (into === null || !(await inRun(scope, into))) return [];
  const now = new Set((await scope.rows(MEMBERS, [runId, into])).map((r) => String(r.record_id)));
  const back = cases.filter((c) => c.from === source && now.has(c.recordId)).map((c) => c.recordId);
  if (back.length === 0) return [];
  const sub = toCaseVectors(weightsOf(await readCaseWeights(scope), now));
  const moving = new Set(back);
  const [stays, returns] = describeThemes(sub, sub.ids.map((id) => (moving.has(id) ? 1 : 0)), 2);
  await scope.run(UNMARK_MERGED, [source]);
  await scope.run(INSERT_SNAPSHOT, [runId, source, into, returns?.label ?? source]);
  for (const id of back) await scope.run(MOVE_MEMBER, [runId, into, source, id]);
  await scope.run(DROP_TERMS, [runId, into]);
  for (const [id, d] of [[into, stays], [source, returns]] as const) {
    if (d) for (const r of termRowsOf(id, d, sub.vocabulary)) await scope.run(INSERT_TERM, [runId, r.themeId, r.term, r.weight, r.centroid]);
    await recountTheme(scope, runId, id);
    await scope.run(BUMP_REVISION, [id]);
  }
  return back;
}

/** Undoes a split in the latest run: the split-off theme's cases go back to the theme they left, which it is merged into. */
export async function undoSplit(scope: WriteScope, runId: string, origin: string, cases: readonly FixedCase[]): Promise<string[]> {
  const split = cases.find((c) => c.to !== null && c.to !== origin)?.to ?? null;
  if (split === null || !(await inRun(scope, split)) || !(await inRun(scope, origin))) return [];
  const back = (await scope.rows(MEMBERS, [runId, split])).map((r) => String(r.record_id));
  await scope.run(MERGE_MEMBERS, [runId, origin, split]);
  await scope.run(DROP_SNAPSHOT, [runId, split]);
  await scope.run(DROP_TERMS, [runId, split]);
  await scope.run(MARK_MERGED, [split, origin, runId]);
  await recountTheme(scope, runId, origin);
  for (const id of [origin, split]) await scope.run(BUMP_REVISION, [id]);
  return back;
}
