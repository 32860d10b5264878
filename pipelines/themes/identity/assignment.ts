/**
 * The one-to-one assignment of rows to columns with the largest total score (the
 * Hungarian algorithm with potentials, O(r²·c) for r ≤ c). The matrix may be
 * rectangular: when there are more rows than columns it is solved transposed, and the
 * rows left over get `null`. Every row of `scores` must have the same length.
 *
 * Returns, for each row, the index of its column or null. Deterministic: the same
 * matrix always gives the same answer; among equally good assignments the search order
 * (rows top to bottom, columns left to right) decides.
 */
export function optimalAssignment(scores: readonly (readonly number[])[]): Array<number | null> {
  const rows = scores.length;
  const columns = scores[0]?.length ?? 0;
  for (const row of scores) {
    if (row.length !== columns) throw new RangeError('every row of the score matrix must have the same length');
  }
  if (rows === 0) return [];
  if (columns === 0) return scores.map(() => null);

  if (rows <= columns) return minimiseCost(rows, columns, (r, c) => -at(scores, r, c));
  const byColumn = minimiseCost(columns, rows, (c, r) => -at(scores, r, c));
  const result: Array<number | null> = scores.map(() => null);
  byColumn.forEach((row, column) => {
    if (row !== null) result[row] = column;
  });
  return result;
}

/** The sum of `scores` over an assignment as `optimalAssignment` returns it. */
export function assignmentTotal(scores: readonly (readonly number[])[], assignment: ReadonlyArray<number | null>): number {
  let total = 0;
  assignment.forEach((column, row) => {
    if (column !== null) total += at(scores, row, column);
  });
  return total;
}

function at(scores: readonly (readonly number[])[], row: number, column: number): number {
  const value = scores[row]?.[column];
  if (value === undefined || Number.isNaN(value)) throw new RangeError(`no score at row ${row}, column ${column}`);
  return value;
}

/**
 * Minimum-cost assignment of every one of `n` rows to a distinct one of `m ≥ n`
 * columns. Arrays are 1-based with index 0 as the sentinel column, as in the classic
 * formulation; `owner[j]` is the row (1-based) holding column j, 0 for none.
 */
function minimiseCost(n: number, m: number, cost: (row: number, column: number) => number): Array<number | null> {
  const rowPotential = new Float64Array(n + 1);
  const columnPotential = new Float64Array(m + 1);
  const owner = new Int32Array(m + 1);
  const previousColumn = new Int32Array(m + 1);
  const slack = new Float64Array(m + 1);
  const visited = new Uint8Array(m + 1);

  for (let row = 1; row <= n; row++) {
    owner[0] = row;
    let column = 0;
    slack.fill(Infinity);
    visited.fill(0);
    do {
      visited[column] = 1;
      const current = owner[column]!;
      let delta = Infinity;
      let next = 0;
      for (let j = 1; j <= m; j++) {
        if (visited[j]) continue;
        const reduced = cost(current - 1, j - 1) - rowPotential[current]! - columnPotential[j]!;
        if (reduced < slack[j]!) {
          slack[j] = reduced;
          previousColumn[j] = column;
        }
        if (slack[j]! < delta) {
          delta = slack[j]!;
          next = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (visited[j]) {
          const holder = owner[j]!;
          rowPotential[holder] = rowPotential[holder]! + delta;
          columnPotential[j] = columnPotential[j]! - delta;
        } else {
          slack[j] = slack[j]! - delta;
        }
      }
      column = next;
    } while (owner[column] !== 0);
    do {
      const back = previousColumn[column]!;
      owner[column] = owner[back]!;
      column = back;
    } while (column !== 0);
  }

  const result: Array<number | null> = new Array<number | null>(n).fill(null);
  for (let j = 1; j <= m; j++) {
    const row = owner[j]!;
    if (row !== 0) result[row - 1] = j - 1;
  }
  return result;
}
