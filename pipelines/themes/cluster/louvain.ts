import type { Graph } from './knn-graph.ts';
import { shuffledIndices } from './random.ts';

/**
 * Louvain community detection (modularity with resolution `resolution`): move each node
 * to the neighbouring community that gains most, then fold communities into nodes and
 * repeat while anything moves. Nodes are visited in a seeded order and ties go to the
 * first community met, so a seed always gives the same communities.
 */
export function louvain(graph: Graph, resolution: number, rand: () => number): Int32Array {
  let membership = Int32Array.from({ length: graph.nodes }, (_, i) => i);
  let level = graph;
  for (let pass = 0; pass < 20; pass++) {
    const { community, moved } = localMoves(level, resolution, rand);
    if (!moved) break;
    const { graph: folded, relabel } = fold(level, community);
    membership = membership.map((c) => relabel[community[c] as number] as number);
    level = folded;
  }
  return membership;
}

function localMoves(g: Graph, resolution: number, rand: () => number): { community: Int32Array; moved: boolean } {
  const n = g.nodes;
  const community = Int32Array.from({ length: n }, (_, i) => i);
  const strength = new Float64Array(n);
  let total = 0;
  for (let v = 0; v < n; v++) {
    for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) strength[v] = (strength[v] as number) + (g.weights[e] as number);
    total += strength[v] as number;
  }
  if (total === 0) return { community, moved: false };
  const communityStrength = strength.slice();
  const linkWeight = new Float64Array(n);
  const neighbours = new Int32Array(n);
  const order = shuffledIndices(n, rand);
  let moved = false;
  for (let sweep = 0, changed = 1; changed > 0 && sweep < 50; sweep++) {
    changed = 0;
    for (const v of order) {
      const own = community[v] as number;
      const kv = strength[v] as number;
      let count = 0;
      for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) {
        const u = g.targets[e] as number;
        if (u === v) continue;
        const c = community[u] as number;
        if (linkWeight[c] === 0) neighbours[count++] = c;
        linkWeight[c] = (linkWeight[c] as number) + (g.weights[e] as number);
      }
      communityStrength[own] = (communityStrength[own] as number) - kv;
      const gain = (c: number) => (linkWeight[c] as number) - (resolution * (communityStrength[c] as number) * kv) / total;
      let best = own;
      let bestGain = gain(own);
      for (let i = 0; i < count; i++) {
        const c = neighbours[i] as number;
        const g2 = gain(c);
        if (g2 > bestGain + 1e-12) [best, bestGain] = [c, g2];
      }
      for (let i = 0; i < count; i++) linkWeight[neighbours[i] as number] = 0;
      linkWeight[own] = 0;
      communityStrength[best] = (communityStrength[best] as number) + kv;
      if (best !== own) {
        community[v] = best;
        changed++;
        moved = true;
      }
    }
  }
  return { community, moved };
}

/** Communities as nodes (renumbered 0.. in order of first appearance), edge weights summed. */
function fold(g: Graph, community: Int32Array): { graph: Graph; relabel: Int32Array } {
  const relabel = new Int32Array(g.nodes).fill(-1);
  let count = 0;
  for (let v = 0; v < g.nodes; v++) {
    const c = community[v] as number;
    if (relabel[c] === -1) relabel[c] = count++;
  }
  const rows = Array.from({ length: count }, () => new Map<number, number>());
  for (let v = 0; v < g.nodes; v++) {
    const a = relabel[community[v] as number] as number;
    const row = rows[a] as Map<number, number>;
    for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) {
      const b = relabel[community[g.targets[e] as number] as number] as number;
      row.set(b, (row.get(b) ?? 0) + (g.weights[e] as number));
    }
  }
  const offsets = new Int32Array(count + 1);
  rows.forEach((row, a) => (offsets[a + 1] = (offsets[a] as number) + row.size));
  const targets = new Int32Array(offsets[count] as number);
  const weights = new Float64Array(offsets[count] as number);
  rows.forEach((row, a) => {
    let at = offsets[a] as number;
    for (const [b, w] of [...row].sort((x, y) => x[0] - y[0])) {
      targets[at] = b;
      weights[at++] = w;
    }
  });
  return { graph: { nodes: count, offsets, targets, weights }, relabel };
}

/** Newman–Girvan modularity (with resolution) of a partition of the graph. */
export function modularity(graph: Graph, community: Int32Array, resolution: number): number {
  const internal = new Map<number, number>();
  const strength = new Map<number, number>();
  let total = 0;
  for (let v = 0; v < graph.nodes; v++) {
    const c = community[v] as number;
    for (let e = graph.offsets[v] as number; e < (graph.offsets[v + 1] as number); e++) {
      const w = graph.weights[e] as number;
      total += w;
      strength.set(c, (strength.get(c) ?? 0) + w);
      if (community[graph.targets[e] as number] === c) internal.set(c, (internal.get(c) ?? 0) + w);
    }
  }
  if (total === 0) return 0;
  let q = 0;
  for (const [c, s] of strength) q += (internal.get(c) ?? 0) / total - resolution * (s / total) ** 2;
  return q;
}
