import { centroids } from './cluster/centroids.ts';
import { toCsr } from './cluster/matrix.ts';
import { sampleIndices, seededRandom } from './cluster/random.ts';
import { bestRun } from './cluster/best-run.ts';
import { chooseStableK, type StableKMeansSettings } from './cluster/stable-kmeans.ts';
import type { Clustering } from './cluster/types.ts';
import { describeThemes, type WeightedTerm } from './describe.ts';
import type { CaseVectors, SparseVector } from './vectors.ts';
import { wallLabel } from './wall-label.ts';

/**
 * The upper level: broad areas such as 住まい or 日中活動・就労, 4 to 8 of them, their number
 * the most stable one as for themes.
 */
export const AREA_LEVEL: StableKMeansSettings = { minK: 4, maxK: 8, casesPerGroup: 30, runs: 4, selectionSample: 1_000, restarts: 3, maxFit: 3_000 };
/** Fewer themes than this are not grouped: one area would hold them all. */
const MIN_THEMES_FOR_AREAS = 4;

export interface IssueAreas {
  /** Per theme (index as in the clustering): its area, 0.. by decreasing number of cases. */
  areaOfTheme: Int32Array;
  areas: Array<{ label: string; terms: WeightedTerm[] }>;
}

/**
 * Groups the themes into broad areas: the theme-assigned cases are clustered at the area
 * level, and each theme joins the area whose centre is nearest its own centroid.
 */
export function formIssueAreas(data: CaseVectors, clustering: Clustering, themeCentroids: readonly SparseVector[], seed: number): IssueAreas {
  const found = clustering.themes;
  if (found < MIN_THEMES_FOR_AREAS) return single(data, clustering);
  const rand = seededRandom(seed);
  const assigned = clustering.assignment.flatMap((t, i) => (t >= 0 ? [i] : []));
  const fitted = sampleIndices(assigned.length, AREA_LEVEL.maxFit, rand).map((i) => assigned[i] as number);
  const sample = toCsr(fitted.map((i) => data.vectors[i] as SparseVector), data.vocabulary.length);
  const settings = { ...AREA_LEVEL, maxK: Math.min(AREA_LEVEL.maxK, found - 1) };
  const { k } = chooseStableK(sample, settings, rand);
  const groups = bestRun(sample, k, settings.restarts, rand).assignment;
  const areaCentres = centroids(sample, groups, k);
  const raw = new Int32Array(found);
  for (let t = 0; t < found; t++) {
    let best = 0;
    let bestSim = -Infinity;
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (const [d, w] of themeCentroids[t] ?? []) s += w * (areaCentres[a * sample.dims + d] as number);
      if (s > bestSim) [best, bestSim] = [a, s];
    }
    raw[t] = best;
  }
  return described(data, clustering, renumberBySize(raw, clustering, k));
}

function single(data: CaseVectors, clustering: Clustering): IssueAreas {
  return described(data, clustering, new Int32Array(clustering.themes));
}

/** Areas renumbered 0.. by decreasing number of cases (ties: lower index first); empty areas vanish. */
function renumberBySize(raw: Int32Array, clustering: Clustering, k: number): Int32Array {
  const cases = new Float64Array(k);
  for (const t of clustering.assignment) if (t >= 0) cases[raw[t] as number] = (cases[raw[t] as number] as number) + 1;
  const order = Array.from({ length: k }, (_, a) => a)
    .filter((a) => (cases[a] as number) > 0)
    .sort((a, b) => (cases[b] as number) - (cases[a] as number) || a - b);
  const index = new Int32Array(k).fill(-1);
  order.forEach((a, i) => (index[a] = i));
  return raw.map((a) => index[a] as number);
}

function described(data: CaseVectors, clustering: Clustering, areaOfTheme: Int32Array): IssueAreas {
  const count = areaOfTheme.reduce((n, a) => Math.max(n, a + 1), 0);
  const caseAreas = clustering.assignment.map((t) => (t >= 0 ? (areaOfTheme[t] as number) : -1));
  const descriptions = describeThemes(data, caseAreas, count);
  return { areaOfTheme, areas: descriptions.map((d) => ({ label: wallLabel(d.terms, (term) => d.coverage.get(term) ?? 0, []).label, terms: d.terms })) };
}
