import { audit } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { InvalidInputError } from '../domain-error.ts';
import { fixThemeMembers, recordCorrection } from './corrections.ts';
import { recountTheme } from './recount-theme.ts';
import { claimRevision, latestRunTheme, recordHistory, type Change } from './theme-state.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const MERGE_MEMBERS = sql('merge-members.sql');
const DROP_SNAPSHOT = sql('drop-snapshot.sql');
const DROP_TERMS = sql('drop-theme-terms.sql');
const MARK_MERGED = sql('mark-merged.sql');
const BUMP_REVISION = sql('bump-revision.sql');

/**
 * Merges theme `themeId` into theme `into` in the latest run, in one write: its cases
 * join `into`, whose counts and score are measured again; the merged theme is marked
 * merged (never deleted); both histories and the audit log say so. The merge is recorded
 * as a correction: every later analysis keeps the cases of both themes together.
 */
export async function mergeThemes(db: Database, change: Change & { into: string }): Promise<void> {
  const { themeId: from, into } = change;
  if (into === '' || into === from) throw new InvalidInputError('into', '統合先のテーマ（このテーマ以外）を指定してください。');
  await db.write(async (scope) => {
    const source = await claimRevision(scope, from, change.revision);
    await latestRunTheme(scope, into);
    await scope.run(BUMP_REVISION, [into]);
    // Must-link: every case of both themes stays together in every later analysis.
    const correctionId = await recordCorrection(scope, { kind: 'merge', themeId: from, userId: change.userId, now: change.now });
    for (const themeId of [from, into]) await fixThemeMembers(scope, correctionId, source.runId, themeId, into);
    await scope.run(MERGE_MEMBERS, [source.runId, into, from]);
    await scope.run(DROP_SNAPSHOT, [source.runId, from]);
    await scope.run(DROP_TERMS, [source.runId, from]);
    await scope.run(MARK_MERGED, [from, into, source.runId]);
    await recountTheme(scope, source.runId, into);
    await recordHistory(scope, into, change.userId, 'merge', { cases: source.caseCount }, { mergedFrom: from, correctionId }, change.now);
    await recordHistory(scope, from, change.userId, 'merge', { cases: source.caseCount }, { mergedInto: into, correctionId }, change.now);
    await audit(scope, { userId: change.userId, action: 'theme_merge', target: into, before: { from, into }, after: { mergedInto: into } }, change.now);
  });
}
