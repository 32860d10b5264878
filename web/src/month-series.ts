import type { MonthlyCount } from './charts/monthly-bars.ts';

/** A period breakdown (themes × 月, 四半期 or 年度, long form) as series per theme, over one domain. */
export interface BreakdownLine {
  theme_id: string;
  value: string;
  cases: number | null;
  suppressed: boolean;
}

export const TOTAL = '合計';

/** Every month from the first to the last, so gaps show as zero months, not as missing ones. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

export interface MonthSeries {
  months: string[];
  total: MonthlyCount[];
  byTheme: Map<string, MonthlyCount[]>;
}

/** Series over months (gaps filled) or, with `fill` false, over the periods present (quarters, years). */
export function monthSeries(lines: readonly BreakdownLine[], fill = true): MonthSeries {
  const known = [...new Set(lines.filter((l) => l.value !== TOTAL).map((l) => l.value))].sort();
  const months = !fill ? known : known.length ? monthRange(known[0] as string, known[known.length - 1] as string) : [];
  const grouped = new Map<string, Map<string, BreakdownLine>>();
  for (const l of lines) {
    if (l.value === TOTAL) continue;
    const theme = grouped.get(l.theme_id) ?? new Map<string, BreakdownLine>();
    theme.set(l.value, l);
    grouped.set(l.theme_id, theme);
  }
  const series = (theme: Map<string, BreakdownLine> | undefined): MonthlyCount[] =>
    months.map((month) => {
      const l = theme?.get(month);
      return { month, cases: l ? l.cases : 0, suppressed: l?.suppressed ?? false };
    });
  const byTheme = new Map([...grouped].filter(([id]) => id !== TOTAL).map(([id, theme]) => [id, series(theme)]));
  return { months, total: series(grouped.get(TOTAL)), byTheme };
}

/** "2024-04〜2025-03", or the one month. */
export const periodText = (from: string | undefined, to: string | undefined): string => (from && to && from !== to ? `${from}〜${to}` : (from ?? to ?? ''));
