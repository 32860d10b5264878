import { describe, expect, it } from 'vitest';
import { SUPPRESSED_MARKER, suppressCount, suppressionNote } from '../server/suppression/cell.ts';
import type { Cell } from '../server/suppression/cell.ts';
import { suppressSeries } from '../server/suppression/series.ts';
import { suppressTable } from '../server/suppression/table.ts';
import type { SuppressedTable } from '../server/suppression/table.ts';

const X = SUPPRESSED_MARKER;
const show = (cell: Cell | undefined): number | string => (cell === undefined ? '?' : 'value' in cell ? cell.value : cell.marker);

/** The table as printed: each row followed by its total, then the column totals and the grand total. */
function layout(t: SuppressedTable): Array<Array<number | string>> {
  return [
    ...t.cells.map((row, i) => [...row.map(show), show(t.rowTotals[i])]),
    [...t.columnTotals.map(show), show(t.total)],
  ];
}

const labels = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const table = (counts: number[][], threshold = 10) =>
  suppressTable(labels(counts.length, '地区'), labels(counts[0]?.length ?? 0, '種別'), counts, threshold);

describe('suppressTable', () => {
  it('hides one small cell and the cheapest 2×2 block around it', () => {
    // Candidates for the block: 20+30+25 = 75 beats 105, 120 and 145.
    expect(layout(table([[20, 30, 40], [25, 5, 35], [45, 50, 60]]))).toEqual([
      [X, X, 40, 90],
      [X, X, 35, 65],
      [45, 50, 60, 155],
      [90, 85, 135, 310],
    ]);
  });

  it('chooses the complementary cells that hide the fewest cases, not the nearest ones', () => {
    // Row 3 (22 + 27 + 12 = 61) is cheaper than row 2 (25 + 30 + 12 = 67).
    expect(layout(table([[12, 3, 40], [30, 25, 18], [22, 27, 35]]))).toEqual([
      [X, X, 40, 55],
      [30, 25, 18, 73],
      [X, X, 35, 84],
      [64, 55, 93, 212],
    ]);
  });

  it('a row with a single small cell gets a second hidden cell, and so do the columns involved', () => {
    expect(layout(table([[15, 3, 22], [11, 16, 30]]))).toEqual([
      [X, X, 22, 40],
      [X, X, 30, 57],
      [26, 19, 52, 97],
    ]);
  });

  it('picks the complementary cell in a column by the cost of the whole block', () => {
    expect(layout(table([[40, 12], [35, 4], [50, 30]]))).toEqual([
      [X, X, 52],
      [X, X, 39],
      [50, 30, 80],
      [125, 46, 171],
    ]);
  });

  it('reuses hidden cells: two small cells in opposite corners protect each other', () => {
    expect(layout(table([[3, 20, 20], [20, 20, 20], [20, 20, 4]]))).toEqual([
      [X, 20, X, 43],
      [20, 20, 20, 60],
      [X, 20, X, 44],
      [43, 60, 44, 147],
    ]);
  });

  it('hides every figure of an all-small table, the grand total only when it is small too', () => {
    expect(layout(table([[3, 4], [2, 1]]))).toEqual([
      [X, X, X],
      [X, X, X],
      [X, X, 10],
    ]);
    expect(layout(table([[1, 2], [3, 1]]))).toEqual([
      [X, X, X],
      [X, X, X],
      [X, X, X],
    ]);
  });

  it('shows zeros and never uses a zero as a complementary cell', () => {
    expect(layout(table([[0, 0, 12], [0, 15, 20], [14, 0, 0]]))).toEqual([
      [0, 0, 12, 12],
      [0, 15, 20, 35],
      [14, 0, 0, 14],
      [14, 15, 32, 61],
    ]);
    // Column 3 holds only the 3 and zeros, so its total must go, and then a second column total.
    expect(layout(table([[15, 0, 3], [20, 11, 0], [0, 0, 0]]))).toEqual([
      [X, 0, X, 18],
      [20, 11, 0, 31],
      [0, 0, 0, 0],
      [X, 11, X, 49],
    ]);
  });

  it('a small row total is hidden, and another row total with it so the grand total cannot give it away', () => {
    expect(layout(table([[2, 3, 0], [30, 25, 18], [22, 27, 35]]))).toEqual([
      [X, X, 0, X],
      [30, 25, 18, 73],
      [X, X, 35, X],
      [54, 55, 53, 162],
    ]);
  });

  it('does not stop at two hidden cells per line when readers could still solve them', () => {
    // Four hidden 1s alone would be pinned: hidden counts are at least 1 (0 is shown),
    // and 1 + 1 = 52 − 50 leaves no other choice. Larger cells must join the block.
    expect(layout(table([[1, 1, 50], [1, 1, 50], [50, 50, 50]]))).toEqual([
      [X, X, X, 52],
      [X, X, X, 52],
      [X, X, X, 150],
      [52, 52, 150, 254],
    ]);
  });

  it('handles a single row, whose total is also the grand total, and a single column', () => {
    expect(layout(table([[12, 3, 25]]))).toEqual([
      [X, X, 25, 40],
      [X, X, 25, 40],
    ]);
    expect(layout(table([[12], [3], [25]]))).toEqual([[X, X], [X, X], [25, 25], [40, 40]]);
  });

  it('keeps the labels, hides nothing when the threshold is 1, and accepts an empty table', () => {
    const t = suppressTable(['中央', '北部'], ['身体', '知的'], [[3, 12], [14, 20]], 1);
    expect(t.rows).toEqual(['中央', '北部']);
    expect(t.columns).toEqual(['身体', '知的']);
    expect(layout(t)).toEqual([[3, 12, 15], [14, 20, 34], [17, 32, 49]]);
    expect(layout(suppressTable([], ['身体'], [], 10))).toEqual([[0, 0]]);
  });

  it('a hidden cell carries the marker and nothing else', () => {
    const t = table([[20, 30, 40], [25, 5, 35], [45, 50, 60]]);
    expect(t.cells[1]?.[1]).toStrictEqual({ suppressed: true, marker: 'X' });
    expect(JSON.stringify(t)).not.toMatch(/"value":5\b/);
  });

  it.each([
    [() => suppressTable(['a'], ['x'], [[1], [2]], 10), '行の見出しは 1 個ですが、件数は 2 行あります。'],
    [() => suppressTable(['a'], ['x', 'y'], [[1]], 10), '1 行目（a）の件数は 1 個ですが、列の見出しは 2 個です。'],
    [() => suppressTable(['a'], ['x'], [[-1]], 10), 'a × x の件数は0以上の整数でなければなりません（いまは -1 です）。'],
    [() => suppressTable(['a'], ['x'], [[1.5]], 10), 'a × x の件数は0以上の整数でなければなりません（いまは 1.5 です）。'],
    [() => suppressTable(['a'], ['x'], [[1]], 0), '秘匿の基準値は1以上の整数で指定してください（いまは 0 です）。'],
  ])('refuses malformed input with a Japanese message (%#)', (run, message) => {
    expect(run).toThrow(message);
  });
});

describe('suppressSeries', () => {
  const series = (counts: number[], threshold = 10) => {
    const s = suppressSeries(labels(counts.length, '月'), counts, threshold);
    return [...s.cells.map(show), show(s.total)];
  };

  it('hides a second, smallest count next to a single small one', () => {
    expect(series([12, 3, 40, 25])).toEqual([X, X, 40, 25, 80]);
    expect(series([3, 15])).toEqual([X, X, 18]);
  });

  it('two hidden 1s are not enough, since 1 + 1 = total − shown leaves no choice', () => {
    expect(series([1, 1, 30, 40])).toEqual([X, X, X, 40, 72]);
    expect(series([5, 5])).toEqual([X, X, 10]);
  });

  it('hides the total when nothing else is left to hide, or when it is small itself', () => {
    expect(series([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual([...Array<string>(10).fill(X), X]);
    expect(series([2, 0, 3])).toEqual([X, 0, X, X]);
  });

  it('shows zeros and large counts untouched, and keeps the labels', () => {
    expect(series([0, 15, 0])).toEqual([0, 15, 0, 15]);
    expect(series([])).toEqual([0]);
    expect(suppressSeries(['4月', '5月'], [12, 20], 10).labels).toEqual(['4月', '5月']);
  });

  it('refuses mismatched labels', () => {
    expect(() => suppressSeries(['4月'], [1, 2], 10)).toThrow('見出しは 1 個ですが、件数は 2 個あります。');
  });
});

describe('suppressCount', () => {
  it.each([
    [0, { value: 0 }],
    [1, { suppressed: true, marker: X }],
    [9, { suppressed: true, marker: X }],
    [10, { value: 10 }],
    [250, { value: 250 }],
  ])('%i → %j', (count, cell) => {
    expect(suppressCount(count, 10)).toStrictEqual(cell);
  });

  it('follows the council threshold', () => {
    expect(suppressCount(4, 5)).toStrictEqual({ suppressed: true, marker: X });
    expect(suppressCount(5, 5)).toStrictEqual({ value: 5 });
  });

  it('explains the marker in Japanese for the legend', () => {
    expect(suppressionNote(10)).toBe(
      '「X」は、10未満の件数、または合計との差から10未満の件数が分かってしまうのを防ぐために伏せた件数です。0 件はそのまま 0 と表示しています。',
    );
  });
});
