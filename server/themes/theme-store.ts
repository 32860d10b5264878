import type { Database } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { inTransaction } from '../../pipelines/db/transaction.ts';
import type { Decision, Status } from './workflow.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const LATEST_THEMES = sql('latest-themes.sql');
const THEME_DECISION = sql('theme-decision.sql');
const UPDATE_DECISION = sql('update-theme-decision.sql');
const INSERT_HISTORY = sql('insert-history.sql');
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

type Row = Record<string, unknown>;
const rows = async (db: Database, query: string, params: Array<string | number | null> = []): Promise<Row[]> =>
  (await db.connection.runAndReadAll(query, params)).getRowObjectsJson() as Row[];

export const latestThemes = (db: Database) => rows(db, LATEST_THEMES);
export const themeTerms = (db: Database, runId: string, themeId: string) => rows(db, THEME_TERMS, [runId, themeId]);
export const themeHistory = (db: Database, themeId: string) => rows(db, THEME_HISTORY, [themeId]);
export const themeCooccurrence = (db: Database, runId: string, themeId: string) => rows(db, THEME_COOCCURRENCE, [runId, themeId]);
export const monthlyCases = (db: Database, runId: string, themeId: string) => rows(db, THEME_MONTHLY, [runId, themeId]);

export const recentHistory = (db: Database, count: number) => rows(db, RECENT_HISTORY, [count]);
export const themeCross = (db: Database, runId: string, themeId: string) => rows(db, THEME_CROSS, [runId, themeId]);
export const knownAreas = async (db: Database) => (await rows(db, KNOWN_AREAS)).map((r) => String(r.area));

/** Theme id → how many of the user's own uploaded cases it holds. */
export async function themesFedBy(db: Database, runId: string, userId: string): Promise<Map<string, number>> {
  return new Map((await rows(db, FED_BY_USER, [runId, userId])).map((r) => [String(r.theme_id), Number(r.own_cases)]));
}

export interface CaseFilter {
  area: string | null;
  disabilityType: string | null;
  ageBand: string | null;
  from: string | null;
  to: string | null;
}

export async function themesMatching(db: Database, runId: string, f: CaseFilter): Promise<Set<string>> {
  return new Set((await rows(db, THEMES_MATCHING, [runId, f.area, f.disabilityType, f.ageBand, f.from, f.to])).map((r) => String(r.theme_id)));
}

export async function representativeIds(db: Database, runId: string, themeId: string, count: number): Promise<string[]> {
  return (await rows(db, THEME_REPRESENTATIVES, [runId, themeId, count])).map((r) => String(r.record_id));
}

export async function decisionOf(db: Database, themeId: string): Promise<Decision | null> {
  const r = (await rows(db, THEME_DECISION, [themeId]))[0];
  if (!r) return null;
  return { name: (r.council_name as string | null) ?? null, status: r.status as Status, subcommittee: (r.subcommittee as string | null) ?? null, notes: (r.notes as string | null) ?? null };
}

/** Adds a history entry without changing the decision (a merge, say). */
export async function recordHistory(db: Database, themeId: string, userId: string, action: string, before: unknown, after: unknown, now: Date): Promise<void> {
  await db.connection.run(INSERT_HISTORY, [themeId, now.toISOString(), userId, action, JSON.stringify(before), JSON.stringify(after)]);
}

/** Stores a decision and its history entry in one transaction. */
export async function saveDecision(db: Database, themeId: string, userId: string, action: string, before: Decision, after: Decision, now: Date): Promise<void> {
  const c = db.connection;
  await inTransaction(c, async () => {
    await c.run(UPDATE_DECISION, [themeId, after.name, after.status, after.subcommittee, after.notes]);
    await c.run(INSERT_HISTORY, [themeId, now.toISOString(), userId, action, JSON.stringify(before), JSON.stringify(after)]);
  });
}
