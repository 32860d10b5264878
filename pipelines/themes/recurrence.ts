/** What a theme's recurrence is computed from: each member case's metadata. */
export interface CaseFacts {
  recordId: string;
  /** ISO date of the conference. */
  date: string;
  agency: string | null;
  area: string | null;
}

export interface Recurrence {
  caseCount: number;
  orgCount: number;
  areaCount: number;
  periodCount: number;
  firstSeen: string;
  lastSeen: string;
  trend: number;
  score: number;
}

/** Months counted as "recent" for the trend. */
export const RECENT_MONTHS = 6;

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const saturate = (x: number, scale: number) => 1 - Math.exp(-Math.max(0, x) / scale);

/**
 * How broad, persistent and rising a theme is. `span` is the first and last conference
 * month of the whole corpus, so that trend does not depend on today's date.
 *
 * trend: the monthly rate of the last six months against the rate before them, as
 * (recent − earlier) / (recent + earlier), from −1 (stopped) to +1 (new); 0 when steady.
 * score: 0.35 breadth (agencies counted more than areas, one agency alone counts 0)
 * + 0.25 persistence (distinct months) + 0.25 size (cases) + 0.15 rising (trend),
 * each saturating so that no one of them dominates; see README: themes.
 */
export function recurrence(members: readonly CaseFacts[], span: { first: string; last: string }): Recurrence {
  const dates = members.map((m) => m.date).sort();
  const agencies = new Set(members.map((m) => m.agency).filter((a) => a !== null));
  const areas = new Set(members.map((m) => m.area).filter((a) => a !== null));
  const months = new Set(dates.map((d) => d.slice(0, 7)));
  const last = monthIndex(span.last);
  const first = monthIndex(span.first);
  const recentFrom = last - RECENT_MONTHS + 1;
  const recent = dates.filter((d) => monthIndex(d) >= recentFrom).length / RECENT_MONTHS;
  const earlierMonths = recentFrom - first;
  const earlier = earlierMonths > 0 ? dates.filter((d) => monthIndex(d) < recentFrom).length / earlierMonths : recent;
  const trend = recent + earlier === 0 ? 0 : (recent - earlier) / (recent + earlier);

  const breadth = 0.6 * saturate(agencies.size - 1, 2) + 0.4 * saturate(areas.size - 1, 2);
  const persistence = saturate(months.size - 1, 3);
  const size = saturate(members.length, 10);
  const rising = (1 + trend) / 2;
  const score = 0.35 * breadth + 0.25 * persistence + 0.25 * size + 0.15 * rising;
  return {
    caseCount: members.length,
    orgCount: agencies.size,
    areaCount: areas.size,
    periodCount: months.size,
    firstSeen: dates[0] ?? span.first,
    lastSeen: dates[dates.length - 1] ?? span.last,
    trend: round(trend),
    score: round(score),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
