import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../server/suppression/cell.ts';
import { suppressSeries } from '../server/suppression/series.ts';
import { suppressTable } from '../server/suppression/table.ts';
import type { SuppressedTable } from '../server/suppression/table.ts';

// Grid = the table with its totals: last column row totals, last row column totals, corner grand total.
type Grid = number[][];
type Mask = boolean[][];

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function truth(counts: number[][], columns: number): Grid {
  const rows = counts.map((row) => [...row, sum(row)]);
  const bottom = Array.from({ length: columns + 1 }, (_, j) => sum(rows.map((row) => row[j] ?? 0)));
  return [...rows, bottom];
}

function published(t: SuppressedTable): Array<Array<Cell | undefined>> {
  return [...t.cells.map((row, i) => [...row, t.rowTotals[i]]), [...t.columnTotals, t.total]];
}

const maskOf = (t: SuppressedTable): Mask => published(t).map((row) => row.map((c) => c !== undefined && 'suppressed' in c));

/**
 * Is there a second completion of the table — integers, hidden entries at least 1
 * (0 is always shown, so readers know that much), every row and column of the grid
 * adding up — in which `target` differs from its true value? A ±1/0 change of the
 * hidden entries is searched exhaustively; finding one proves min ≠ max for `target`.
 */
function canMove(grid: Grid, mask: Mask, target: readonly [number, number]): boolean {
  const lastRow = grid.length - 1;
  const lastColumn = (grid[0]?.length ?? 1) - 1;
  const hiddenEntries: Array<[number, number]> = [];
  mask.forEach((row, i) => row.forEach((h, j) => h && !(i === target[0] && j === target[1]) && hiddenEntries.push([i, j])));
  const order: Array<readonly [number, number]> = [target, ...hiddenEntries];
  const rowSum = new Array<number>(lastRow + 1).fill(0);
  const colSum = new Array<number>(lastColumn + 1).fill(0);
  const rowLeft = mask.map((row) => row.filter(Boolean).length);
  const colLeft = Array.from({ length: lastColumn + 1 }, (_, j) => mask.filter((row) => row[j]).length);

  const search = (k: number): boolean => {
    const entry = order[k];
    if (entry === undefined) return true;
    const [i, j] = entry;
    const rowCoef = j === lastColumn ? -1 : 1;
    const colCoef = i === lastRow ? -1 : 1;
    for (const d of k === 0 ? [1, -1] : [0, 1, -1]) {
      if ((grid[i]?.[j] ?? 0) + d < 1) continue;
      rowSum[i]! += rowCoef * d;
      colSum[j]! += colCoef * d;
      rowLeft[i]!--;
      colLeft[j]!--;
      const ok = Math.abs(rowSum[i]!) <= rowLeft[i]! && Math.abs(colSum[j]!) <= colLeft[j]! && search(k + 1);
      rowSum[i]! -= rowCoef * d;
      colSum[j]! -= colCoef * d;
      rowLeft[i]!++;
      colLeft[j]!++;
      if (ok) return true;
    }
    return false;
  };
  return search(0);
}

const count = fc.oneof(
  { arbitrary: fc.constant(0), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 9 }), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 40 }), weight: 3 },
);
const tableOf = (maxSide: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxSide }), fc.integer({ min: 1, max: maxSide }))
    .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
const names = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
const run = (counts: number[][], threshold = 10) =>
  suppressTable(names(counts.length, 'r'), names(counts[0]?.length ?? 0, 'c'), counts, threshold);

describe('the search used as an oracle', () => {
  it('finds the move in a 2×2 block and refuses pinned patterns', () => {
    const grid = truth([[20, 30, 40], [25, 5, 35], [45, 50, 60]], 3);
    const block = grid.map((row, i) => row.map((_, j) => i < 2 && j < 2));
    expect(canMove(grid, block, [1, 1])).toBe(true);
    // Four hidden 1s: every line reads 1 + 1 = 52 − 50, and hidden entries are at least 1.
    const ones = truth([[1, 1, 50], [1, 1, 50], [50, 50, 50]], 3);
    expect(canMove(ones, ones.map((row, i) => row.map((_, j) => i < 2 && j < 2)), [0, 0])).toBe(false);
    // Two 2×2 blocks joined by one more cell: every line has 0 or ≥ 2 hidden, the joining cell is still solvable.
    const big = truth([[11, 12, 13, 14], [15, 16, 17, 18], [19, 20, 21, 22], [23, 24, 25, 26]], 4);
    const bridged = big.map((row, i) => row.map((_, j) => (i < 2 && j < 2) || (i >= 2 && i < 4 && j >= 2 && j < 4) || (i === 0 && j === 2)));
    expect(canMove(big, bridged, [0, 2])).toBe(false);
    expect(canMove(big, bridged, [2, 2])).toBe(true);
  });
});

describe('suppressTable properties', () => {
  it('shows only 0 or counts ≥ threshold, shows them truly, and is deterministic (up to 8×8, threshold 10)', () => {
    fc.assert(
      fc.property(tableOf(8), (counts) => {
        const t = run(counts);
        const grid = truth(counts, counts[0]?.length ?? 0);
        published(t).forEach((row, i) =>
          row.forEach((cell, j) => {
            expect(cell).toBeDefined();
            if (cell !== undefined && 'value' in cell) {
              expect(cell.value === 0 || cell.value >= 10).toBe(true);
              expect(cell.value).toBe(grid[i]?.[j]);
            } else expect(cell).toStrictEqual({ suppressed: true, marker: 'X' });
          }),
        );
        expect(run(counts.map((row) => [...row]))).toStrictEqual(t);
      }),
      { numRuns: 300 },
    );
  });

  it('hides exactly the small counts and their complements: no line with a published total has one hidden entry (up to 8×8, thresholds 1–20)', () => {
    fc.assert(
      fc.property(tableOf(8), fc.integer({ min: 1, max: 20 }), (counts, threshold) => {
        const mask = maskOf(run(counts, threshold));
        const lastRow = mask.length - 1;
        const lastColumn = (mask[0]?.length ?? 1) - 1;
        // Each grid row: the cells and their total; the bottom row: column totals and the grand total.
        for (const row of mask) {
          if (row[lastColumn]) continue;
          expect(row.filter(Boolean).length).not.toBe(1);
        }
        for (let j = 0; j <= lastColumn; j++) {
          if (mask[lastRow]?.[j]) continue;
          expect(mask.filter((row) => row[j]).length).not.toBe(1);
        }
        truth(counts, lastColumn).forEach((row, i) =>
          row.forEach((value, j) => {
            if (value > 0 && value < threshold) expect(mask[i]?.[j]).toBe(true);
            if (value === 0) expect(mask[i]?.[j]).toBe(false);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('no hidden entry is pinned by all published cells and totals together (up to 4×4)', () => {
    fc.assert(
      fc.property(tableOf(4), fc.integer({ min: 2, max: 15 }), (counts, threshold) => {
        const mask = maskOf(run(counts, threshold));
        const grid = truth(counts, counts[0]?.length ?? 0);
        mask.forEach((row, i) => row.forEach((h, j) => h && expect(canMove(grid, mask, [i, j]), `entry ${i},${j}`).toBe(true)));
      }),
      { numRuns: 500 },
    );
  });

  it('no hidden entry is pinned on larger tables either (up to 6×6)', () => {
    fc.assert(
      fc.property(tableOf(6), (counts) => {
        const mask = maskOf(run(counts));
        const grid = truth(counts, counts[0]?.length ?? 0);
        mask.forEach((row, i) => row.forEach((h, j) => h && expect(canMove(grid, mask, [i, j])).toBe(true)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('suppressSeries properties', () => {
  it('shows only 0 or counts ≥ threshold, truly, and leaves every hidden count with a second possible value', () => {
    fc.assert(
      fc.property(fc.array(count, { maxLength: 12 }), fc.integer({ min: 1, max: 20 }), (counts, threshold) => {
        const s = suppressSeries(names(counts.length, 'm'), counts, threshold);
        const entries = [...counts, sum(counts)];
        const cells = [...s.cells, s.total];
        cells.forEach((cell, k) => {
          if ('value' in cell) expect(cell.value === 0 || cell.value >= threshold).toBe(true);
          if ('value' in cell) expect(cell.value).toBe(entries[k]);
        });
        const isTotal = (k: number) => k === counts.length;
        const hiddenAt = cells.flatMap((cell, k) => ('suppressed' in cell ? [k] : []));
        for (const e of hiddenAt) {
          // A unit move in one equation needs a partner: another cell moving the other way, or the total the same way.
          const moves = hiddenAt.some((g) => {
            if (g === e) return false;
            const sameWay = isTotal(e) !== isTotal(g);
            return [1, -1].some((d) => (entries[e] ?? 0) + d >= 1 && (entries[g] ?? 0) + (sameWay ? d : -d) >= 1);
          });
          expect(moves, `hidden ${e} of ${JSON.stringify(counts)}`).toBe(true);
        }
        expect(suppressSeries(names(counts.length, 'm'), [...counts], threshold)).toStrictEqual(s);
      }),
      { numRuns: 500 },
    );
  });
});
