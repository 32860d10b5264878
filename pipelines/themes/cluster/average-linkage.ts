export interface Merge {
  a: number;
  b: number;
  /** Average cosine similarity between the two merged groups. */
  similarity: number;
}

/**
 * Average-linkage agglomerative clustering of unit rows (n × width, row-major) by the
 * nearest-neighbour chain algorithm: O(n²) time and one n × n similarity matrix. Returns
 * the n - 1 merges in order of decreasing similarity; ties go to lower indices.
 */
export function averageLinkage(rows: Float64Array, n: number, width: number): Merge[] {
  const sim = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let d = 0; d < width; d++) s += (rows[i * width + d] as number) * (rows[j * width + d] as number);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  }
  const size = new Int32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = n;
  while (remaining > 1) {
    if (chain.length === 0) chain.push(active.indexOf(1));
    const x = chain[chain.length - 1] as number;
    const previous = chain.length > 1 ? (chain[chain.length - 2] as number) : -1;
    let y = previous;
    let best = previous >= 0 ? (sim[x * n + previous] as number) : -Infinity;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === x) continue;
      const s = sim[x * n + k] as number;
      if (s > best) [best, y] = [s, k];
    }
    if (y !== previous) {
      chain.push(y);
      continue;
    }
    chain.length -= 2;
    const [keep, gone] = x < y ? [x, y] : [y, x];
    merges.push({ a: keep, b: gone, similarity: best });
    const total = (size[keep] as number) + (size[gone] as number);
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === keep || k === gone) continue;
      const s = ((size[keep] as number) * (sim[keep * n + k] as number) + (size[gone] as number) * (sim[gone * n + k] as number)) / total;
      sim[keep * n + k] = s;
      sim[k * n + keep] = s;
    }
    size[keep] = total;
    active[gone] = 0;
    remaining--;
  }
  return merges.map((m, order) => ({ m, order })).sort((p, q) => q.m.similarity - p.m.similarity || p.order - q.order).map((p) => p.m);
}

/** Groups left when every merge at or above `threshold` is made: a group index per row. */
export function cutAt(merges: readonly Merge[], n: number, threshold: number): Int32Array {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  for (const merge of merges) {
    if (merge.similarity < threshold) break;
    const a = find(merge.a);
    const b = find(merge.b);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  return Int32Array.from({ length: n }, (_, i) => find(i));
}
