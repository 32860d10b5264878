import { UNASSIGNED, type ClusterMethod, type ClusterOptions, type Clustering } from './cluster/types.ts';
import type { PreviousRun, PreviousTheme } from './previous-run.ts';
import { dot, normalise, type CaseVectors, type SparseVector } from './vectors.ts';

export interface CarriedClustering extends Clustering {
  /** The previous id of themes 0..carried-1; later themes are new. */
  ids: string[];
}

/**
 * An incremental run: the previous run's themes keep the cases they had (same version),
 * cases the meeting corrected stay where it put them, new and changed cases join the
 * nearest theme when close enough, and only the cases left over are clustered afresh,
 * where new themes can form. Re-running on unchanged data gives back the same themes.
 */
export function carryForward(
  data: CaseVectors,
  previous: Pick<PreviousRun, 'themes' | 'kept' | 'unassigned'>,
  method: ClusterMethod,
  options: Pick<ClusterOptions, 'seed' | 'termVectors' | 'fixed'>,
): CarriedClustering {
  const { kept } = previous;
  const themes = previous.themes;
  const index = new Map(themes.map((t, i) => [t.id, i]));
  const centroids = themes.map((t) => centroidOver(t, data.vocabulary));
  const fixed = options.fixed;
  const assignment = data.ids.map((id, i) => {
    const to = fixed?.[i] ?? UNASSIGNED;
    return to !== UNASSIGNED ? Math.max(UNASSIGNED, to) : (index.get(kept.get(id) ?? '') ?? UNASSIGNED);
  });
  const floor = joiningFloor(data, assignment, centroids);
  const pool: number[] = [];
  assignment.forEach((theme, i) => {
    if (theme >= 0 || (fixed?.[i] ?? UNASSIGNED) !== UNASSIGNED) return;
    const v = data.vectors[i] as SparseVector;
    let best = -1;
    let bestSim = floor;
    centroids.forEach((c, t) => {
      const sim = dot(v, c);
      if (sim >= bestSim && (sim > bestSim || best === -1)) [best, bestSim] = [t, sim];
    });
    if (best >= 0) assignment[i] = best;
    else if (v.size > 0) pool.push(i);
  });
  const fresh = method({ ids: pool.map((i) => data.ids[i] as string), vectors: pool.map((i) => data.vectors[i] as SparseVector), vocabulary: data.vocabulary }, { seed: options.seed, termVectors: options.termVectors });
  // Cases left unassigned last time did not make a theme then; they make one now only
  // with enough new evidence: a third of a new theme's cases must be new or changed.
  const isNew = (i: number) => !previous.unassigned.has(data.ids[i] as string);
  const size = new Array<number>(fresh.themes).fill(0);
  const news = new Array<number>(fresh.themes).fill(0);
  fresh.assignment.forEach((theme, k) => {
    if (theme < 0) return;
    size[theme] = (size[theme] as number) + 1;
    if (isNew(pool[k] as number)) news[theme] = (news[theme] as number) + 1;
  });
  const renumber = new Map<number, number>();
  for (let t = 0; t < fresh.themes; t++) if (3 * (news[t] as number) >= (size[t] as number)) renumber.set(t, themes.length + renumber.size);
  fresh.assignment.forEach((theme, k) => {
    const target = renumber.get(theme);
    if (target !== undefined) assignment[pool[k] as number] = target;
  });
  return { assignment, themes: themes.length + renumber.size, guided: 0, ids: themes.map((t) => t.id) };
}

/**
 * How close a new case must be to join a carried theme: as close as the typical kept
 * member, within the same margin the clustering allows (0.4 of the median, at least 0.05).
 */
function joiningFloor(data: CaseVectors, assignment: readonly number[], centroids: readonly SparseVector[]): number {
  const sims: number[] = [];
  assignment.forEach((t, i) => {
    if (t >= 0) sims.push(dot(data.vectors[i] as SparseVector, centroids[t] as SparseVector));
  });
  sims.sort((a, b) => a - b);
  const median = sims.length === 0 ? 0.5 : (sims[Math.floor((sims.length - 1) / 2)] as number);
  return Math.max(0.05, 0.4 * median);
}

/** A previous theme's centroid over this run's vocabulary (terms now gone drop out). */
export function centroidOver(theme: PreviousTheme, vocabulary: readonly string[]): SparseVector {
  const index = new Map(vocabulary.map((term, i) => [term, i]));
  const weights = new Map<number, number>();
  for (const [i, w] of theme.centroid) {
    const j = index.get(theme.terms[i] as string);
    if (j !== undefined) weights.set(j, w);
  }
  return normalise(weights);
}
