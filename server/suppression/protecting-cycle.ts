/**
 * A table and its totals as one (R+1)×(C+1) grid: the last row holds the column totals,
 * the last column the row totals, the corner the grand total. Every row and column of
 * the grid then says "the entries add up to the one in the margin".
 *
 * A reader who knows the published entries can move the hidden ones only along a
 * cycle of hidden entries (row → column → row …) that keeps every line's sum. A hidden
 * entry is safe when some such cycle through it can be applied by ±1 without driving
 * any hidden entry below 1 — readers know hidden entries are at least 1, because 0 is
 * always shown. Then the entry has at least two possible values.
 */
export type Entry = readonly [row: number, column: number];

export function withTotals(counts: number[][], columnCount: number): number[][] {
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: columnCount }, (_, j) => counts.reduce((a, row) => a + (row[j] ?? 0), 0));
  const grand = rowTotals.reduce((a, b) => a + b, 0);
  return [...counts.map((row, i) => [...row, rowTotals[i] ?? 0]), [...columnTotals, grand]];
}

/**
 * The entries to hide so that `target` becomes safe: [] when it already is, otherwise
 * the cycle whose newly hidden entries have the smallest total count (then the fewest
 * entries; ties go to lower row, then column, indices).
 */
export function protectingCycle(grid: number[][], hiddenMask: boolean[][], target: Entry): Entry[] {
  const up = cheapestPath(grid, hiddenMask, target, +1);
  const down = at(grid, target) >= 2 ? cheapestPath(grid, hiddenMask, target, -1) : undefined;
  const best = down !== undefined && (up === undefined || down.cost < up.cost) ? down : up;
  if (best === undefined) throw new Error('秘匿の補完セルが見つかりません（内部エラー）');
  return best.entries.filter(([i, j]) => !hiddenMask[i]?.[j]);
}

interface Path {
  cost: number;
  entries: Entry[];
}

/**
 * Shortest path in the directed graph whose nodes are the grid's rows (0…R) and columns
 * (R+1…R+1+C). Entry (i, j) is an arc row→column when it rises by one there, and
 * column→row when it falls; margin entries (not the corner) rise where inner ones fall.
 * An entry may fall only if it is at least 2, and entries with count 0 are never used.
 */
function cheapestPath(grid: number[][], hiddenMask: boolean[][], target: Entry, change: 1 | -1): Path | undefined {
  const lastRow = grid.length - 1;
  const lastColumn = (grid[0]?.length ?? 1) - 1;
  const nodeCount = lastRow + lastColumn + 2;
  // Hiding fewer cases always wins; among equal totals, fewer newly hidden entries.
  const perCase = nodeCount * nodeCount;
  const [ti, tj] = target;
  const targetRowToColumn = sign(target, lastRow, lastColumn) * change === 1;
  const from = targetRowToColumn ? lastRow + 1 + tj : ti;
  const to = targetRowToColumn ? ti : lastRow + 1 + tj;

  const dist = new Array<number>(nodeCount).fill(Infinity);
  const via = new Array<Entry | undefined>(nodeCount).fill(undefined);
  const done = new Array<boolean>(nodeCount).fill(false);
  dist[from] = 0;
  for (;;) {
    const u = nearestOpen(dist, done);
    if (u === undefined || u === to) break;
    done[u] = true;
    const isRow = u <= lastRow;
    const others = isRow ? lastColumn + 1 : lastRow + 1;
    for (let k = 0; k < others; k++) {
      const entry: Entry = isRow ? [u, k] : [k, u - lastRow - 1];
      const [i, j] = entry;
      if (i === ti && j === tj) continue;
      const value = at(grid, entry);
      const rises = (isRow ? 1 : -1) * sign(entry, lastRow, lastColumn) === 1;
      if (value === 0 || (!rises && value < 2)) continue;
      const step = hiddenMask[i]?.[j] ? 0 : value * perCase + 1;
      const v = isRow ? lastRow + 1 + j : i;
      const candidate = (dist[u] ?? Infinity) + step;
      if (!done[v] && candidate < (dist[v] ?? Infinity)) {
        dist[v] = candidate;
        via[v] = entry;
      }
    }
  }
  if ((dist[to] ?? Infinity) === Infinity) return undefined;
  const entries: Entry[] = [];
  for (let n = to; n !== from; ) {
    const entry = via[n];
    if (entry === undefined) break;
    entries.push(entry);
    n = n <= lastRow ? lastRow + 1 + entry[1] : entry[0];
  }
  return { cost: dist[to] ?? Infinity, entries };
}

/** The unsettled node closest to the start; the lowest index wins a tie. */
function nearestOpen(dist: number[], done: boolean[]): number | undefined {
  let best: number | undefined;
  dist.forEach((d, n) => {
    if (!done[n] && d < Infinity && (best === undefined || d < (dist[best] ?? Infinity))) best = n;
  });
  return best;
}

/** +1 for inner cells and the grand total, −1 for row and column totals. */
function sign([i, j]: Entry, lastRow: number, lastColumn: number): 1 | -1 {
  return (i === lastRow) !== (j === lastColumn) ? -1 : 1;
}

function at(grid: number[][], [i, j]: Entry): number {
  return grid[i]?.[j] ?? 0;
}
