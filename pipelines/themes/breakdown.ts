import type { Database } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import type { Facet } from '../text/term-stats.ts';

const THEME_BREAKDOWN = sqlFile(import.meta.url, 'sql/theme-breakdown.sql');

/** A theme's cases in one run, counted by 地区, 障害種別, 年齢層 or month. */
export async function themeBreakdown(db: Database, runId: string, themeId: string, facet: Facet): Promise<Array<{ value: string; cases: number }>> {
  const rows = (await db.connection.runAndReadAll(THEME_BREAKDOWN, [runId, themeId, facet])).getRowObjectsJson();
  return rows.map((r) => ({ value: String(r.value), cases: Number(r.cases) }));
}
