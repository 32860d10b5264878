import type { Partitioner } from './cluster-with.ts';
import { knnGraph } from './knn-graph.ts';
import { louvain, modularity } from './louvain.ts';

export interface LouvainSettings {
  /** Neighbours per case in the similarity graph (at most √cases: a small council's graph stays sparse). */
  neighbours: number;
  /** Modularity resolution: higher finds more, smaller communities. */
  resolution: number;
  /** Louvain runs from different node orders; the most modular partition wins. */
  restarts: number;
  maxFit: number;
}

export const LOUVAIN_SETTINGS: LouvainSettings = { neighbours: 40, resolution: 0.75, restarts: 5, maxFit: 5_000 };

export const neighbourCount = (cases: number, most: number) => Math.max(3, Math.min(most, Math.round(Math.sqrt(cases))));

/** Communities (Louvain, modularity) of the cosine k-nearest-neighbour graph: k follows from the graph. */
export function louvainPartitioner(settings: LouvainSettings = LOUVAIN_SETTINGS): Partitioner {
  return {
    maxFit: settings.maxFit,
    fit: (m, rand) => {
      const graph = knnGraph(m, neighbourCount(m.rows, settings.neighbours));
      let best: Int32Array | null = null;
      let bestQuality = -Infinity;
      for (let r = 0; r < settings.restarts; r++) {
        const communities = louvain(graph, settings.resolution, rand);
        const quality = modularity(graph, communities, settings.resolution);
        if (quality > bestQuality) [best, bestQuality] = [communities, quality];
      }
      return best ?? new Int32Array(m.rows);
    },
  };
}
