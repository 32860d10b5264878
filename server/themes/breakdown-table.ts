import type { ReadScope } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import type { Facet } from '../../pipelines/text/term-stats.ts';
import { isSuppressed, type Cell } from '../suppression/cell.ts';
import { suppressTable, type SuppressedTable } from '../suppression/table.ts';

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
export async function breakdownTable(scope: ReadScope, runId: string, themeIds: readonly string[], facet: Facet, threshold: number | null): Promise<BreakdownLine[]> {
  const rows = await scope.rows(RUN_BREAKDOWN, [runId, facet]);
  const values = [...new Set(rows.map((r) => String(r.value)))].sort();
  const counts = countGrid(rows.map((r) => ({ row: String(r.theme_id), column: String(r.value), cases: Number(r.cases) })), themeIds, values);
  const table = crossTable(themeIds, values, counts, threshold);
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

/** Long-form counts as a grid over the given rows and columns; a missing combination counts 0. */
export function countGrid(lines: ReadonlyArray<{ row: string; column: string; cases: number }>, rows: readonly string[], columns: readonly string[]): number[][] {
  const count = new Map(lines.map((l) => [`${l.row}\u0000${l.column}`, l.cases]));
  return rows.map((r) => columns.map((c) => count.get(`${r}\u0000${c}`) ?? 0));
}

/** A cross table with its totals: as counted, or suppressed for publication when `threshold` is given. */
export function crossTable(rows: readonly string[], columns: readonly string[], counts: number[][], threshold: number | null): Omit<SuppressedTable, 'rows' | 'columns'> {
  return threshold === null ? plain(columns, counts) : suppressTable([...rows], [...columns], counts, threshold);
}

function plain(columns: readonly string[], counts: number[][]) {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    cells: counts.map((r) => r.map((value) => ({ value }))),
    rowTotals: counts.map((r) => ({ value: sum(r) })),
    columnTotals: columns.map((_, j) => ({ value: sum(counts.map((r) => r[j] ?? 0)) })),
    total: { value: sum(counts.map(sum)) },
  };
}
