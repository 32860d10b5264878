import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations } from '../pipelines/db/migrate.ts';
import { queryRows, tempDatabase } from './helpers/temp-db.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sqlFiles(path);
    return entry.name.endsWith('.sql') ? [relative(ROOT, path)] : [];
  });
}

const ALL = [...sqlFiles(join(ROOT, 'pipelines')), ...sqlFiles(join(ROOT, 'server'))].sort();
const MIGRATIONS = ALL.filter((f) => f.startsWith('pipelines/db/migrations/'));
const STATEMENTS = ALL.filter((f) => !MIGRATIONS.includes(f));

/** Bound parameters of each fixed statement: a new .sql file must be listed here to pass. */
const PARAMETERS: Record<string, number> = {
  'pipelines/audit/sql/insert-audit.sql': 6,
  'pipelines/audit/sql/list-audit.sql': 1,
  'pipelines/city-plan/sql/clear-plan-items.sql': 0,
  'pipelines/city-plan/sql/clear-theme-links.sql': 1,
  'pipelines/city-plan/sql/drop-stale-links.sql': 0,
  'pipelines/city-plan/sql/insert-plan-item.sql': 4,
  'pipelines/city-plan/sql/insert-theme-link.sql': 2,
  'pipelines/city-plan/sql/plan-item-numbers.sql': 0,
  'pipelines/city-plan/sql/plan-report.sql': 0,
  'pipelines/city-plan/sql/theme-links.sql': 1,
  'pipelines/ingest/sql/create-staging.sql': 0,
  'pipelines/ingest/sql/drop-staging.sql': 0,
  'pipelines/ingest/sql/find-unchanged.sql': 0,
  'pipelines/ingest/sql/find-upload-by-checksum.sql': 1,
  'pipelines/ingest/sql/insert-upload.sql': 12,
  'pipelines/ingest/sql/insert-versions.sql': 1,
  'pipelines/meetings/sql/clear-agenda.sql': 1,
  'pipelines/meetings/sql/insert-agenda-item.sql': 5,
  'pipelines/meetings/sql/insert-meeting.sql': 8,
  'pipelines/meetings/sql/last-meeting-number.sql': 0,
  'pipelines/meetings/sql/list-meetings.sql': 0,
  'pipelines/meetings/sql/meeting-agenda.sql': 1,
  'pipelines/meetings/sql/meeting-decisions.sql': 1,
  'pipelines/meetings/sql/meeting.sql': 1,
  'pipelines/meetings/sql/theme-exists.sql': 1,
  'pipelines/raised/sql/decide-issue.sql': 6,
  'pipelines/raised/sql/insert-issue.sql': 7,
  'pipelines/raised/sql/issue.sql': 1,
  'pipelines/raised/sql/last-issue-number.sql': 0,
  'pipelines/raised/sql/list-issues.sql': 2,
  'pipelines/review/sql/bump-revision.sql': 1,
  'pipelines/review/sql/case-place.sql': 2,
  'pipelines/review/sql/correction.sql': 1,
  'pipelines/review/sql/fix-theme-members.sql': 4,
  'pipelines/review/sql/insert-correction-case.sql': 4,
  'pipelines/review/sql/insert-correction.sql': 4,
  'pipelines/review/sql/join-theme.sql': 3,
  'pipelines/review/sql/leave-theme.sql': 2,
  'pipelines/review/sql/leave-unassigned.sql': 2,
  'pipelines/review/sql/list-corrections.sql': 1,
  'pipelines/review/sql/review-queue.sql': 1,
  'pipelines/review/sql/set-unassigned.sql': 3,
  'pipelines/review/sql/standing-place.sql': 1,
  'pipelines/review/sql/undo-correction.sql': 3,
  'pipelines/themes/sql/case-corrections.sql': 0,
  'pipelines/review/sql/corpus-span.sql': 0,
  'pipelines/review/sql/drop-snapshot.sql': 2,
  'pipelines/review/sql/drop-theme-terms.sql': 2,
  'pipelines/review/sql/insert-history.sql': 7,
  'pipelines/review/sql/insert-split-snapshot.sql': 4,
  'pipelines/review/sql/insert-split-theme.sql': 3,
  'pipelines/review/sql/insert-theme-term.sql': 5,
  'pipelines/review/sql/latest-run-theme.sql': 1,
  'pipelines/review/sql/mark-merged.sql': 3,
  'pipelines/review/sql/member-facts.sql': 2,
  'pipelines/review/sql/merge-members.sql': 3,
  'pipelines/review/sql/move-members.sql': 4,
  'pipelines/review/sql/theme-decision.sql': 1,
  'pipelines/review/sql/theme-member-ids.sql': 2,
  'pipelines/review/sql/unmark-merged.sql': 1,
  'pipelines/review/sql/update-recurrence.sql': 10,
  'pipelines/review/sql/update-theme-decision.sql': 5,
  'pipelines/subcommittees/sql/insert-progress.sql': 7,
  'pipelines/subcommittees/sql/progress-board.sql': 2,
  'pipelines/subcommittees/sql/theme-plan.sql': 1,
  'pipelines/subcommittees/sql/theme-progress.sql': 1,
  'pipelines/subcommittees/sql/theme-status.sql': 1,
  'pipelines/subcommittees/sql/upsert-plan.sql': 6,
  'pipelines/text/sql/case-tfidf.sql': 1,
  'pipelines/text/sql/create-indexing-pairs.sql': 0,
  'pipelines/text/sql/create-names-staging.sql': 0,
  'pipelines/text/sql/create-term-staging.sql': 0,
  'pipelines/text/sql/create-token-staging.sql': 0,
  'pipelines/text/sql/drop-staging.sql': 0,
  'pipelines/text/sql/drop-stale-terms.sql': 0,
  'pipelines/text/sql/find-cached-names.sql': 2,
  'pipelines/text/sql/find-cached-tokens.sql': 1,
  'pipelines/text/sql/find-unindexed-cases.sql': 3,
  'pipelines/text/sql/insert-staged-names.sql': 0,
  'pipelines/text/sql/insert-staged-terms.sql': 0,
  'pipelines/text/sql/insert-staged-tokens.sql': 0,
  'pipelines/text/sql/mark-indexed.sql': 0,
  'pipelines/text/sql/read-index-state.sql': 0,
  'pipelines/text/sql/replace-indexed.sql': 0,
  'pipelines/text/sql/reset-case-terms.sql': 0,
  'pipelines/text/sql/reset-indexed-cases.sql': 0,
  'pipelines/text/sql/term-cooccurrence.sql': 3,
  'pipelines/text/sql/term-frequencies-by.sql': 3,
  'pipelines/text/sql/term-frequencies.sql': 4,
  'pipelines/text/sql/term-occurrences.sql': 4,
  'pipelines/text/sql/term-spread.sql': 3,
  'pipelines/text/sql/unindexed-pages.sql': 2,
  'pipelines/text/sql/write-index-state.sql': 2,
  'pipelines/themes/sql/analysis-basis.sql': 0,
  'pipelines/themes/sql/case-excerpts.sql': 1,
  'pipelines/themes/sql/case-facts.sql': 0,
  'pipelines/themes/sql/case-rows.sql': 0,
  'pipelines/themes/sql/case-wall-texts.sql': 0,
  'pipelines/themes/sql/clear-term-vectors.sql': 0,
  'pipelines/themes/sql/case-term-weights.sql': 6,
  'pipelines/themes/sql/guided-theme-ids.sql': 0,
  'pipelines/themes/sql/insert-run.sql': 6,
  'pipelines/themes/sql/insert-term-vector-build.sql': 6,
  'pipelines/themes/sql/last-theme-number.sql': 0,
  'pipelines/themes/sql/latest-run-settings.sql': 0,
  'pipelines/themes/sql/latest-run.sql': 0,
  'pipelines/themes/sql/mark-vanished.sql': 1,
  'pipelines/themes/sql/predicate-terms.sql': 0,
  'pipelines/themes/sql/run-centroids.sql': 1,
  'pipelines/themes/sql/run-members.sql': 1,
  'pipelines/themes/sql/run-membership.sql': 1,
  'pipelines/themes/sql/run-unassigned.sql': 1,
  'pipelines/themes/sql/theme-breakdown.sql': 3,
  'pipelines/themes/sql/unseen-cases.sql': 1,
  'pipelines/themes/sql/term-vector-build.sql': 0,
  'pipelines/themes/sql/term-vectors.sql': 0,
  'pipelines/themes/sql/upsert-theme.sql': 3,
  'server/accounts/sql/count-secretariats.sql': 0,
  'server/accounts/sql/delete-session.sql': 1,
  'server/accounts/sql/find-session.sql': 2,
  'server/accounts/sql/find-user-by-login.sql': 1,
  'server/accounts/sql/insert-login-attempt.sql': 4,
  'server/accounts/sql/insert-login-release.sql': 3,
  'server/accounts/sql/attempt-counts.sql': 3,
  'server/accounts/sql/attempt-succeeded.sql': 1,
  'server/accounts/sql/find-user-by-id.sql': 1,
  'server/accounts/sql/insert-session.sql': 5,
  'server/accounts/sql/insert-user.sql': 6,
  'server/accounts/sql/list-users.sql': 0,
  'server/demo/sql/clear-demo.sql': 0,
  'server/jobs/sql/find-job.sql': 1,
  'server/jobs/sql/finish-job.sql': 7,
  'server/jobs/sql/insert-job.sql': 5,
  'server/jobs/sql/interrupt-jobs.sql': 3,
  'server/settings/sql/read-settings.sql': 0,
  'server/settings/sql/write-settings.sql': 3,
  'server/themes/sql/known-areas.sql': 0,
  'server/themes/sql/latest-themes.sql': 0,
  'server/themes/sql/recent-history.sql': 1,
  'server/themes/sql/run-basis.sql': 0,
  'server/themes/sql/run-breakdown.sql': 2,
  'server/themes/sql/theme-cases.sql': 2,
  'server/themes/sql/theme-cooccurrence.sql': 2,
  'server/themes/sql/theme-cross.sql': 2,
  'server/themes/sql/theme-history.sql': 1,
  'server/themes/sql/theme-monthly.sql': 2,
  'server/themes/sql/theme-representatives.sql': 3,
  'server/themes/sql/theme-terms.sql': 2,
  'server/themes/sql/unassigned-cases.sql': 1,
  'server/themes/sql/themes-fed-by-user.sql': 2,
  'server/themes/sql/themes-matching.sql': 6,
  'server/uploads/sql/list-runs.sql': 0,
  'server/uploads/sql/list-uploads.sql': 1,
  'server/uploads/sql/upload-issues.sql': 1,
  'server/uploads/sql/upload-pii.sql': 1,
  'server/uploads/sql/upload.sql': 1,
};

let temp: Awaited<ReturnType<typeof tempDatabase>>;
/** Each statement's bound parameters, or why it did not plan. */
const planned = new Map<string, number | string>();
beforeAll(async () => {
  temp = await tempDatabase();
  await temp.db.write(async (scope) => {
    // The statements that make temporary tables run first, so the others can refer to them.
    for (const file of STATEMENTS.filter((f) => /\/create-[^/]+\.sql$/.test(f))) await scope.run(readFileSync(join(ROOT, file), 'utf8'));
    for (const file of STATEMENTS) {
      planned.set(file, await scope.parameterCount(readFileSync(join(ROOT, file), 'utf8')).catch((error: Error) => error.message));
    }
  });
});
afterAll(() => temp.close());

describe('the .sql files', () => {
  it('are all found', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    expect(STATEMENTS.length).toBeGreaterThan(0);
  });

  it('migrations are all applied, in order, when a database is opened', async () => {
    const applied = await queryRows(temp.db, 'SELECT version, name FROM schema_migrations ORDER BY version');
    expect(applied).toEqual((await listMigrations()).map((m) => ({ version: m.version, name: m.name })));
    expect(applied.map((m) => `pipelines/db/migrations/${String(m.name)}`)).toEqual(MIGRATIONS);
  });

  it.each(STATEMENTS)('%s binds and plans against the migrated schema', (file) => {
    expect(planned.get(file)).toBe(PARAMETERS[file]);
  });
});
