import { centroids, nearestCentres, ownSimilarity } from './centroids.ts';
import { gatherGuided } from './guides.ts';
import { caseMatrix, selectRows, type Csr } from './matrix.ts';
import { sampleIndices, seededRandom } from './random.ts';
import { dissolveSmall, keepLargeGroups } from './themes.ts';
import type { ClusterMethod, ClusterOptions, Clustering } from './types.ts';

/** What a method contributes: groups on the cases it is shown; the rest is shared. */
export interface Partitioner {
  /** At most this many cases are fitted; the others join their nearest theme. */
  maxFit: number;
  /** A group id per row (any integers; -1 = none), deterministic for `rand`. */
  fit(m: Csr, rand: () => number): Int32Array;
}

export interface ThemeSettings {
  /** A case whose cosine with its theme's centre is below this stays unassigned. */
  minSimilarity: number;
  /** Cosine with a guide's terms that makes a case a candidate for that guide. */
  guideSimilarity: number;
  /** A found theme whose centre is this close to a guide's is folded into the guide. */
  guideMerge: number;
  /** Nearest-centre passes over all cases after fitting (0: fitted cases keep their group). */
  refine: number;
}

export const DEFAULT_THEME_SETTINGS: ThemeSettings = { minSimilarity: 0.2, guideSimilarity: 0.2, guideMerge: 0.5, refine: 1 };

/** The default smallest theme: 3 cases, or 0.5% of them in a large corpus. */
export const defaultMinThemeSize = (cases: number) => Math.max(3, Math.round(cases / 200));

/**
 * A clustering method from a partitioner: guides gather their cases first, the partitioner
 * groups (a sample of) the rest, small groups dissolve, every case then goes to its
 * nearest theme centre, and cases too far from it stay unassigned.
 */
export function clusterWith(partitioner: Partitioner, settings: ThemeSettings = DEFAULT_THEME_SETTINGS): ClusterMethod {
  return (data, options) => cluster(caseMatrix(data), partitioner, settings, options);
}

function cluster(m: Csr, partitioner: Partitioner, settings: ThemeSettings, options: ClusterOptions): Clustering {
  const rand = seededRandom(options.seed);
  const minSize = options.minThemeSize ?? defaultMinThemeSize(m.rows);
  const guides = options.guides ?? [];
  const gathered = gatherGuided(m, guides, settings.guideSimilarity);
  const pool: number[] = [];
  for (let r = 0; r < m.rows; r++) if (gathered.assignment[r] === -1 && m.indptr[r] !== m.indptr[r + 1]) pool.push(r);
  const fitted = sampleIndices(pool.length, partitioner.maxFit, rand).map((i) => pool[i] as number);
  const groups = partitioner.fit(selectRows(m, fitted), rand);
  const scaledMin = Math.max(2, Math.round((minSize * fitted.length) / Math.max(1, pool.length)));
  const found = keepLargeGroups(groups, scaledMin);
  const assignment = Int32Array.from(gathered.assignment);
  fitted.forEach((r, i) => {
    const t = found.assignment[i] as number;
    if (t >= 0) assignment[r] = guides.length + t;
  });
  let themes = guides.length + found.themes;
  let centres = withGuideCentres(centroids(m, assignment, themes), gathered.centres, guides.length, m.dims);
  const merged = foldIntoGuides(centres, guides.length, themes, m.dims, settings.guideMerge);
  for (let pass = 0; pass < Math.max(1, settings.refine); pass++) {
    const nearest = nearestCentres(m, centres, themes);
    const own = ownSimilarity(m, centres, assignment);
    for (let r = 0; r < m.rows; r++) {
      const current = assignment[r] as number;
      const keep = settings.refine === 0 && current >= guides.length;
      const t = keep ? current : (nearest.theme[r] as number);
      const s = keep ? (own[r] as number) : (nearest.similarity[r] as number);
      assignment[r] = t >= 0 && s >= settings.minSimilarity ? (merged[t] as number) : -1;
    }
    centres = withGuideCentres(centroids(m, assignment, themes), gathered.centres, guides.length, m.dims);
  }
  const final = dissolveSmall(assignment, themes, guides.length, minSize);
  themes = final.themes;
  return { assignment: Array.from(final.assignment), themes, guided: guides.length };
}

/** Guides keep the centre their terms and gathered cases gave them; found themes use their cases. */
function withGuideCentres(centres: Float64Array, guideCentres: Float64Array, guides: number, dims: number): Float64Array {
  centres.set(guideCentres.subarray(0, guides * dims), 0);
  return centres;
}

/** Theme index each theme's cases go to: itself, or the guide it duplicates. */
function foldIntoGuides(centres: Float64Array, guides: number, themes: number, dims: number, threshold: number): Int32Array {
  const target = Int32Array.from({ length: themes }, (_, t) => t);
  for (let t = guides; t < themes; t++) {
    let best = -1;
    let bestSim = threshold;
    for (let g = 0; g < guides; g++) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += (centres[t * dims + d] as number) * (centres[g * dims + d] as number);
      if (s >= bestSim && (best < 0 || s > bestSim)) [best, bestSim] = [g, s];
    }
    if (best >= 0) target[t] = best;
  }
  return target;
}
