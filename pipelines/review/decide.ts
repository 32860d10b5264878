import { audit } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { meetingOfDecision } from '../meetings/meetings.ts';
import { currentTheme, recordHistory, type Change } from './theme-state.ts';
import { applyAction, type Decision, type ThemeAction } from './workflow.ts';

const UPDATE_DECISION = sqlFile(import.meta.url, 'sql/update-theme-decision.sql');

/**
 * One decision of the meeting, in one write: the theme as it stands is checked against
 * the revision the person decided on, the action applied, and the new decision, its
 * history entry (naming the meeting it was taken in, when given) and its audit entry
 * stored together.
 */
export async function decide(db: Database, change: Change & { action: ThemeAction; subcommittees: readonly string[]; meetingId?: string | null }): Promise<{ decision: Decision; revision: number }> {
  return db.write(async (scope) => {
    const meetingId = await meetingOfDecision(scope, change.meetingId ?? null);
    const { decision: before } = await currentTheme(scope, change.themeId, change.revision);
    const after = applyAction(before, change.action, change.subcommittees, change.now.toISOString().slice(0, 10));
    await scope.run(UPDATE_DECISION, [change.themeId, after.name, after.status, after.subcommittee, after.notes]);
    await recordHistory(scope, change.themeId, change.userId, change.action.action, before, after, change.now, meetingId);
    await audit(scope, { userId: change.userId, action: `theme_${change.action.action}`, target: change.themeId, before, after }, change.now);
    return { decision: after, revision: change.revision + 1 };
  });
}
