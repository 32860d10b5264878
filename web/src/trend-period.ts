import { chooseTrendPeriod, TREND_PERIODS, type TrendPeriod } from '../../shared/trend-period.ts';
import { fetchArrowRows } from './arrow.ts';
import { periodLine, type BreakdownLine } from './month-series.ts';

export type { TrendPeriod };

/** The published trends of `themeIds` at the finest period that still shows most of them (shared/trend-period.ts). */
export async function publishedTrends(themeIds: readonly string[]): Promise<TrendPeriod> {
  const byPeriod = await Promise.all(TREND_PERIODS.map((p) => fetchArrowRows<BreakdownLine>(`/api/exports/breakdown.arrow?facet=${encodeURIComponent(p.facet)}&published=1`)));
  const lines = new Map(TREND_PERIODS.map((p, i) => [p.facet, (byPeriod[i] ?? []).map(periodLine)]));
  return chooseTrendPeriod(themeIds, (facet) => lines.get(facet) ?? []);
}
