import { nearestThemes, themeSums } from './nearest-theme.ts';
import { foldIntoGuides, gatherGuided } from './guides.ts';
import { caseMatrix, isEmptyRow, selectRows, stackRows, toCsr, type Csr } from './matrix.ts';
import { sampleIndices, seededRandom } from './random.ts';
import { dissolveSmall, keepLargeGroups } from './themes.ts';
import { UNASSIGNED, type ClusterMethod, type ClusterOptions, type Clustering } from './types.ts';

/** What a method contributes: groups on the cases it is shown. The rest is shared. */
export interface Partitioner {
  /** At most this many cases are fitted; every case then joins its nearest theme. */
  maxFit: number;
  /** A group id per row (any integers; -1 = none), deterministic for `rand`. */
  fit(m: Csr, rand: () => number): Int32Array;
}

export interface ThemeSettings {
  /** A case whose cosine with its nearest theme centre is below this stays unassigned… */
  minSimilarity: number;
  /** …or below this fraction of the median such cosine over all cases. */
  relativeSimilarity: number;
  /** Cosine with a guide's terms that makes a case one of the guide's first cases. */
  guideSimilarity: number;
  /** A found theme whose centre is this close to a guide's is folded into the guide. */
  guideMerge: number;
  /** Nearest-centre passes over all cases after fitting (spherical k-means steps). */
  passes: number;
}

export const THEME_SETTINGS: ThemeSettings = { minSimilarity: 0.05, relativeSimilarity: 0.4, guideSimilarity: 0.2, guideMerge: 0.5, passes: 3 };

/** The default smallest theme: 3 cases, or 0.5% of them in a large corpus. */
export const defaultMinThemeSize = (cases: number) => Math.max(3, Math.round(cases / 200));

/**
 * A clustering method from a partitioner: guides gather their cases first, the partitioner
 * groups (a sample of) the rest, groups too small dissolve, then every case goes to its
 * nearest theme centre for a few passes, and cases too far from any stay unassigned.
 */
export function clusterWith(partitioner: Partitioner, settings: ThemeSettings = THEME_SETTINGS, prepare?: Prepare): ClusterMethod {
  return (data, options) => cluster(caseMatrix(data), partitioner, settings, options, prepare);
}

/**
 * A change of the case vectors made before grouping (smoothing), and the same change for
 * other rows over the cases' terms (the guides); it draws no random numbers of the clustering's.
 */
export type Prepare = (m: Csr, options: ClusterOptions) => { cases: Csr; alike(rows: Csr): Csr };

function cluster(cases: Csr, partitioner: Partitioner, settings: ThemeSettings, options: ClusterOptions, prepare?: Prepare): Clustering {
  const rand = seededRandom(options.seed);
  const prepared = prepare?.(cases, options);
  const m = prepared?.cases ?? cases;
  const minSize = options.minThemeSize ?? defaultMinThemeSize(m.rows);
  // A category's few words are smoothed as the cases are, to meet their paraphrases; an
  // anchor is a corrected theme's last centroid, the mean of many cases, and stays as it is.
  const seeded = toCsr(options.guides ?? [], cases.dims);
  const guideRows = stackRows(prepared ? prepared.alike(seeded) : seeded, toCsr(options.anchors ?? [], cases.dims));
  const kept = guideRows.rows;
  const gathered = gatherGuided(m, guideRows, settings.guideSimilarity, seeded.rows);
  const fixed = options.fixed;
  const isFixed = (r: number) => fixed !== undefined && (fixed[r] as number) !== UNASSIGNED;
  if (fixed) for (let r = 0; r < m.rows; r++) if (isFixed(r)) gathered.assignment[r] = Math.max(UNASSIGNED, fixed[r] as number);
  const pool: number[] = [];
  for (let r = 0; r < m.rows; r++) if (gathered.assignment[r] === UNASSIGNED && !isFixed(r) && !isEmptyRow(m, r)) pool.push(r);
  const fitted = sampleIndices(pool.length, partitioner.maxFit, rand).map((i) => pool[i] as number);
  const sampleMin = Math.max(2, Math.round((minSize * fitted.length) / Math.max(1, pool.length)));
  const found = keepLargeGroups(partitioner.fit(selectRows(m, fitted), rand), sampleMin);
  const assignment = Int32Array.from(gathered.assignment);
  fitted.forEach((r, i) => {
    const t = found.assignment[i] as number;
    if (t >= 0) assignment[r] = kept + t;
  });
  const themes = kept + found.themes;
  const target = foldIntoGuides(themeSums(m, assignment, themes, gathered.terms), kept, m.dims, settings.guideMerge);
  for (let pass = 0; pass < settings.passes; pass++) {
    const nearest = nearestThemes(m, themeSums(m, assignment, themes, gathered.terms), assignment);
    const floor = Math.max(settings.minSimilarity, settings.relativeSimilarity * median(nearest.similarity));
    for (let r = 0; r < m.rows; r++) {
      if (isFixed(r)) continue;
      const t = nearest.theme[r] as number;
      assignment[r] = t >= 0 && (nearest.similarity[r] as number) >= floor ? (target[t] as number) : UNASSIGNED;
    }
  }
  const final = dissolveSmall(assignment, kept, minSize);
  return { assignment: Array.from(final.assignment), themes: final.themes, guided: kept };
}

function median(values: Float64Array): number {
  const sorted = values.slice().sort();
  return sorted.length === 0 ? 0 : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
}
