import { averageLinkage, cutAt } from './average-linkage.ts';
import type { Partitioner } from './cluster-with.ts';
import { truncatedSvd } from './truncated-svd.ts';

export interface AgglomerativeSettings {
  /** Latent dimensions kept by the truncated SVD. */
  rank: number;
  /** Groups stop merging when their average cosine (in the reduced space) falls below this. */
  cut: number;
  /** The n × n similarity matrix bounds this (4,000 cases: 64 MB). */
  maxFit: number;
}

export const AGGLOMERATIVE_SETTINGS: AgglomerativeSettings = { rank: 20, cut: 0.2, maxFit: 4_000 };

/** Average-linkage agglomerative clustering on LSA vectors, cut at a fixed similarity: k follows from the cut. */
export function agglomerativePartitioner(settings: AgglomerativeSettings = AGGLOMERATIVE_SETTINGS): Partitioner {
  return {
    maxFit: settings.maxFit,
    fit: (m, rand) => {
      const { rows, rank } = truncatedSvd(m, settings.rank, rand);
      return cutAt(averageLinkage(rows, m.rows, rank), m.rows, settings.cut);
    },
  };
}
