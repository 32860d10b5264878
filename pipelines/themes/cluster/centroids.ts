import { addSumsByTerm, type Csr } from './matrix.ts';

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

function normaliseRows(dense: Float64Array, width: number): void {
  for (let offset = 0; offset < dense.length; offset += width) {
    let norm = 0;
    for (let d = offset; d < offset + width; d++) norm += (dense[d] as number) ** 2;
    if (norm === 0) continue;
    const scale = 1 / Math.sqrt(norm);
    for (let d = offset; d < offset + width; d++) dense[d] = (dense[d] as number) * scale;
  }
}

/**
 * The same unit centres term-major (dims × themes), as scoring a sparse case against every
 * centre reads them: each sum and norm is added up in the order `centroids` adds it.
 * `reuse`, when of the size, is overwritten instead of a new matrix made.
 */
export function centroidsByTerm(m: Csr, assignment: ArrayLike<number>, themes: number, reuse?: Float64Array): Float64Array {
  const byTerm = reuse?.length === m.dims * themes ? reuse.fill(0) : new Float64Array(m.dims * themes);
  addSumsByTerm(m, assignment, themes, byTerm);
  const norm = new Float64Array(themes);
  for (let at = 0; at < byTerm.length; at += themes) for (let t = 0; t < themes; t++) norm[t] = (norm[t] as number) + (byTerm[at + t] as number) ** 2;
  const scale = norm.map((n) => (n === 0 ? 1 : 1 / Math.sqrt(n)));
  for (let at = 0; at < byTerm.length; at += themes) for (let t = 0; t < themes; t++) byTerm[at + t] = (byTerm[at + t] as number) * (scale[t] as number);
  return byTerm;
}
