import type { Facet } from '../../pipelines/text/term-stats.ts';
import type { ReadDeps } from '../http/app-env.ts';
import { breakdownTable, type BreakdownLine } from './breakdown-table.ts';
import { runFigures } from './latest-theme.ts';

/**
 * The latest run's themes × facet breakdown, suppressed for publication when `threshold`
 * is given, kept with the run's figures: what /api/exports/breakdown.arrow serves and the
 * plenary report is made of, so the two cannot differ.
 */
export function runBreakdown(deps: ReadDeps, facet: Facet, threshold: number | null): Promise<BreakdownLine[]> {
  return runFigures(deps, `breakdown:${facet}:${threshold}`, ({ runId, themes }) =>
    themes[0] ? deps.db.read((scope) => breakdownTable(scope, runId, themes.map((t) => String(t.theme_id)), facet, threshold)) : Promise.resolve([]),
  );
}
