import { audit } from '../audit/audit-log.ts';
import type { Database, WriteScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { ConflictError, NotFoundError } from '../domain-error.ts';
import { casePlace, placeCase } from './case-place.ts';
import type { CorrectionKind } from './corrections.ts';
import { recountTheme } from './recount-theme.ts';
import { recordHistory } from './theme-state.ts';
import { undoMerge, undoSplit } from './undo-regrouping.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const LATEST_RUN = sqlFile(new URL('../themes/', import.meta.url).href, 'sql/latest-run.sql');
const CORRECTION = sql('correction.sql');
const UNDO = sql('undo-correction.sql');
const STANDING = sql('standing-place.sql');
const LATEST_RUN_THEME = sql('latest-run-theme.sql');

export interface UndoResult {
  kind: CorrectionKind;
  /** Cases put back where they were in the latest run at once. */
  restored: string[];
  /** For a merge or split whose themes the latest run no longer holds: they are re-formed freely from the next analysis on. */
  fromNextAnalysis: boolean;
}

/**
 * Undoes a correction: every later analysis forgets it. A moved, taken-out or pinned case
 * goes back where it was at once, unless a later correction has moved it since (that one
 * stands); a merged theme comes back with its cases, a split-off one goes back into the
 * theme it left, while the latest run still holds them.
 */
export async function undoCorrection(db: Database, u: { correctionId: number; userId: string; now: Date }): Promise<UndoResult> {
  return db.write(async (scope) => {
    const rows = await scope.rows(CORRECTION, [u.correctionId]);
    const head = rows[0];
    if (!head) throw new NotFoundError('not_found', `修正 ${u.correctionId} はありません。`);
    if (head.undone_at !== null) throw new ConflictError('already_undone', `修正 ${u.correctionId} はすでに取り消されています。`);
    const kind = String(head.kind) as CorrectionKind;
    const cases = rows.flatMap((r) => (r.record_id === null ? [] : [{ recordId: String(r.record_id), from: nullable(r.from_theme), to: nullable(r.to_theme) }]));
    const restored: string[] = [];
    const touched = new Set<string>();
    const runId = (await scope.rows(LATEST_RUN))[0]?.run_id;
    if (kind === 'merge' && runId !== undefined) restored.push(...(await undoMerge(scope, String(runId), String(head.theme_id), cases)));
    if (kind === 'split' && runId !== undefined) restored.push(...(await undoSplit(scope, String(runId), String(head.theme_id), cases)));
    if (kind !== 'merge' && kind !== 'split' && runId !== undefined) {
      for (const c of cases) {
        const standing = (await scope.rows(STANDING, [c.recordId]))[0];
        if (standing === undefined || Number(standing.correction_id) !== u.correctionId) continue;
        if (await restore(scope, String(runId), c)) {
          restored.push(c.recordId);
          for (const t of [c.from, c.to]) if (t !== null) touched.add(t);
        }
      }
    }
    await scope.run(UNDO, [u.correctionId, u.now.toISOString(), u.userId]);
    for (const t of touched) if (runId !== undefined && (await scope.rows(LATEST_RUN_THEME, [t]))[0]) await recountTheme(scope, String(runId), t);
    const themeId = nullable(head.theme_id) ?? cases.find((c) => c.to !== null)?.to ?? null;
    const after = { correctionId: u.correctionId, kind, caseIds: cases.map((c) => c.recordId), restored };
    if (themeId !== null) await recordHistory(scope, themeId, u.userId, 'undo', null, after, u.now);
    await audit(scope, { userId: u.userId, action: 'correction_undo', target: String(u.correctionId), after }, u.now);
    return { kind, restored, fromNextAnalysis: (kind === 'merge' || kind === 'split') && restored.length === 0 };
  });
}

/** Puts a case back from where a correction put it to where it was; false when it is no longer there. */
async function restore(scope: WriteScope, runId: string, c: { recordId: string; from: string | null; to: string | null }): Promise<boolean> {
  const here = await casePlace(scope, runId, c.recordId).catch(() => null);
  if (here === null || here.themeId !== c.to || here.themeId === c.from) return false;
  const back = c.from !== null && (await scope.rows(LATEST_RUN_THEME, [c.from]))[0] ? c.from : null;
  await placeCase(scope, runId, c.recordId, here, { themeId: back, individual: false });
  return true;
}

const nullable = (v: unknown) => (v === null || v === undefined ? null : String(v));
