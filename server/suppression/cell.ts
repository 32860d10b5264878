/** One published figure: either the count itself or a marker standing in for it. */
export type Cell = { value: number } | { suppressed: true; marker: string };

/**
 * One marker for every hidden figure, whether it is small or was hidden to protect a
 * small one. A marker such as "<10" would tell readers an upper bound that is false
 * for complementary cells and would let them solve e.g. two "<10" cells summing to 18.
 */
export const SUPPRESSED_MARKER = 'X';

/** Legend to print under any published table or chart that may contain the marker. */
export function suppressionNote(threshold: number): string {
  return `「${SUPPRESSED_MARKER}」は、${threshold}未満の件数、または合計との差から${threshold}未満の件数が分かってしまうのを防ぐために伏せた件数です。0 件はそのまま 0 と表示しています。`;
}

export function shown(value: number): Cell {
  return { value };
}

export function hidden(): Cell {
  return { suppressed: true, marker: SUPPRESSED_MARKER };
}

export function isSuppressed(cell: Cell): cell is { suppressed: true; marker: string } {
  return 'suppressed' in cell;
}

/** Primary suppression: 1 … threshold−1 is hidden; 0 is shown, as in NDB オープンデータ. */
export function isSmall(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

/** A lone figure with nothing published beside it that it could be subtracted from. */
export function suppressCount(count: number, threshold: number): Cell {
  checkThreshold(threshold);
  checkCount(count, '件数');
  return isSmall(count, threshold) ? hidden() : shown(count);
}

export function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`秘匿の基準値は1以上の整数で指定してください（いまは ${String(threshold)} です）。`);
  }
}

export function checkCount(count: number, where: string): void {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`${where}は0以上の整数でなければなりません（いまは ${String(count)} です）。`);
  }
}
