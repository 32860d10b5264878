import type { ReadScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import type { Facet } from '../text/term-stats.ts';

const THEME_BREAKDOWN = sqlFile(import.meta.url, 'sql/theme-breakdown.sql');

/** A theme's cases in one run, counted by 地区, 障害種別, 年齢層 or month. */
export async function themeBreakdown(scope: ReadScope, runId: string, themeId: string, facet: Facet): Promise<Array<{ value: string; cases: number }>> {
  const rows = await scope.rows(THEME_BREAKDOWN, [runId, themeId, facet]);
  return rows.map((r) => ({ value: String(r.value), cases: Number(r.cases) }));
}
