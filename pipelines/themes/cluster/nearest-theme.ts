import { addSumsByTerm, rowDotColumns, type Csr } from './matrix.ts';

/** Summed (not normalised) case vectors of each theme, term-major (dims × themes) for fast scoring. */
export interface ThemeSums {
  themes: number;
  sums: Float64Array;
  /** Squared length of each theme's sum. */
  squaredNorms: Float64Array;
}

/** Each theme's sum of its cases, plus `extra` (themes × dims, e.g. a guide's own terms) when given. */
export function themeSums(m: Csr, assignment: ArrayLike<number>, themes: number, extra?: Float64Array): ThemeSums {
  const sums = new Float64Array(m.dims * themes);
  if (extra) for (let t = 0; t < extra.length / m.dims; t++) for (let d = 0; d < m.dims; d++) sums[d * themes + t] = extra[t * m.dims + d] as number;
  addSumsByTerm(m, assignment, themes, sums);
  const squaredNorms = new Float64Array(themes);
  for (let d = 0; d < m.dims; d++) {
    for (let t = 0; t < themes; t++) squaredNorms[t] = (squaredNorms[t] as number) + (sums[d * themes + t] as number) ** 2;
  }
  return { themes, sums, squaredNorms };
}

/**
 * Each case's most similar theme and that cosine, lowest index on a tie (-1 and 0 when it
 * shares no term with any). A case is compared with its own theme as it would be without
 * itself, so in a theme of four a stray case does not look close merely for being a
 * quarter of the centre.
 */
export function nearestThemes(m: Csr, sums: ThemeSums, current: ArrayLike<number>): { theme: Int32Array; similarity: Float64Array } {
  const k = sums.themes;
  const theme = new Int32Array(m.rows).fill(-1);
  const similarity = new Float64Array(m.rows);
  const scores = new Float64Array(k);
  for (let r = 0; r < m.rows; r++) {
    rowDotColumns(m, r, sums.sums, k, scores, 0);
    let self = 0;
    for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) {
      const w = m.values[p] as number;
      self += w * w;
    }
    const own = current[r] as number;
    let best = -1;
    let bestSim = 0;
    for (let t = 0; t < k; t++) {
      const dotted = scores[t] as number;
      const norm = t === own ? (sums.squaredNorms[t] as number) - 2 * dotted + self : (sums.squaredNorms[t] as number);
      const s = norm > 1e-12 ? (t === own ? dotted - self : dotted) / Math.sqrt(norm) : 0;
      if (s > bestSim) [best, bestSim] = [t, s];
    }
    theme[r] = best;
    similarity[r] = bestSim;
  }
  return { theme, similarity };
}
