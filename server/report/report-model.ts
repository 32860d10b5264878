import { TOTAL, periodText, type PeriodCount, type PeriodLine } from '../../shared/period-series.ts';
import { chooseTrendPeriod, LEADING_THEMES, type TrendFacet } from '../../shared/trend-period.ts';
import { isSuppressed, type Cell } from '../suppression/cell.ts';

export const SOURCE_LINE = '出典: mieruka（個別支援会議の記録から集計）';
/** The breakdowns the report shows, in its order. */
export const REPORT_FACETS = ['地区', '障害種別'] as const;
export type ReportFacet = (typeof REPORT_FACETS)[number];

/** One published count: a suppressed one has no number, so no renderer can print it. */
export interface ReportCell {
  cases: number | null;
  suppressed: boolean;
}

/** A theme as the report's input holds it: named as published, its counts suppressed one by one. */
export interface PublishedTheme {
  themeId: string;
  name: string;
  status: string;
  subcommittee: string | null;
  suggestedSubcommittee: string | null;
  caseCount: Cell;
  orgCount: Cell;
  areaCount: Cell;
  periodCount: Cell;
}

export interface ReportInput {
  council: string;
  threshold: number;
  demo: boolean;
  /** The day the report is made, YYYY-MM-DD. */
  createdOn: string;
  /** Ranked, best first. */
  themes: readonly PublishedTheme[];
  /** The published breakdown lines of each trend period (月, 四半期, 年度) and of each report facet. */
  lines: (facet: TrendFacet | ReportFacet) => readonly PeriodLine[];
}

export interface RankedTheme {
  rank: number;
  themeId: string;
  name: string;
  cases: ReportCell;
  agencies: ReportCell;
  areas: ReportCell;
  months: ReportCell;
  /** The subcommittee the council chose, or the one suggested. */
  subcommittee: string | null;
  status: string;
}

export interface ThemeTrend {
  themeId: string;
  name: string;
  periods: PeriodCount[];
}

export interface BreakdownRow {
  themeId: string;
  name: string;
  cells: ReportCell[];
  total: ReportCell;
}

export interface ReportBreakdown {
  facet: ReportFacet;
  values: string[];
  rows: BreakdownRow[];
  /** The 合計 line: each value over all themes, and the grand total. */
  totals: ReportCell[];
  total: ReportCell;
}

export interface ReportDecision {
  themeId: string;
  name: string;
  status: string;
  subcommittee: string | null;
}

/** The plenary's report as the print view lays it out, always as published. */
export interface ReportModel {
  council: string;
  title: string;
  threshold: number;
  demo: boolean;
  createdOn: string;
  /** 対象期間, e.g. 2023-04〜2025-03 (empty before any analysis). */
  period: string;
  source: string;
  /** X: 1〜(threshold−1) 件（少数のため非表示）. */
  footnote: string;
  ranking: RankedTheme[];
  trends: { facet: TrendFacet; label: string; periods: string[]; themes: ThemeTrend[] };
  breakdowns: ReportBreakdown[];
  decisions: ReportDecision[];
}

/** What the statuses before any decision are called: such a theme is not among the council's decisions. */
const UNDECIDED = '候補';

export const reportCell = (cell: Cell): ReportCell => (isSuppressed(cell) ? { cases: null, suppressed: true } : { cases: cell.value, suppressed: false });
const lineCell = (line: PeriodLine | undefined): ReportCell => (line === undefined ? { cases: 0, suppressed: false } : { cases: line.suppressed ? null : line.cases, suppressed: line.suppressed });

export const suppressionFootnote = (threshold: number): string => `X: 1〜${threshold - 1} 件（少数のため非表示）`;

function breakdown(facet: ReportFacet, lines: readonly PeriodLine[], themes: readonly PublishedTheme[]): ReportBreakdown {
  const values = [...new Set(lines.filter((l) => l.value !== TOTAL).map((l) => l.value))];
  const byKey = new Map(lines.map((l) => [`${l.themeId}\u0000${l.value}`, l]));
  const at = (themeId: string, value: string) => lineCell(byKey.get(`${themeId}\u0000${value}`));
  return {
    facet,
    values,
    rows: themes.map((t) => ({ themeId: t.themeId, name: t.name, cells: values.map((v) => at(t.themeId, v)), total: at(t.themeId, TOTAL) })),
    totals: values.map((v) => at(TOTAL, v)),
    total: at(TOTAL, TOTAL),
  };
}

/** The report from the published themes and breakdowns: the same parts, order and choices as the print view. */
export function buildReport(input: ReportInput): ReportModel {
  const { themes } = input;
  const leading = themes.slice(0, LEADING_THEMES);
  const chosen = chooseTrendPeriod(
    leading.map((t) => t.themeId),
    (facet) => input.lines(facet),
  );
  return {
    council: input.council,
    title: `${input.council} 地域課題の報告`,
    threshold: input.threshold,
    demo: input.demo,
    createdOn: input.createdOn,
    period: periodText(chosen.months[0], chosen.months.at(-1)),
    source: SOURCE_LINE,
    footnote: suppressionFootnote(input.threshold),
    ranking: themes.map((t, i) => ({
      rank: i + 1,
      themeId: t.themeId,
      name: t.name,
      cases: reportCell(t.caseCount),
      agencies: reportCell(t.orgCount),
      areas: reportCell(t.areaCount),
      months: reportCell(t.periodCount),
      subcommittee: t.subcommittee ?? t.suggestedSubcommittee,
      status: t.status,
    })),
    trends: {
      facet: chosen.facet,
      label: chosen.label,
      periods: chosen.series.months,
      themes: leading.map((t) => ({ themeId: t.themeId, name: t.name, periods: chosen.series.byTheme.get(t.themeId) ?? chosen.series.months.map((month) => ({ month, cases: 0, suppressed: false })) })),
    },
    breakdowns: REPORT_FACETS.map((facet) => breakdown(facet, input.lines(facet), themes)),
    decisions: themes.filter((t) => t.status !== UNDECIDED).map((t) => ({ themeId: t.themeId, name: t.name, status: t.status, subcommittee: t.subcommittee })),
  };
}
