import { CASE_CORRECTIONS, type CaseCorrectionKind } from '../../shared/vocabulary.ts';
import { audit } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { ConflictError, InvalidInputError, NotFoundError, staleDecision } from '../domain-error.ts';
import { bodyField, filledText } from '../request-fields.ts';
import { casePlace, placeCase, type CasePlace } from './case-place.ts';
import { recordCorrection } from './corrections.ts';
import { recountTheme } from './recount-theme.ts';
import { latestRunTheme, recordHistory } from './theme-state.ts';

const LATEST_RUN = sqlFile(new URL('../themes/', import.meta.url).href, 'sql/latest-run.sql');

/** A record id as the CSV contract allows it: what a request may name. */
const RECORD_ID_MAX = 64;

/** What the meeting does with one case: move it to another theme, take it out as 個別の事情, or pin it where it is. */
export interface CaseCorrection {
  kind: CaseCorrectionKind;
  recordId: string;
  /** The theme whose case list the person acted from; null for the unassigned list. */
  from: string | null;
  /** The theme it moves to (a move only). */
  to: string | null;
  /** The revision of `from` the person was looking at (required with `from`). */
  revision: number | null;
}

/** Reads a correction request; a missing or wrong field is named in Japanese. */
export function parseCaseCorrection(body: unknown): CaseCorrection {
  const field = (name: string) => bodyField(body, name);
  const kind = field('kind');
  if (typeof kind !== 'string' || !(CASE_CORRECTIONS as readonly string[]).includes(kind)) {
    throw new InvalidInputError('kind', '修正は move（移動）、take_out（個別の事情へ）、pin（固定）のいずれかにしてください。');
  }
  const recordId = field('recordId');
  if (typeof recordId !== 'string' || recordId.trim() === '' || recordId.length > RECORD_ID_MAX) throw new InvalidInputError('recordId', 'どの事例の修正かがわかりません（記録IDがありません）。');
  const from = filledText(field('from'));
  const to = filledText(field('to'));
  if (kind === 'move' && to === null) throw new InvalidInputError('to', '移動先のテーマを選んでください。');
  if (kind === 'move' && to === from) throw new InvalidInputError('to', '移動先には、いまのテーマ以外を選んでください。');
  if (kind === 'pin' && from === null) throw new InvalidInputError('from', '固定できるのは、テーマに入っている事例だけです。');
  const revision = field('revision');
  if (from !== null && (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 0)) {
    throw new InvalidInputError('revision', 'どの時点のテーマへの操作かがわかりません。画面を更新してから操作してください。');
  }
  return { kind: kind as CaseCorrectionKind, recordId: recordId.trim(), from, to: kind === 'move' ? to : null, revision: from === null ? null : (revision as number) };
}

/**
 * One correction of one case, in one write: the case must still be where the person saw
 * it, the latest run's membership changes at once (counts measured again), and the
 * correction is recorded so that every later analysis, incremental or full, keeps it so.
 */
export async function correctCase(db: Database, c: CaseCorrection & { userId: string; now: Date }): Promise<{ correctionId: number; place: CasePlace }> {
  return db.write(async (scope) => {
    const runId = (await scope.rows(LATEST_RUN))[0]?.run_id;
    if (runId === undefined) throw new NotFoundError('no_run', 'まだ分析が行われていません。');
    const run = String(runId);
    const here = await casePlace(scope, run, c.recordId);
    if (c.from !== null) {
      const theme = await latestRunTheme(scope, c.from);
      if (theme.revision !== c.revision) throw staleDecision();
    }
    if (here.themeId !== c.from) throw new ConflictError('stale_case', `事例 ${c.recordId} はすでに他の場所へ移されています。画面を更新してください。`);
    let place: CasePlace;
    if (c.kind === 'move') {
      const to = c.to as string;
      await latestRunTheme(scope, to);
      place = { themeId: to, individual: false };
    } else if (c.kind === 'take_out') {
      if (c.from === null && here.individual) throw new ConflictError('already_out', `事例 ${c.recordId} はすでに個別の事情です。`);
      place = { themeId: null, individual: true };
    } else {
      place = here;
    }
    if (place !== here) await placeCase(scope, run, c.recordId, here, place);
    const correctionId = await recordCorrection(scope, { kind: c.kind, themeId: c.from, userId: c.userId, now: c.now, cases: [{ recordId: c.recordId, from: c.from, to: place.themeId }] });
    for (const themeId of new Set([c.from, place.themeId])) {
      if (themeId === null) continue;
      await recountTheme(scope, run, themeId);
      await recordHistory(scope, themeId, c.userId, c.kind, { recordId: c.recordId, themeId: c.from }, { recordId: c.recordId, themeId: place.themeId, correctionId }, c.now);
    }
    await audit(scope, { userId: c.userId, action: `case_${c.kind}`, target: c.recordId, before: { themeId: c.from }, after: { ...place, correctionId } }, c.now);
    return { correctionId, place };
  });
}
