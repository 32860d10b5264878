import { adjustedRand } from './agreement.ts';
import type { Partitioner } from './cluster-with.ts';
import { selectRows, type Csr } from './matrix.ts';
import { bestRun } from './best-run.ts';
import { sampleIndices } from './random.ts';
import { runAll, type RunSpec } from './shared-runs.ts';

export interface StableKMeansSettings {
  /** Fewest and most groups tried; never more than `casesPerGroup` cases a group on average. */
  minK: number;
  maxK: number;
  casesPerGroup: number;
  /** Independent runs per k: their agreement (median pairwise ARI) is the k's stability. */
  runs: number;
  /** Cases the stability of each k is measured on. */
  selectionSample: number;
  /** Runs at the chosen k on all fitted cases; the most cohesive wins. */
  restarts: number;
  maxFit: number;
}

/** Each k tried is this much larger than the one before (at least one more). */
const K_STEP = 1.25;
/** Each stability run is the most cohesive of this many, as the final fit is: a k is judged by what it gives. */
const RUN_RESTARTS = 2;
/** Each stability run draws its own seed, so that it gives the same groups on whichever thread it runs. */
const SEED_RANGE = 0x1_0000_0000;
/**
 * A sample smaller than `selectionSample` gets more runs per k, up to this many times
 * `runs`: the stability is then the agreement of as many case-runs, and a corpus of a few
 * hundred cases no longer falls to 11 themes on an unlucky seed (casenotes_dev, seeds 1-10:
 * 0.457-0.538 with 4 runs, 0.504-0.530 with 6, at 0.4 s more).
 */
const MAX_RUNS_FACTOR = 3;

export const THEME_LEVEL: StableKMeansSettings = { minK: 6, maxK: 40, casesPerGroup: 15, runs: 4, selectionSample: 1_000, restarts: 4, maxFit: 5_000 };

/** For the cases an incremental run has left over: about a third of the work. */
export const POOL_LEVEL: StableKMeansSettings = { ...THEME_LEVEL, runs: 3, selectionSample: 600, restarts: 3, maxFit: 3_000 };

/** The k tried: a geometric ladder from minK to the most the cases allow. */
export function ladder(cases: number, s: Pick<StableKMeansSettings, 'minK' | 'maxK' | 'casesPerGroup'>): number[] {
  const top = Math.max(2, Math.min(s.maxK, Math.floor(cases / s.casesPerGroup)));
  const ks: number[] = [];
  for (let k = Math.min(s.minK, top); k <= top; k = Math.max(k + 1, Math.round(k * K_STEP))) ks.push(k);
  return ks;
}

/** Runs per k on a sample of `rows` cases: as many case-runs as a full sample, within the cap. */
export function stabilityRuns(rows: number, s: Pick<StableKMeansSettings, 'runs' | 'selectionSample'>): number {
  return Math.min(MAX_RUNS_FACTOR * s.runs, Math.max(s.runs, Math.floor((s.runs * s.selectionSample) / Math.max(1, rows))));
}

export interface StableChoice {
  k: number;
  /** Stability of every k tried, in ladder order. */
  stability: Array<{ k: number; stability: number }>;
}

/**
 * Spherical k-means refined by Hartigan's moves, with the k whose runs from different
 * seeds agree most: a grouping that comes back whatever the start is one the data holds.
 */
export function stableKMeansPartitioner(settings: StableKMeansSettings = THEME_LEVEL): Partitioner {
  return {
    maxFit: settings.maxFit,
    fit: (m, rand) => {
      const { k } = chooseStableK(m, settings, rand);
      return bestRun(m, k, settings.restarts, rand).assignment;
    },
  };
}

export function chooseStableK(m: Csr, settings: StableKMeansSettings, rand: () => number): StableChoice {
  const sample = selectRows(m, sampleIndices(m.rows, settings.selectionSample, rand));
  const stability: StableChoice['stability'] = [];
  let best = { k: Math.min(settings.minK, sample.rows), stability: -Infinity };
  const runCount = stabilityRuns(sample.rows, settings);
  const ks = ladder(sample.rows, settings);
  const specs: RunSpec[] = ks.flatMap((k) => Array.from({ length: runCount }, () => ({ k, seed: Math.floor(rand() * SEED_RANGE) })));
  const all = runAll(sample, specs, RUN_RESTARTS);
  for (const [i, k] of ks.entries()) {
    const runs = all.slice(i * runCount, (i + 1) * runCount);
    const agreements: number[] = [];
    for (let i = 0; i < runs.length; i++) for (let j = i + 1; j < runs.length; j++) agreements.push(adjustedRand(runs[i]!, runs[j]!));
    const s = median(agreements);
    stability.push({ k, stability: s });
    if (s > best.stability) best = { k, stability: s };
  }
  return { k: best.k, stability };
}

/** The median, so that one run caught in a poor optimum does not decide a k's stability. */
function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
