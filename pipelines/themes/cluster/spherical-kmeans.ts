import { centroids } from './centroids.ts';
import { rowDotDense, type Csr } from './matrix.ts';

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
    const run = lloyd(m, seedCentres(m, k, rand, trials ?? 2 + Math.floor(Math.log(k))), k, iterations);
    if (!best || run.cohesion > best.cohesion) best = run;
  }
  if (!best) throw new Error('restarts must be at least 1');
  return best;
}

/** Lloyd iterations from given centres (also how guides start with fixed centres). */
export function lloyd(m: Csr, start: Float64Array, k: number, iterations: number): KMeansResult {
  let centres = start;
  const assignment = new Int32Array(m.rows).fill(-1);
  const scores = new Float64Array(k);
  let cohesion = 0;
  for (let it = 0; it < iterations; it++) {
    const transposed = transpose(centres, k, m.dims);
    let changed = 0;
    cohesion = 0;
    for (let r = 0; r < m.rows; r++) {
      scores.fill(0);
      for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) {
        const w = m.values[p] as number;
        const offset = (m.indices[p] as number) * k;
        for (let c = 0; c < k; c++) scores[c] = (scores[c] as number) + w * (transposed[offset + c] as number);
      }
      let bestCentre = 0;
      let bestSim = scores[0] as number;
      for (let c = 1; c < k; c++) if ((scores[c] as number) > bestSim) [bestCentre, bestSim] = [c, scores[c] as number];
      cohesion += bestSim;
      if (assignment[r] !== bestCentre) changed++;
      assignment[r] = bestCentre;
    }
    centres = centroids(m, assignment, k);
    if (changed === 0) break;
  }
  return { assignment, centres, cohesion };
}

function transpose(centres: Float64Array, k: number, dims: number): Float64Array {
  const out = new Float64Array(k * dims);
  for (let c = 0; c < k; c++) for (let d = 0; d < dims; d++) out[d * k + c] = centres[c * dims + d] as number;
  return out;
}

/**
 * Greedy k-means++ (as scikit-learn seeds): each new centre is the best of a few
 * candidates drawn in proportion to their distance from the centres so far, so a lone
 * outlier, far from everything yet reducing the total distance little, is rarely chosen.
 * `trials` candidates each (scikit-learn: 2 + ln k; 1 is plain k-means++).
 */
function seedCentres(m: Csr, k: number, rand: () => number, trials: number): Float64Array {
  const centres = new Float64Array(k * m.dims);
  const copyRow = (r: number, c: number) => {
    for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) {
      centres[c * m.dims + (m.indices[p] as number)] = m.values[p] as number;
    }
  };
  const distancesTo = (c: number, limit: Float64Array): Float64Array => {
    const out = new Float64Array(m.rows);
    for (let r = 0; r < m.rows; r++) out[r] = Math.min(limit[r] as number, 1 - rowDotDense(m, r, centres, c));
    return out;
  };
  copyRow(Math.floor(rand() * m.rows), 0);
  let distance: Float64Array = distancesTo(0, new Float64Array(m.rows).fill(Infinity));
  for (let c = 1; c < k; c++) {
    let best: { distance: Float64Array; total: number; row: number } | null = null;
    for (let trial = 0; trial < trials; trial++) {
      const row = drawByDistance(distance, rand);
      centres.fill(0, c * m.dims, (c + 1) * m.dims);
      copyRow(row, c);
      const next = distancesTo(c, distance);
      const total = next.reduce((a, b) => a + Math.max(0, b), 0);
      if (!best || total < best.total) best = { distance: next, total, row };
    }
    centres.fill(0, c * m.dims, (c + 1) * m.dims);
    copyRow(best?.row ?? 0, c);
    distance = best?.distance ?? distance;
  }
  return centres;
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
