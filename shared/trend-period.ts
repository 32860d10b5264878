import { periodSeries, type PeriodLine, type PeriodSeries } from './period-series.ts';

/**
 * Finest first: published trends use the finest period at which most of what the themes
 * hold still shows after suppression, or else the one that shows the most. The plenary's
 * print view, a public meeting pack and the saved report (PowerPoint, Excel) all choose here.
 */
export const TREND_PERIODS = [
  { facet: '月', label: '月別', fill: true },
  { facet: '四半期', label: '四半期別（年度）', fill: false },
  { facet: '年度', label: '年度別', fill: false },
] as const;
export type TrendFacet = (typeof TREND_PERIODS)[number]['facet'];
const SHOWN_ENOUGH = 2 / 3;

export interface TrendPeriod {
  facet: TrendFacet;
  label: string;
  series: PeriodSeries;
  /** The months of the finest period, for the report's stated span. */
  months: string[];
}

/** The share of non-zero cells of `themeIds` that suppression leaves visible. */
function shownShare(series: PeriodSeries, themeIds: readonly string[]): number {
  const cells = themeIds.flatMap((id) => series.byTheme.get(id) ?? []).filter((c) => c.suppressed || (c.cases ?? 0) > 0);
  return cells.length === 0 ? 1 : cells.filter((c) => !c.suppressed).length / cells.length;
}

/**
 * The published trends of `themeIds` at the finest period that still shows most of them,
 * from the published breakdown lines of each period (`linesOf('月')` …).
 */
export function chooseTrendPeriod(themeIds: readonly string[], linesOf: (facet: TrendFacet) => readonly PeriodLine[]): TrendPeriod {
  const candidates = TREND_PERIODS.map((p) => ({ ...p, series: periodSeries(linesOf(p.facet), p.fill) }));
  const shares = candidates.map((c) => shownShare(c.series, themeIds));
  const enough = shares.findIndex((share) => share >= SHOWN_ENOUGH);
  const chosen = candidates[enough >= 0 ? enough : shares.indexOf(Math.max(...shares))] as (typeof candidates)[number];
  return { facet: chosen.facet, label: chosen.label, series: chosen.series, months: candidates[0]?.series.months ?? [] };
}

/** How many of the ranked themes the report shows the trend of. */
export const LEADING_THEMES = 8;
