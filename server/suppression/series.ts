import { checkCount, checkThreshold, hidden, isSmall, shown } from './cell.ts';
import type { Cell } from './cell.ts';

/**
 * A one-way breakdown (cases per month, per 地区 …) and its total, safe to publish.
 * Counts 1 … threshold−1 are hidden; then the smallest other counts are hidden too
 * until no hidden count follows from the total and the shown ones. When nothing else
 * is left to hide, the total is hidden instead. 0 is never hidden.
 */
export function suppressSeries(labels: string[], counts: number[], threshold: number): { labels: string[]; cells: Cell[]; total: Cell } {
  checkThreshold(threshold);
  if (counts.length !== labels.length) {
    throw new RangeError(`見出しは ${labels.length} 個ですが、件数は ${counts.length} 個あります。`);
  }
  counts.forEach((count, i) => checkCount(count, `${labels[i]} の件数`));
  const total = counts.reduce((a, b) => a + b, 0);
  const mask = counts.map((count) => isSmall(count, threshold));
  let totalHidden = isSmall(total, threshold);

  while (!totalHidden && !isProtected(counts, mask)) {
    const next = smallestShown(counts, mask);
    if (next === undefined) totalHidden = true;
    else mask[next] = true;
  }

  return {
    labels: [...labels],
    cells: counts.map((count, i) => (mask[i] ? hidden() : shown(count))),
    total: totalHidden ? hidden() : shown(total),
  };
}

/**
 * With the total shown, a hidden count can only trade units with another hidden count,
 * and readers know every hidden count is at least 1 (0 is shown). So each hidden count
 * needs a partner such that one of the two is at least 2 — two hidden 1s are not enough.
 */
function isProtected(counts: number[], mask: boolean[]): boolean {
  const hiddenCounts = counts.filter((_, i) => mask[i]);
  return hiddenCounts.every((count, i) => hiddenCounts.some((other, k) => k !== i && (count >= 2 || other >= 2)));
}

function smallestShown(counts: number[], mask: boolean[]): number | undefined {
  let best: number | undefined;
  counts.forEach((count, i) => {
    if (mask[i] || count === 0) return;
    if (best === undefined || count < (counts[best] ?? 0)) best = i;
  });
  return best;
}
