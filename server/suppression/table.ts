import { checkCount, checkThreshold, hidden, isSmall, shown } from './cell.ts';
import type { Cell } from './cell.ts';
import { protectingCycle, withTotals } from './protecting-cycle.ts';

export interface SuppressedTable {
  rows: string[];
  columns: string[];
  cells: Cell[][];
  rowTotals: Cell[];
  columnTotals: Cell[];
  total: Cell;
}

/**
 * A cross table (e.g. 地区 × 障害種別) with its row, column and grand totals, safe to
 * publish: counts 1 … threshold−1 are hidden (primary), and further cells or totals are
 * hidden (complementary) until no hidden figure can be worked out from what is shown —
 * not by one subtraction, nor by combining rows, columns and totals. Complementary
 * cells are chosen to hide as few cases as possible; 0 is never hidden.
 */
export function suppressTable(rows: string[], columns: string[], counts: number[][], threshold: number): SuppressedTable {
  checkThreshold(threshold);
  checkShape(rows, columns, counts);
  const grid = withTotals(counts, columns.length);
  const mask = grid.map((line) => line.map((count) => isSmall(count, threshold)));

  for (let changed = true; changed; ) {
    changed = false;
    grid.forEach((line, i) =>
      line.forEach((_, j) => {
        if (!mask[i]?.[j]) return;
        for (const [ci, cj] of protectingCycle(grid, mask, [i, j])) {
          const maskRow = mask[ci];
          if (maskRow) maskRow[cj] = true;
          changed = true;
        }
      }),
    );
  }

  const toCell = (i: number, j: number): Cell => (mask[i]?.[j] ? hidden() : shown(grid[i]?.[j] ?? 0));
  const last = rows.length;
  const lastColumn = columns.length;
  return {
    rows: [...rows],
    columns: [...columns],
    cells: rows.map((_, i) => columns.map((_, j) => toCell(i, j))),
    rowTotals: rows.map((_, i) => toCell(i, lastColumn)),
    columnTotals: columns.map((_, j) => toCell(last, j)),
    total: toCell(last, lastColumn),
  };
}

function checkShape(rows: string[], columns: string[], counts: number[][]): void {
  if (counts.length !== rows.length) {
    throw new RangeError(`行の見出しは ${rows.length} 個ですが、件数は ${counts.length} 行あります。`);
  }
  counts.forEach((line, i) => {
    if (line.length !== columns.length) {
      throw new RangeError(`${i + 1} 行目（${rows[i]}）の件数は ${line.length} 個ですが、列の見出しは ${columns.length} 個です。`);
    }
    line.forEach((count, j) => checkCount(count, `${rows[i]} × ${columns[j]} の件数`));
  });
}
