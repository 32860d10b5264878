import { adjustedRand } from './agreement.ts';
import type { Partitioner } from './cluster-with.ts';
import { selectRows, type Csr } from './matrix.ts';
import { sampleIndices } from './random.ts';
import { sphericalKMeans } from './spherical-kmeans.ts';

export interface KMeansAutoSettings {
  /** Largest k tried (and never more than √cases). */
  maxK: number;
  /** Independent runs per k whose agreement measures its stability. */
  runs: number;
  /** Cases the stability of each k is measured on. */
  selectionSample: number;
  maxFit: number;
}

export const KMEANS_AUTO_SETTINGS: KMeansAutoSettings = { maxK: 40, runs: 4, selectionSample: 2_000, maxFit: 5_000 };

/**
 * Spherical k-means whose k is the most stable one: for each k in a range, several runs
 * from different seeds; the k whose runs agree most (mean pairwise ARI) wins.
 */
export function kmeansAutoPartitioner(settings: KMeansAutoSettings = KMEANS_AUTO_SETTINGS): Partitioner {
  return {
    maxFit: settings.maxFit,
    fit: (m, rand) => {
      const k = chooseK(m, settings, rand);
      return sphericalKMeans(m, k, rand, 3, 40).assignment;
    },
  };
}

export function candidateKs(cases: number, maxK: number): number[] {
  const top = Math.max(2, Math.min(maxK, Math.floor(Math.sqrt(cases))));
  const ks: number[] = [];
  for (let k = 2; k <= top; k += k < 12 ? 1 : 2) ks.push(k);
  return ks;
}

function chooseK(m: Csr, settings: KMeansAutoSettings, rand: () => number): number {
  const sample = selectRows(m, sampleIndices(m.rows, settings.selectionSample, rand));
  let best = 2;
  let bestStability = -Infinity;
  for (const k of candidateKs(sample.rows, settings.maxK)) {
    const runs = Array.from({ length: settings.runs }, () => sphericalKMeans(sample, k, rand, 1, 30).assignment);
    let sum = 0;
    let pairs = 0;
    for (let i = 0; i < runs.length; i++) for (let j = i + 1; j < runs.length; j++, pairs++) sum += adjustedRand(runs[i] as Int32Array, runs[j] as Int32Array);
    const stability = sum / pairs;
    if (stability > bestStability) [best, bestStability] = [k, stability];
  }
  return best;
}
