import { clusterWith } from './cluster/cluster-with.ts';
import { kmeansAutoPartitioner } from './cluster/kmeans-auto.ts';
import type { ClusterMethod } from './cluster/types.ts';

/** The clustering analyze and `npm run eval` use, chosen by measurement (docs/clustering.md). */
export const CHOSEN_METHOD: { name: string; cluster: ClusterMethod } = {
  name: 'spherical k-means, automatic k',
  cluster: clusterWith(kmeansAutoPartitioner()),
};
