import { fetchArrowRows } from './arrow.ts';
import { monthSeries, type BreakdownLine, type MonthSeries } from './month-series.ts';

/**
 * Finest first: published trends use the finest period at which most of what the themes
 * hold still shows after suppression, or else the one that shows the most.
 */
const PERIODS = [
  { facet: '月', label: '月別', fill: true },
  { facet: '四半期', label: '四半期別（年度）', fill: false },
  { facet: '年度', label: '年度別', fill: false },
] as const;
const SHOWN_ENOUGH = 2 / 3;

export interface TrendPeriod {
  facet: (typeof PERIODS)[number]['facet'];
  label: string;
  series: MonthSeries;
  /** The months of the finest period, for the report's stated span. */
  months: string[];
}

/** The share of non-zero cells of `themeIds` that suppression leaves visible. */
function shownShare(series: MonthSeries, themeIds: readonly string[]): number {
  const cells = themeIds.flatMap((id) => series.byTheme.get(id) ?? []).filter((c) => c.suppressed || (c.cases ?? 0) > 0);
  return cells.length === 0 ? 1 : cells.filter((c) => !c.suppressed).length / cells.length;
}

/** The published trends of `themeIds` at the finest period that still shows most of them. */
export async function publishedTrends(themeIds: readonly string[]): Promise<TrendPeriod> {
  const byPeriod = await Promise.all(PERIODS.map((p) => fetchArrowRows<BreakdownLine>(`/api/exports/breakdown.arrow?facet=${encodeURIComponent(p.facet)}&published=1`)));
  const candidates = PERIODS.map((p, i) => ({ ...p, series: monthSeries(byPeriod[i] ?? [], p.fill) }));
  const shares = candidates.map((c) => shownShare(c.series, themeIds));
  const enough = shares.findIndex((share) => share >= SHOWN_ENOUGH);
  const chosen = candidates[enough >= 0 ? enough : shares.indexOf(Math.max(...shares))] as (typeof candidates)[number];
  return { facet: chosen.facet, label: chosen.label, series: chosen.series, months: candidates[0]?.series.months ?? [] };
}
