import { transposeCsr, type Csr } from './matrix.ts';

/** An undirected weighted graph in adjacency-list (CSR) form; each edge is stored both ways. */
export interface Graph {
  nodes: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/**
 * Each case joined to its `k` most cosine-similar cases (similarity above zero), found
 * exactly through an inverted index: only cases sharing a term are ever compared.
 * Ties go to the lower case index, so the graph is the same on every run.
 */
export function knnGraph(m: Csr, k: number): Graph {
  const postings = transposeCsr(m);
  const scores = new Float64Array(m.rows);
  const touched = new Int32Array(m.rows);
  const edges = new Map<number, number>();
  const best = new Int32Array(k);
  const bestSim = new Float64Array(k);
  for (let r = 0; r < m.rows; r++) {
    let count = 0;
    for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) {
      const w = m.values[p] as number;
      const term = m.indices[p] as number;
      for (let q = postings.indptr[term] as number, qEnd = postings.indptr[term + 1] as number; q < qEnd; q++) {
        const other = postings.indices[q] as number;
        if (other === r) continue;
        if (scores[other] === 0) touched[count++] = other;
        scores[other] = (scores[other] as number) + w * (postings.values[q] as number);
      }
    }
    let found = 0;
    for (let t = 0; t < count; t++) {
      const other = touched[t] as number;
      const s = scores[other] as number;
      scores[other] = 0;
      if (s <= 0) continue;
      if (found === k && !beats(s, other, bestSim[k - 1] as number, best[k - 1] as number)) continue;
      let at = found < k ? found++ : k - 1;
      while (at > 0 && beats(s, other, bestSim[at - 1] as number, best[at - 1] as number)) {
        best[at] = best[at - 1] as number;
        bestSim[at] = bestSim[at - 1] as number;
        at--;
      }
      best[at] = other;
      bestSim[at] = s;
    }
    for (let t = 0; t < found; t++) addEdge(edges, m.rows, r, best[t] as number, bestSim[t] as number);
  }
  return fromEdges(m.rows, edges);
}

const beats = (s: number, index: number, otherS: number, otherIndex: number) => s > otherS || (s === otherS && index < otherIndex);

function addEdge(edges: Map<number, number>, n: number, a: number, b: number, w: number): void {
  const key = a < b ? a * n + b : b * n + a;
  if (!edges.has(key)) edges.set(key, w);
}

function fromEdges(n: number, edges: Map<number, number>): Graph {
  const degree = new Int32Array(n + 1);
  for (const key of edges.keys()) {
    const a = Math.floor(key / n);
    const b = key % n;
    degree[a] = (degree[a] as number) + 1;
    degree[b] = (degree[b] as number) + 1;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] as number) + (degree[i] as number);
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n] as number);
  const weights = new Float64Array(offsets[n] as number);
  for (const key of [...edges.keys()].sort((a, b) => a - b)) {
    const a = Math.floor(key / n);
    const b = key % n;
    const w = edges.get(key) as number;
    const atA = fill[a] as number;
    const atB = fill[b] as number;
    targets[atA] = b;
    weights[atA] = w;
    targets[atB] = a;
    weights[atB] = w;
    fill[a] = atA + 1;
    fill[b] = atB + 1;
  }
  return { nodes: n, offsets, targets, weights };
}
