import type { CaseCorrectionKind } from '../../shared/vocabulary.ts';
import type { ReadScope, WriteScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const INSERT_CORRECTION = sql('insert-correction.sql');
const INSERT_CASE = sql('insert-correction-case.sql');
const FIX_MEMBERS = sql('fix-theme-members.sql');
const LIST = sql('list-corrections.sql');

export type CorrectionKind = CaseCorrectionKind | 'merge' | 'split';

/** One case a correction fixes: where it was (null: unassigned) and the theme it must be in (null: taken out). */
export interface FixedCase {
  recordId: string;
  from: string | null;
  to: string | null;
}

/**
 * Records a correction inside the write that makes it: every later analysis puts each of
 * its cases where it says, until the correction is undone or a later one says otherwise.
 */
export async function recordCorrection(
  scope: WriteScope,
  c: { kind: CorrectionKind; themeId: string | null; userId: string; now: Date; cases?: readonly FixedCase[] },
): Promise<number> {
  const id = Number((await scope.rows(INSERT_CORRECTION, [c.kind, c.themeId, c.now.toISOString(), c.userId]))[0]?.correction_id);
  for (const fixed of c.cases ?? []) await scope.run(INSERT_CASE, [id, fixed.recordId, fixed.from, fixed.to]);
  return id;
}

/** Fixes every case theme `themeId` holds in `runId` to theme `to`, under correction `correctionId`. */
export async function fixThemeMembers(scope: WriteScope, correctionId: number, runId: string, themeId: string, to: string): Promise<void> {
  await scope.run(FIX_MEMBERS, [correctionId, runId, themeId, to]);
}

/** The latest `limit` corrections, newest first: kind, theme, who and when, how many cases, and whether undone. */
export async function listCorrections(scope: ReadScope, limit: number): Promise<Array<Record<string, unknown>>> {
  return (await scope.rows(LIST, [limit])).map((r) => ({ ...r, correction_id: Number(r.correction_id) }));
}
