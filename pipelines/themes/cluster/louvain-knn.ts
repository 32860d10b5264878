import type { Partitioner } from './cluster-with.ts';
import { knnGraph } from './knn-graph.ts';
import { louvain } from './louvain.ts';

export interface LouvainSettings {
  /** Neighbours per case in the similarity graph. */
  neighbours: number;
  /** Modularity resolution: higher finds more, smaller communities. */
  resolution: number;
  maxFit: number;
}

export const LOUVAIN_SETTINGS: LouvainSettings = { neighbours: 15, resolution: 1, maxFit: 20_000 };

/** Communities (Louvain, modularity) of the cosine k-nearest-neighbour graph: k follows from the graph. */
export function louvainPartitioner(settings: LouvainSettings = LOUVAIN_SETTINGS): Partitioner {
  return {
    maxFit: settings.maxFit,
    fit: (m, rand) => louvain(knnGraph(m, settings.neighbours), settings.resolution, rand),
  };
}
