import type { ReadScope, WriteScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { NotFoundError } from '../domain-error.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const CASE_PLACE = sql('case-place.sql');
const MOVE_MEMBER = sql('move-members.sql');
const JOIN_THEME = sql('join-theme.sql');
const LEAVE_UNASSIGNED = sql('leave-unassigned.sql');
const LEAVE_THEME = sql('leave-theme.sql');
const SET_UNASSIGNED = sql('set-unassigned.sql');

/** Where a case sits in a run: its theme, or unassigned (in the 個別の事情 group or not). */
export interface CasePlace {
  themeId: string | null;
  individual: boolean;
}

/** Where case `recordId` is in run `runId`; not found when the run does not hold it. */
export async function casePlace(scope: ReadScope, runId: string, recordId: string): Promise<CasePlace> {
  const row = (await scope.rows(CASE_PLACE, [runId, recordId]))[0];
  if (!row) throw new NotFoundError('not_found', `事例 ${recordId} は最新の分析にありません。`);
  return { themeId: row.theme_id === null ? null : String(row.theme_id), individual: row.individual === true };
}

/** Moves a case of run `runId` from `here` to `to`: into a theme, or out of every theme (into the 個別の事情 group or not). */
export async function placeCase(scope: WriteScope, runId: string, recordId: string, here: CasePlace, to: CasePlace): Promise<void> {
  if (here.themeId !== null && to.themeId !== null) {
    await scope.run(MOVE_MEMBER, [runId, here.themeId, to.themeId, recordId]);
  } else if (to.themeId !== null) {
    await scope.run(LEAVE_UNASSIGNED, [runId, recordId]);
    await scope.run(JOIN_THEME, [runId, to.themeId, recordId]);
  } else {
    if (here.themeId !== null) await scope.run(LEAVE_THEME, [runId, recordId]);
    await scope.run(SET_UNASSIGNED, [runId, recordId, to.individual]);
  }
}
