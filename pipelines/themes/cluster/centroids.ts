import type { Csr } from './matrix.ts';

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
