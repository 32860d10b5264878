import { periodSeries, type PeriodLine, type PeriodSeries } from '../../shared/period-series.ts';

export { monthRange, periodText, TOTAL } from '../../shared/period-series.ts';
export type MonthSeries = PeriodSeries;

/** A breakdown line as the Arrow exports carry it (themes × 月, 四半期, 年度, 地区 …, long form). */
export interface BreakdownLine {
  theme_id: string;
  value: string;
  cases: number | null;
  suppressed: boolean;
}

/** An Arrow breakdown line in the shared shape. */
export const periodLine = (l: BreakdownLine): PeriodLine => ({ themeId: l.theme_id, value: l.value, cases: l.cases, suppressed: l.suppressed });

/** Series over months (gaps filled) or, with `fill` false, over the periods present (quarters, years). */
export const monthSeries = (lines: readonly BreakdownLine[], fill = true): MonthSeries => periodSeries(lines.map(periodLine), fill);
