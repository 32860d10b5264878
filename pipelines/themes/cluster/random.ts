/** A small seeded PRNG (mulberry32): the same seed always gives the same themes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` distinct indices of 0..n-1 drawn without replacement, in increasing order. */
export function sampleIndices(n: number, size: number, rand: () => number): number[] {
  if (size >= n) return Array.from({ length: n }, (_, i) => i);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rand() * (n - i));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  return Array.from(order.subarray(0, size)).sort((a, b) => a - b);
}

/** 0..n-1 in a seeded random order. */
export function shuffledIndices(n: number, rand: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  return order;
}
