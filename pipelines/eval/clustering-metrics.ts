/**
 * Agreement between a clustering and true labels, both given per item. Items a method
 * left unassigned carry their own label (e.g. -1) and count as one more cluster.
 */
function contingency(truth: readonly string[], predicted: readonly string[]): { table: Map<string, Map<string, number>>; a: Map<string, number>; b: Map<string, number> } {
  if (truth.length !== predicted.length) throw new Error('labels and assignments differ in length');
  const table = new Map<string, Map<string, number>>();
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  truth.forEach((t, i) => {
    const p = predicted[i] as string;
    const row = table.get(t) ?? new Map<string, number>();
    row.set(p, (row.get(p) ?? 0) + 1);
    table.set(t, row);
    a.set(t, (a.get(t) ?? 0) + 1);
    b.set(p, (b.get(p) ?? 0) + 1);
  });
  return { table, a, b };
}

const entropy = (counts: Iterable<number>, n: number) => {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
};

/** Normalised mutual information, arithmetic mean of the entropies (scikit-learn's default). */
export function nmi(truth: readonly string[], predicted: readonly string[]): number {
  const n = truth.length;
  const { table, a, b } = contingency(truth, predicted);
  let mi = 0;
  for (const [t, row] of table) {
    for (const [p, count] of row) mi += (count / n) * Math.log((n * count) / ((a.get(t) as number) * (b.get(p) as number)));
  }
  const ha = entropy(a.values(), n);
  const hb = entropy(b.values(), n);
  if (ha === 0 && hb === 0) return 1;
  return mi / ((ha + hb) / 2 || 1);
}

/** Adjusted Rand index. */
export function ari(truth: readonly string[], predicted: readonly string[]): number {
  const n = truth.length;
  const { table, a, b } = contingency(truth, predicted);
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const row of table.values()) for (const count of row.values()) index += pairs(count);
  let sumA = 0;
  for (const c of a.values()) sumA += pairs(c);
  let sumB = 0;
  for (const c of b.values()) sumB += pairs(c);
  const expected = (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
