import { agglomerativePartitioner } from './agglomerative.ts';
import { clusterWith } from './cluster-with.ts';
import { kmeansAutoPartitioner } from './kmeans-auto.ts';
import { louvainPartitioner } from './louvain-knn.ts';
import { stableKMeansPartitioner } from './stable-kmeans.ts';
import type { ClusterMethod } from './types.ts';

/** Every method compared by `pipelines/eval/method-comparison.ts`, by name. */
export const METHODS = {
  /** Louvain communities of the cosine kNN graph, polished by nearest-centre passes. */
  'louvain-knn': clusterWith(louvainPartitioner()),
  /** Average-linkage agglomerative clustering of LSA (truncated SVD) vectors, cut at a fixed similarity. */
  'agglomerative-lsa': clusterWith(agglomerativePartitioner()),
  /** Spherical k-means with the most stable k. */
  'kmeans-stable-k': clusterWith(kmeansAutoPartitioner()),
  /** Spherical k-means refined by Hartigan's single-case moves, with the most stable k. */
  'stable-kmeans': clusterWith(stableKMeansPartitioner()),
} satisfies Record<string, ClusterMethod>;

export type MethodName = keyof typeof METHODS;

/** The method themes are found with, chosen by measurement (docs/clustering.md). */
export const DEFAULT_METHOD: MethodName = (process.env.MIERUKA_METHOD as MethodName | undefined) ?? 'stable-kmeans';

export function chooseMethod(name: string = DEFAULT_METHOD): ClusterMethod {
  if (!(name in METHODS)) throw new Error(`unknown clustering method ${name}; known: ${Object.keys(METHODS).join(', ')}`);
  return METHODS[name as MethodName];
}
