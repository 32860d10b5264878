import type { Row } from '../../pipelines/db/database.ts';
import type { TrendFacet } from '../../shared/trend-period.ts';
import { TREND_PERIODS } from '../../shared/trend-period.ts';
import type { PeriodLine } from '../../shared/period-series.ts';
import { isDemo } from '../demo/demo-data.ts';
import type { ReadDeps } from '../http/app-env.ts';
import { suppressCount } from '../suppression/cell.ts';
import { publishedThemes } from '../themes/published-themes.ts';
import { runBreakdown } from '../themes/run-breakdown.ts';
import { buildReport, REPORT_FACETS, type PublishedTheme, type ReportFacet, type ReportModel } from './report-model.ts';
import { localDay } from '../../shared/local-day.ts';

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A theme of /api/themes?published=1: its published name, its counts suppressed as there. */
function publishedTheme(t: Row, threshold: number): PublishedTheme {
  return {
    themeId: String(t.theme_id),
    name: String(t.name),
    status: String(t.status),
    subcommittee: text(t.subcommittee),
    suggestedSubcommittee: text(t.suggested_subcommittee),
    caseCount: suppressCount(Number(t.case_count), threshold),
    orgCount: suppressCount(Number(t.org_count), threshold),
    areaCount: suppressCount(Number(t.area_count), threshold),
    periodCount: suppressCount(Number(t.period_count), threshold),
  };
}

/**
 * The plenary's report over the latest run, read as the print view reads it — the themes
 * as /api/themes?published=1 gives them, the breakdowns as /api/exports/breakdown.arrow
 * with ?published=1 — whoever asks: everything in it is suppressed for publication.
 */
export async function readReport(deps: ReadDeps, now: Date): Promise<ReportModel> {
  const threshold = deps.settings.suppressionThreshold;
  const facets: Array<TrendFacet | ReportFacet> = [...TREND_PERIODS.map((p) => p.facet), ...REPORT_FACETS];
  const [themes, demo, ...byFacet] = await Promise.all([publishedThemes(deps), deps.db.read(isDemo), ...facets.map((facet) => runBreakdown(deps, facet, threshold))]);
  const lines = new Map<TrendFacet | ReportFacet, readonly PeriodLine[]>(facets.map((facet, i) => [facet, byFacet[i] ?? []]));
  return buildReport({
    council: deps.settings.name,
    threshold,
    demo,
    createdOn: localDay(now),
    themes: themes.map((t) => publishedTheme(t, threshold)),
    lines: (facet) => lines.get(facet) ?? [],
  });
}
