/**
 * Adjusted Rand index of two partitions given as group ids per item: how much two runs
 * agree beyond chance (1 identical, about 0 unrelated).
 */
export function adjustedRand(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const pairs = (x: number) => (x * (x - 1)) / 2;
  const joint = new Map<string, number>();
  const left = new Map<number, number>();
  const right = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    const key = `${x},${y}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
    left.set(x, (left.get(x) ?? 0) + 1);
    right.set(y, (right.get(y) ?? 0) + 1);
  }
  let index = 0;
  for (const c of joint.values()) index += pairs(c);
  let sumA = 0;
  for (const c of left.values()) sumA += pairs(c);
  let sumB = 0;
  for (const c of right.values()) sumB += pairs(c);
  const expected = n < 2 ? 0 : (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
