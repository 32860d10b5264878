import type { Status } from '../../shared/vocabulary.ts';
import type { ReadScope, WriteScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { InvalidInputError, NotFoundError, staleDecision } from '../domain-error.ts';
import { bodyField } from '../request-fields.ts';
import type { Decision } from './workflow.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const THEME_DECISION = sql('theme-decision.sql');
const LATEST_RUN_THEME = sql('latest-run-theme.sql');
const INSERT_HISTORY = sql('insert-history.sql');
const BUMP_REVISION = sql('bump-revision.sql');

/** Who changes a theme, when, and on which revision of it they saw. */
export interface Change {
  themeId: string;
  userId: string;
  /** The theme's revision the person was looking at. */
  revision: number;
  now: Date;
}

/** The revision a request says its decision was made on: required, so that no decision overwrites another unseen. */
export function parseRevision(body: unknown, field = 'revision'): number {
  const value = bodyField(body, field);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidInputError(field, 'どの時点のテーマへの操作かがわかりません。画面を更新してから操作してください。');
  }
  return value;
}

export interface ThemeState {
  decision: Decision;
  revision: number;
}

/** A theme's decision and revision as this write sees them; refused when gone or changed since `revision`. */
export async function currentTheme(scope: ReadScope, themeId: string, revision: number): Promise<ThemeState> {
  const r = (await scope.rows(THEME_DECISION, [themeId]))[0];
  if (!r) throw new NotFoundError('not_found', `テーマ ${themeId} はありません。`);
  if (Number(r.revision) !== revision || r.merged_into !== null) throw staleDecision();
  return {
    decision: { name: (r.council_name as string | null) ?? null, status: r.status as Status, subcommittee: (r.subcommittee as string | null) ?? null, notes: (r.notes as string | null) ?? null },
    revision,
  };
}

/** A theme of the latest run, as a merge or split changes it; refused when not in that run. */
export async function latestRunTheme(scope: ReadScope, themeId: string): Promise<{ runId: string; caseCount: number; revision: number }> {
  const r = (await scope.rows(LATEST_RUN_THEME, [themeId]))[0];
  if (!r) throw new NotFoundError('not_found', `テーマ ${themeId} は最新の分析にありません。`);
  return { runId: String(r.run_id), caseCount: Number(r.case_count), revision: Number(r.revision) };
}

/** Checks a latest-run theme's revision, then marks it changed. */
export async function claimRevision(scope: WriteScope, themeId: string, revision: number): Promise<{ runId: string; caseCount: number }> {
  const theme = await latestRunTheme(scope, themeId);
  if (theme.revision !== revision) throw staleDecision();
  await scope.run(BUMP_REVISION, [themeId]);
  return theme;
}

/** Adds an entry to a theme's history: what it was before and after, who, when, and in which meeting (if any). */
export async function recordHistory(scope: WriteScope, themeId: string, userId: string, action: string, before: unknown, after: unknown, now: Date, meetingId: string | null = null): Promise<void> {
  await scope.run(INSERT_HISTORY, [themeId, now.toISOString(), userId, action, JSON.stringify(before), JSON.stringify(after), meetingId]);
}
