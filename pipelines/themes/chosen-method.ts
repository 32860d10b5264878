import { DEFAULT_METHOD, METHODS } from './cluster/methods.ts';
import type { ClusterMethod } from './cluster/types.ts';

/**
 * The clustering analyze and `npm run eval` use: Louvain communities of the cosine
 * k-nearest-neighbour graph, which beat agglomerative clustering of LSA vectors and
 * spherical k-means with automatic k on every corpus measured (docs/clustering.md).
 */
export const CHOSEN_METHOD: { name: string; cluster: ClusterMethod } = {
  name: DEFAULT_METHOD,
  cluster: METHODS[DEFAULT_METHOD],
};
