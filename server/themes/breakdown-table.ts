import type { Database } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import type { Facet } from '../../pipelines/text/term-stats.ts';
import { isSuppressed, type Cell } from '../suppression/cell.ts';
import { suppressTable } from '../suppression/table.ts';

const RUN_BREAKDOWN = sqlFile(import.meta.url, 'sql/run-breakdown.sql');

/** One line of a breakdown in long form; `value` 合計 carries the totals. */
export interface BreakdownLine {
  themeId: string;
  value: string;
  cases: number | null;
  suppressed: boolean;
}

export const TOTAL = '合計';

/**
 * The themes × facet table behind a breakdown chart, with row, column and grand totals;
 * suppressed (primary and complementary cells) when `threshold` is given.
 */
export async function breakdownTable(db: Database, runId: string, themeIds: readonly string[], facet: Facet, threshold: number | null): Promise<BreakdownLine[]> {
  const rows = (await db.connection.runAndReadAll(RUN_BREAKDOWN, [runId, facet])).getRowObjectsJson();
  const values = [...new Set(rows.map((r) => String(r.value)))].sort();
  const count = new Map(rows.map((r) => [`${String(r.theme_id)}\u0000${String(r.value)}`, Number(r.cases)]));
  const counts = themeIds.map((t) => values.map((v) => count.get(`${t}\u0000${v}`) ?? 0));
  const table =
    threshold === null
      ? plain(themeIds, values, counts)
      : suppressTable([...themeIds], values, counts, threshold);
  const line = (themeId: string, value: string, cell: Cell): BreakdownLine => ({
    themeId,
    value,
    cases: isSuppressed(cell) ? null : cell.value,
    suppressed: isSuppressed(cell),
  });
  return [
    ...themeIds.flatMap((t, i) => [...values.map((v, j) => line(t, v, table.cells[i]?.[j] as Cell)), line(t, TOTAL, table.rowTotals[i] as Cell)]),
    ...values.map((v, j) => line(TOTAL, v, table.columnTotals[j] as Cell)),
    line(TOTAL, TOTAL, table.total),
  ];
}

function plain(rows: readonly string[], columns: readonly string[], counts: number[][]) {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    cells: counts.map((r) => r.map((value) => ({ value }))),
    rowTotals: counts.map((r) => ({ value: sum(r) })),
    columnTotals: columns.map((_, j) => ({ value: sum(counts.map((r) => r[j] ?? 0)) })),
    total: { value: sum(counts.map(sum)) },
    rows,
  };
}
