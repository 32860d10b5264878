import { describe, expect, it } from 'vitest';
import { adjustedRand } from '../pipelines/themes/cluster/agreement.ts';
import { averageLinkage, cutAt } from '../pipelines/themes/cluster/average-linkage.ts';
import { candidateKs } from '../pipelines/themes/cluster/kmeans-auto.ts';
import { knnGraph } from '../pipelines/themes/cluster/knn-graph.ts';
import { louvain, modularity } from '../pipelines/themes/cluster/louvain.ts';
import { toCsr } from '../pipelines/themes/cluster/matrix.ts';
import { nearestThemes, themeSums } from '../pipelines/themes/cluster/nearest-theme.ts';
import { sampleIndices, seededRandom } from '../pipelines/themes/cluster/random.ts';
import { dissolveSmall, keepLargeGroups } from '../pipelines/themes/cluster/themes.ts';
import { truncatedSvd } from '../pipelines/themes/cluster/truncated-svd.ts';

const unit = (...pairs: Array<[number, number]>) => {
  const norm = Math.hypot(...pairs.map(([, w]) => w));
  return new Map(pairs.map(([i, w]) => [i, w / norm]));
};

describe('knnGraph', () => {
  it('joins each case to its most similar cases, symmetrically, never to cases sharing no term', () => {
    const m = toCsr([unit([0, 1]), unit([0, 1], [1, 1]), unit([1, 1]), unit([2, 1])], 3);
    const g = knnGraph(m, 1);
    const neighbours = (v: number) => Array.from(g.targets.subarray(g.offsets[v], g.offsets[v + 1]));
    expect([0, 1, 2, 3].map(neighbours)).toEqual([[1], [0, 2], [1], []]);
    expect(g.weights[0]).toBeCloseTo(Math.SQRT1_2, 12);
  });
});

describe('louvain', () => {
  it('splits two cliques joined by one weak edge, the same way for a seed', () => {
    const vectors = [0, 0, 0, 0, 1, 1, 1, 1].map((g, i) => unit([g * 2, 1], [g * 2 + 1, 0.2 + i / 50]));
    vectors.push(unit([0, 0.1], [2, 1]));
    const graph = knnGraph(toCsr(vectors, 4), 4);
    const communities = louvain(graph, 1, seededRandom(3));
    expect(adjustedRand(communities.subarray(0, 8), [0, 0, 0, 0, 1, 1, 1, 1])).toBe(1);
    expect(louvain(graph, 1, seededRandom(3))).toEqual(communities);
    expect(modularity(graph, communities, 1)).toBeGreaterThan(modularity(graph, new Int32Array(9), 1));
  });
});

describe('averageLinkage', () => {
  it('merges the closest groups first and cuts at a similarity', () => {
    const rows = Float64Array.from([1, 0, 0.99, Math.sqrt(1 - 0.99 ** 2), 0, 1, 0.1, Math.sqrt(1 - 0.01)]);
    const merges = averageLinkage(rows, 4, 2);
    expect(merges.map((m) => [m.a, m.b])).toEqual([[2, 3], [0, 1], [0, 2]]);
    expect(merges[2]?.similarity).toBeCloseTo((0.0 + 0.1 + 0.99 * 0 + 0.99 * 0.1 + Math.sqrt(1 - 0.99 ** 2) * (1 + Math.sqrt(0.99))) / 4, 6);
    expect(Array.from(cutAt(merges, 4, 0.5))).toEqual([0, 0, 2, 2]);
    expect(Array.from(cutAt(merges, 4, 0))).toEqual([0, 0, 0, 0]);
  });
});

describe('truncatedSvd', () => {
  it('maps cases of the same latent direction together and different ones apart', () => {
    const vectors = [unit([0, 1], [1, 1]), unit([0, 2], [1, 2]), unit([2, 1], [3, 1]), unit([2, 3], [3, 3]), unit([4, 1])];
    const { rows, rank } = truncatedSvd(toCsr(vectors, 5), 3, seededRandom(1));
    expect(rank).toBe(3);
    const cosine = (a: number, b: number) => [0, 1, 2].reduce((s, d) => s + (rows[a * 3 + d] as number) * (rows[b * 3 + d] as number), 0);
    expect(cosine(0, 1)).toBeCloseTo(1, 9);
    expect(cosine(2, 3)).toBeCloseTo(1, 9);
    expect(cosine(0, 2)).toBeCloseTo(0, 9);
    expect(cosine(4, 4)).toBeCloseTo(1, 9);
  });
});

describe('nearestThemes', () => {
  it('compares a case with its own theme as if it were not in it', () => {
    const m = toCsr([unit([0, 1]), unit([0, 1]), unit([1, 1])], 2);
    const current = [0, 0, 0];
    const nearest = nearestThemes(m, themeSums(m, current, 1), current);
    expect(nearest.similarity[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(nearest.similarity[2]).toBeCloseTo(0, 12);
    expect(Array.from(nearest.theme)).toEqual([0, 0, -1]);
  });
});

describe('theme bookkeeping', () => {
  it('keeps large groups, numbered by size with ties to the first seen', () => {
    const kept = keepLargeGroups(Int32Array.from([7, 5, 5, 7, 9, -1, 3, 3, 3]), 2);
    expect(Array.from(kept.assignment)).toEqual([1, 2, 2, 1, -1, -1, 0, 0, 0]);
    expect(kept.themes).toBe(3);
  });

  it('dissolves small found themes but never a guide', () => {
    const out = dissolveSmall(Int32Array.from([0, 1, 1, 2, 2, 2, 3]), 1, 2);
    expect(Array.from(out.assignment)).toEqual([0, 2, 2, 1, 1, 1, -1]);
    expect(out.themes).toBe(3);
  });

  it('draws the same sample for the same seed', () => {
    expect(sampleIndices(100, 10, seededRandom(4))).toEqual(sampleIndices(100, 10, seededRandom(4)));
    expect(sampleIndices(5, 10, seededRandom(4))).toEqual([0, 1, 2, 3, 4]);
  });

  it('tries k from 2 to √cases', () => {
    expect(candidateKs(30, 40)).toEqual([2, 3, 4, 5]);
    expect(candidateKs(10_000, 20)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 20]);
  });

  it('scores agreement like the adjusted Rand index', () => {
    expect(adjustedRand([0, 0, 1, 1], [5, 5, 3, 3])).toBe(1);
    expect(adjustedRand([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285715, 12);
  });
});
