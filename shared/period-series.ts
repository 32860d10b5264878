/**
 * A period breakdown — cases of each theme per 月, 四半期 or 年度, in long form as the
 * server's breakdown tables and the dashboard's Arrow tables carry it — turned into one
 * series per theme over one common domain. Pure; the dashboard and the server's plenary
 * report both use it, so a report drawn in the browser and one saved as a file agree.
 */

/** The `value` (and theme) of a breakdown's total lines. */
export const TOTAL = '合計';

/** One line of a breakdown: a theme's cases in one period; `cases` null when suppressed. */
export interface PeriodLine {
  themeId: string;
  value: string;
  cases: number | null;
  suppressed: boolean;
}

/** One period of a series: a suppressed one has no count. */
export interface PeriodCount {
  month: string;
  cases: number | null;
  suppressed: boolean;
}

export interface PeriodSeries {
  /** The periods in order: every month from the first to the last, or the quarters / years present. */
  months: string[];
  total: PeriodCount[];
  byTheme: Map<string, PeriodCount[]>;
}

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

/** Series over months (gaps filled) or, with `fill` false, over the periods present (quarters, years). */
export function periodSeries(lines: readonly PeriodLine[], fill = true): PeriodSeries {
  const known = [...new Set(lines.filter((l) => l.value !== TOTAL).map((l) => l.value))].sort();
  const months = !fill ? known : known.length ? monthRange(known[0] as string, known[known.length - 1] as string) : [];
  const grouped = new Map<string, Map<string, PeriodLine>>();
  for (const l of lines) {
    if (l.value === TOTAL) continue;
    const theme = grouped.get(l.themeId) ?? new Map<string, PeriodLine>();
    theme.set(l.value, l);
    grouped.set(l.themeId, theme);
  }
  const series = (theme: Map<string, PeriodLine> | undefined): PeriodCount[] =>
    months.map((month) => {
      const l = theme?.get(month);
      return { month, cases: l ? l.cases : 0, suppressed: l?.suppressed ?? false };
    });
  const byTheme = new Map([...grouped].filter(([id]) => id !== TOTAL).map(([id, theme]) => [id, series(theme)]));
  return { months, total: series(grouped.get(TOTAL)), byTheme };
}

/** "2024-04〜2025-03", or the one month. */
export const periodText = (from: string | undefined, to: string | undefined): string => (from && to && from !== to ? `${from}〜${to}` : (from ?? to ?? ''));
