import { agglomerativePartitioner } from './agglomerative.ts';
import { clusterWith } from './cluster-with.ts';
import { kmeansAutoPartitioner } from './kmeans-auto.ts';
import { louvainPartitioner } from './louvain-knn.ts';
import { POOL_LEVEL, stableKMeansPartitioner } from './stable-kmeans.ts';
import { learnTermVectors } from './term-vector-source.ts';
import { smoothCases, SMOOTHING } from './term-vectors.ts';
import type { Csr } from './matrix.ts';
import type { ClusterMethod, ClusterOptions } from './types.ts';

const smoothed = (m: Csr, options: ClusterOptions) => {
  const vectors = options.termVectors?.() ?? learnTermVectors(m, options.seed);
  return { cases: smoothCases(m, vectors, SMOOTHING.share), alike: (rows: Csr) => smoothCases(rows, vectors, SMOOTHING.share) };
};

/** Every method compared by `pipelines/eval/method-comparison.ts`, by name. */
export const METHODS = {
  /** Louvain communities of the cosine kNN graph, polished by nearest-centre passes. */
  'louvain-knn': clusterWith(louvainPartitioner()),
  /** Average-linkage agglomerative clustering of LSA (truncated SVD) vectors, cut at a fixed similarity. */
  'agglomerative-lsa': clusterWith(agglomerativePartitioner()),
  /** Spherical k-means with the most stable k. */
  'kmeans-stable-k': clusterWith(kmeansAutoPartitioner()),
  /**
   * Spherical k-means refined by Hartigan's single-case moves, with the most stable k, on
   * case vectors smoothed by PPMI + SVD term vectors of the council's own cases.
   */
  'stable-kmeans': clusterWith(stableKMeansPartitioner(), undefined, smoothed),
  /** The same on the cases' own terms alone. */
  'stable-kmeans-unsmoothed': clusterWith(stableKMeansPartitioner()),
} satisfies Record<string, ClusterMethod>;

export type MethodName = keyof typeof METHODS;

/** The method themes are found with, chosen by measurement (docs/clustering.md). */
export const DEFAULT_METHOD: MethodName = 'stable-kmeans';

export function chooseMethod(name: string = DEFAULT_METHOD): ClusterMethod {
  if (!(name in METHODS)) throw new Error(`unknown clustering method ${name}; known: ${Object.keys(METHODS).join(', ')}`);
  return METHODS[name as MethodName];
}

/**
 * What an incremental run clusters its left-over cases with: the same method, lighter for
 * stable k-means (fewer cases and runs decide k), since these cases are the few that fit
 * no carried theme and a new theme among them needs a third of them new.
 */
export function poolMethod(name: string = DEFAULT_METHOD): ClusterMethod {
  return name === 'stable-kmeans' ? clusterWith(stableKMeansPartitioner(POOL_LEVEL), undefined, smoothed) : chooseMethod(name);
}
