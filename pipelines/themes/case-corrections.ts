import type { ReadScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { TAKEN_OUT } from './cluster/types.ts';

const CASE_CORRECTIONS = sqlFile(import.meta.url, 'sql/case-corrections.sql');

/** The meeting's standing corrections: record id → the theme the case must be in, or null (taken out as 個別の事情). */
export type CaseCorrections = Map<string, string | null>;

export async function readCaseCorrections(scope: ReadScope): Promise<CaseCorrections> {
  return new Map((await scope.rows(CASE_CORRECTIONS)).map((r) => [String(r.record_id), r.to_theme === null ? null : String(r.to_theme)]));
}

/** The themes corrections fix cases to that are not among `kept` (the seed themes' ids), in a stable order. */
export function anchorThemes(corrections: CaseCorrections, kept: ReadonlyArray<string | null>): string[] {
  const known = new Set(kept.filter((id): id is string => id !== null));
  return [...new Set([...corrections.values()].filter((id): id is string => id !== null && !known.has(id)))].sort();
}

/**
 * Per case of `ids`: the index in `themeIds` of the theme it is fixed to, TAKEN_OUT, or -1
 * for a case free to go where the clustering puts it.
 */
export function fixedAssignment(ids: readonly string[], corrections: CaseCorrections, themeIds: ReadonlyArray<string | null>): Int32Array {
  const index = new Map<string, number>();
  themeIds.forEach((id, t) => {
    if (id !== null && !index.has(id)) index.set(id, t);
  });
  return Int32Array.from(ids, (id) => {
    if (!corrections.has(id)) return -1;
    const to = corrections.get(id) ?? null;
    return to === null ? TAKEN_OUT : (index.get(to) ?? -1);
  });
}
