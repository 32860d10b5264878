import { rowDotDense, type Csr } from './matrix.ts';

/**
 * Unit-length mean direction of each theme's cases, as a row-major dense matrix
 * (themes × dims); an empty theme gets a zero row, which nothing is nearest to.
 */
export function centroids(m: Csr, assignment: ArrayLike<number>, themes: number): Float64Array {
  const centres = new Float64Array(themes * m.dims);
  for (let r = 0; r < m.rows; r++) {
    const t = assignment[r] as number;
    if (t < 0) continue;
    const offset = t * m.dims;
    for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) {
      const d = offset + (m.indices[p] as number);
      centres[d] = (centres[d] as number) + (m.values[p] as number);
    }
  }
  normaliseRows(centres, m.dims);
  return centres;
}

export function normaliseRows(dense: Float64Array, width: number): void {
  for (let offset = 0; offset < dense.length; offset += width) {
    let norm = 0;
    for (let d = offset; d < offset + width; d++) norm += (dense[d] as number) ** 2;
    if (norm === 0) continue;
    const scale = 1 / Math.sqrt(norm);
    for (let d = offset; d < offset + width; d++) dense[d] = (dense[d] as number) * scale;
  }
}

export interface Nearest {
  theme: Int32Array;
  similarity: Float64Array;
}

/** Each case's most similar centre (lowest index on a tie); -1 when it shares no term with any. */
export function nearestCentres(m: Csr, centres: Float64Array, themes: number): Nearest {
  const theme = new Int32Array(m.rows).fill(-1);
  const similarity = new Float64Array(m.rows);
  for (let r = 0; r < m.rows; r++) {
    let best = -1;
    let bestSim = 0;
    for (let c = 0; c < themes; c++) {
      const s = rowDotDense(m, r, centres, c);
      if (s > bestSim) [best, bestSim] = [c, s];
    }
    theme[r] = best;
    similarity[r] = bestSim;
  }
  return { theme, similarity };
}

/** Each case's similarity to the centre of its own theme (0 when unassigned). */
export function ownSimilarity(m: Csr, centres: Float64Array, assignment: ArrayLike<number>): Float64Array {
  const similarity = new Float64Array(m.rows);
  for (let r = 0; r < m.rows; r++) {
    const t = assignment[r] as number;
    if (t >= 0) similarity[r] = rowDotDense(m, r, centres, t);
  }
  return similarity;
}
