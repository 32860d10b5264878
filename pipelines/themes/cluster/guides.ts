import type { SparseVector } from '../vectors.ts';
import { rowDotDense, type Csr } from './matrix.ts';
import type { ThemeSums } from './nearest-theme.ts';

/**
 * A seed theme's terms as a guide vector: equal weight on each term the vocabulary knows
 * (unknown terms are ignored, so a guide may come out empty and then gathers nothing).
 */
export function guideVector(terms: readonly string[], vocabulary: readonly string[]): SparseVector {
  const index = new Map(vocabulary.map((term, i) => [term, i]));
  const known = [...new Set(terms.map((t) => index.get(t)).filter((i): i is number => i !== undefined))];
  return new Map(known.map((i) => [i, 1 / Math.sqrt(known.length)]));
}

export interface Gathered {
  /** Guide index per case, or -1. */
  assignment: Int32Array;
  /** The guide vectors, dense (guides × dims): each counts as one more case of its theme. */
  terms: Float64Array;
}

/**
 * Cases whose cosine with a guide reaches `threshold` join the most similar guide; only the
 * first `gathering` guides gather (the rest are themes the meeting corrected, which hold
 * the cases it fixed to them). `guides` are rows over the cases' dimensions, prepared as
 * the cases were (smoothed alike, so that a category meets the cases' paraphrases).
 */
export function gatherGuided(m: Csr, guides: Csr, threshold: number, gathering = guides.rows): Gathered {
  const terms = new Float64Array(guides.rows * m.dims);
  for (let g = 0; g < guides.rows; g++) {
    for (let p = guides.indptr[g] as number; p < (guides.indptr[g + 1] as number); p++) {
      terms[g * m.dims + (guides.indices[p] as number)] = guides.values[p] as number;
    }
  }
  const assignment = new Int32Array(m.rows).fill(-1);
  for (let r = 0; r < m.rows; r++) {
    let bestSim = threshold;
    for (let g = 0; g < gathering; g++) {
      const s = rowDotDense(m, r, terms, g);
      if (s > bestSim || (s === bestSim && assignment[r] === -1)) [assignment[r], bestSim] = [g, s];
    }
  }
  return { assignment, terms };
}

/**
 * Where each theme's cases go: to itself, or, for a found theme whose centre is within
 * `threshold` cosine of a guide's, to that guide, so a seed theme is never found twice.
 */
export function foldIntoGuides(sums: ThemeSums, guides: number, dims: number, threshold: number): Int32Array {
  const k = sums.themes;
  const target = Int32Array.from({ length: k }, (_, t) => t);
  for (let t = guides; t < k; t++) {
    let best = -1;
    let bestSim = threshold;
    for (let g = 0; g < guides; g++) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += (sums.sums[d * k + t] as number) * (sums.sums[d * k + g] as number);
      const norm = Math.sqrt((sums.squaredNorms[t] as number) * (sums.squaredNorms[g] as number));
      const cosine = norm > 0 ? s / norm : 0;
      if (cosine > bestSim || (best < 0 && cosine === bestSim)) [best, bestSim] = [g, cosine];
    }
    if (best >= 0) target[t] = best;
  }
  return target;
}
