import { centroidsByTerm } from './centroids.ts';
import { rowDotColumns, type Csr } from './matrix.ts';
import { rowDots } from './row-dots.ts';

export interface KMeansResult {
  assignment: Int32Array;
  /** Unit centres, row-major (k × dims). */
  centres: Float64Array;
  /** Sum over cases of the cosine to their centre: what restarts compete on. */
  cohesion: number;
}

/**
 * Spherical k-means (cosine), k-means++ seeding from `rand`, best of `restarts` by
 * cohesion. Cases sharing no term with any centre go to centre 0 for the update only;
 * deciding who is unassigned is left to the caller.
 */
export function sphericalKMeans(m: Csr, k: number, rand: () => number, restarts = 3, iterations = 30, trials?: number): KMeansResult {
  let best: KMeansResult | null = null;
  for (let r = 0; r < restarts; r++) {
    const run = lloydFromRows(m, seedRows(m, k, rand, trials ?? 2 + Math.floor(Math.log(k))), k, iterations);
    if (!best || run.cohesion > best.cohesion) best = run;
  }
  if (!best) throw new Error('restarts must be at least 1');
  return best;
}

/** Lloyd iterations from given centres (row-major, k × dims). */
export function lloyd(m: Csr, start: Float64Array, k: number, iterations: number): KMeansResult {
  if (iterations <= 0) return { assignment: new Int32Array(m.rows).fill(-1), centres: start, cohesion: 0 };
  const byTerm = transpose(start, k, m.dims);
  return steps(m, k, iterations, (r, scores) => rowDotColumns(m, r, byTerm, k, scores, 0));
}

/** Lloyd iterations from centres that are copies of the given rows: the first step reads their cached dots. */
function lloydFromRows(m: Csr, seeds: Int32Array, k: number, iterations: number): KMeansResult {
  if (iterations <= 0) return lloyd(m, rowsAsCentres(m, seeds), k, iterations);
  const dots = Array.from(seeds, (row) => rowDots(m, row));
  return steps(m, k, iterations, (r, scores) => {
    for (let c = 0; c < k; c++) scores[c] = (dots[c] as Float64Array)[r] as number;
  });
}

/** The steps themselves; `firstScores` gives each case's similarity to each centre in the first. */
function steps(m: Csr, k: number, iterations: number, firstScores: (r: number, scores: Float64Array) => void): KMeansResult {
  const assignment = new Int32Array(m.rows).fill(-1);
  const scores = new Float64Array(k);
  let byTerm: Float64Array | null = null;
  // Each step's centres are scored against in the next only, so two buffers take turns.
  let spare: Float64Array | undefined;
  let cohesion = 0;
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    cohesion = 0;
    for (let r = 0; r < m.rows; r++) {
      if (byTerm) rowDotColumns(m, r, byTerm, k, scores, 0);
      else firstScores(r, scores);
      let bestCentre = 0;
      let bestSim = scores[0] as number;
      for (let c = 1; c < k; c++) if ((scores[c] as number) > bestSim) [bestCentre, bestSim] = [c, scores[c] as number];
      cohesion += bestSim;
      if (assignment[r] !== bestCentre) changed++;
      assignment[r] = bestCentre;
    }
    const previous = byTerm;
    byTerm = centroidsByTerm(m, assignment, k, spare);
    spare = previous ?? undefined;
    if (changed === 0) break;
  }
  const final = byTerm as Float64Array;
  let centres: Float64Array | null = null;
  // Most callers want the groups alone: the row-major centres are made when asked for.
  return {
    assignment,
    cohesion,
    get centres() {
      centres ??= transpose(final, m.dims, k);
      return centres;
    },
  };
}

/** A rows × cols row-major matrix as cols × rows. */
function transpose(dense: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = dense[i * cols + j] as number;
  return out;
}

function rowsAsCentres(m: Csr, seeds: Int32Array): Float64Array {
  const centres = new Float64Array(seeds.length * m.dims);
  seeds.forEach((r, c) => {
    for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) centres[c * m.dims + (m.indices[p] as number)] = m.values[p] as number;
  });
  return centres;
}

/**
 * Greedy k-means++ (as scikit-learn seeds): each new centre is the best of a few
 * candidates drawn in proportion to their distance from the centres so far, so a lone
 * outlier, far from everything yet reducing the total distance little, is rarely chosen.
 * `trials` candidates each (scikit-learn: 2 + ln k; 1 is plain k-means++). The centres
 * are copies of the rows returned.
 */
function seedRows(m: Csr, k: number, rand: () => number, trials: number): Int32Array {
  const seeds = new Int32Array(k);
  let distance = new Float64Array(m.rows);
  let best = new Float64Array(m.rows);
  let next = new Float64Array(m.rows);
  seeds[0] = Math.floor(rand() * m.rows);
  distancesTo(m, seeds[0] as number, distance.fill(Infinity), distance);
  for (let c = 1; c < k; c++) {
    let bestTotal = Infinity;
    let bestRow = -1;
    for (let trial = 0; trial < trials; trial++) {
      const row = drawByDistance(distance, rand);
      const total = distancesTo(m, row, distance, next);
      if (bestRow < 0 || total < bestTotal) {
        [best, next] = [next, best];
        [bestTotal, bestRow] = [total, row];
      }
    }
    seeds[c] = bestRow < 0 ? 0 : bestRow;
    if (bestRow >= 0) [distance, best] = [best, distance];
  }
  return seeds;
}

/** Each row's distance to the nearest of the centres so far (`limit`) and row `row` into `out`; their positive sum. */
function distancesTo(m: Csr, row: number, limit: Float64Array, out: Float64Array): number {
  const dots = rowDots(m, row);
  let total = 0;
  for (let r = 0; r < m.rows; r++) {
    const d = Math.min(limit[r] as number, 1 - (dots[r] as number));
    out[r] = d;
    total += Math.max(0, d);
  }
  return total;
}

function drawByDistance(distance: Float64Array, rand: () => number): number {
  let total = 0;
  for (const d of distance) total += Math.max(0, d);
  let pick = rand() * total;
  let chosen = 0;
  for (; chosen < distance.length - 1; chosen++) {
    pick -= Math.max(0, distance[chosen] as number);
    if (pick <= 0) break;
  }
  return chosen;
}
