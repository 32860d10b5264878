import type { ReadScope, Row } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const LATEST_THEMES = sql('latest-themes.sql');
const THEME_HISTORY = sql('theme-history.sql');
const THEME_TERMS = sql('theme-terms.sql');
const FED_BY_USER = sql('themes-fed-by-user.sql');
const THEME_MONTHLY = sql('theme-monthly.sql');
const THEMES_MATCHING = sql('themes-matching.sql');
const THEME_REPRESENTATIVES = sql('theme-representatives.sql');
const THEME_COOCCURRENCE = sql('theme-cooccurrence.sql');
const THEME_CROSS = sql('theme-cross.sql');
const KNOWN_AREAS = sql('known-areas.sql');
const RECENT_HISTORY = sql('recent-history.sql');

/** The reads behind the dashboard's theme screens, each inside the caller's read. */
export const latestThemes = (scope: ReadScope): Promise<Row[]> => scope.rows(LATEST_THEMES);
export const themeTerms = (scope: ReadScope, runId: string, themeId: string) => scope.rows(THEME_TERMS, [runId, themeId]);
export const themeHistory = (scope: ReadScope, themeId: string) => scope.rows(THEME_HISTORY, [themeId]);
export const themeCooccurrence = (scope: ReadScope, runId: string, themeId: string) => scope.rows(THEME_COOCCURRENCE, [runId, themeId]);
export const monthlyCases = (scope: ReadScope, runId: string, themeId: string) => scope.rows(THEME_MONTHLY, [runId, themeId]);
export const recentHistory = (scope: ReadScope, count: number) => scope.rows(RECENT_HISTORY, [count]);
export const themeCross = (scope: ReadScope, runId: string, themeId: string) => scope.rows(THEME_CROSS, [runId, themeId]);
export const knownAreas = async (scope: ReadScope) => (await scope.rows(KNOWN_AREAS)).map((r) => String(r.area));

/** Theme id → how many of the user's own uploaded cases it holds. */
export async function themesFedBy(scope: ReadScope, runId: string, userId: string): Promise<Map<string, number>> {
  return new Map((await scope.rows(FED_BY_USER, [runId, userId])).map((r) => [String(r.theme_id), Number(r.own_cases)]));
}

export interface CaseFilter {
  area: string | null;
  disabilityType: string | null;
  ageBand: string | null;
  from: string | null;
  to: string | null;
}

export async function themesMatching(scope: ReadScope, runId: string, f: CaseFilter): Promise<Set<string>> {
  return new Set((await scope.rows(THEMES_MATCHING, [runId, f.area, f.disabilityType, f.ageBand, f.from, f.to])).map((r) => String(r.theme_id)));
}

export async function representativeIds(scope: ReadScope, runId: string, themeId: string, count: number): Promise<string[]> {
  return (await scope.rows(THEME_REPRESENTATIVES, [runId, themeId, count])).map((r) => String(r.record_id));
}
