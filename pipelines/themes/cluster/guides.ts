import type { SparseVector } from '../vectors.ts';
import { normaliseRows } from './centroids.ts';
import { rowDotDense, toCsr, type Csr } from './matrix.ts';

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
  /** One unit centre per guide (guides × dims): its cases' mean direction pulled toward its terms. */
  centres: Float64Array;
}

/**
 * Cases whose cosine with a guide's terms reaches `threshold` join the best such guide.
 * The guide's centre is then the mean of those cases plus the guide vector itself, so a
 * guide no case matches still keeps a centre on its terms.
 */
export function gatherGuided(m: Csr, guides: readonly SparseVector[], threshold: number): Gathered {
  const g = guides.length;
  const guideRows = toCsr(guides, m.dims);
  const dense = new Float64Array(g * m.dims);
  for (let j = 0; j < g; j++) {
    for (let p = guideRows.indptr[j] as number; p < (guideRows.indptr[j + 1] as number); p++) {
      dense[j * m.dims + (guideRows.indices[p] as number)] = guideRows.values[p] as number;
    }
  }
  const assignment = new Int32Array(m.rows).fill(-1);
  const centres = dense.slice();
  for (let r = 0; r < m.rows; r++) {
    let best = -1;
    let bestSim = threshold;
    for (let j = 0; j < g; j++) {
      const s = rowDotDense(m, r, dense, j);
      if (s >= bestSim && (best < 0 || s > bestSim)) [best, bestSim] = [j, s];
    }
    if (best < 0) continue;
    assignment[r] = best;
    const offset = best * m.dims;
    for (let p = m.indptr[r] as number; p < (m.indptr[r + 1] as number); p++) {
      const d = offset + (m.indices[p] as number);
      centres[d] = (centres[d] as number) + (m.values[p] as number);
    }
  }
  normaliseRows(centres, m.dims);
  return { assignment, centres };
}
