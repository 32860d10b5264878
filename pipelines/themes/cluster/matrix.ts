import type { CaseVectors, SparseVector } from '../vectors.ts';

/**
 * Case vectors as one compressed sparse row matrix: a hundred thousand Maps are slow to
 * walk and heavy to hold, typed arrays are neither.
 */
export interface Csr {
  rows: number;
  dims: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

export function toCsr(vectors: readonly SparseVector[], dims: number): Csr {
  let nnz = 0;
  let maxIndex = dims - 1;
  for (const v of vectors) {
    nnz += v.size;
    for (const i of v.keys()) if (i > maxIndex) maxIndex = i;
  }
  const indptr = new Int32Array(vectors.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let at = 0;
  vectors.forEach((v, r) => {
    for (const [i, w] of [...v].sort((a, b) => a[0] - b[0])) {
      indices[at] = i;
      values[at++] = w;
    }
    indptr[r + 1] = at;
  });
  return { rows: vectors.length, dims: maxIndex + 1, indptr, indices, values };
}

export function caseMatrix(data: CaseVectors): Csr {
  return toCsr(data.vectors, data.vocabulary.length);
}

/** The given rows, in the given order. */
export function selectRows(m: Csr, rows: readonly number[]): Csr {
  let nnz = 0;
  for (const r of rows) nnz += (m.indptr[r + 1] as number) - (m.indptr[r] as number);
  const indptr = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let at = 0;
  rows.forEach((r, k) => {
    const from = m.indptr[r] as number;
    const to = m.indptr[r + 1] as number;
    indices.set(m.indices.subarray(from, to), at);
    values.set(m.values.subarray(from, to), at);
    at += to - from;
    indptr[k + 1] = at;
  });
  return { rows: rows.length, dims: m.dims, indptr, indices, values };
}

/** The rows of `a`, then those of `b`, over the wider of their dimensions. */
export function stackRows(a: Csr, b: Csr): Csr {
  const indptr = new Int32Array(a.rows + b.rows + 1);
  indptr.set(a.indptr);
  const base = a.indptr[a.rows] as number;
  for (let r = 1; r <= b.rows; r++) indptr[a.rows + r] = base + (b.indptr[r] as number);
  const indices = new Int32Array(base + b.indices.length);
  indices.set(a.indices);
  indices.set(b.indices, base);
  const values = new Float64Array(indices.length);
  values.set(a.values);
  values.set(b.values, base);
  return { rows: a.rows + b.rows, dims: Math.max(a.dims, b.dims), indptr, indices, values };
}

/** Row `r` dotted with row `c` of a row-major dense matrix of width `m.dims`. */
export function rowDotDense(m: Csr, r: number, dense: Float64Array, c: number): number {
  const offset = c * m.dims;
  let s = 0;
  for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) {
    s += (m.values[p] as number) * (dense[offset + (m.indices[p] as number)] as number);
  }
  return s;
}

export function isEmptyRow(m: Csr, r: number): boolean {
  return m.indptr[r] === m.indptr[r + 1];
}

/** Columns of a term-major matrix summed at once, each in its own register: wide, then narrow for what is left. */
const WIDE = 8;
const NARROW = 4;

/**
 * Row `r` dotted with each of the `k` columns of a term-major dense matrix (dims × k),
 * into `out` from `at`. Each dot is summed over the row's terms in their order, as one
 * loop over the terms adding to every column would; a block of columns at a time keeps
 * the sums in registers and lets them proceed side by side.
 */
export function rowDotColumns(m: Csr, r: number, byTerm: Float64Array, k: number, out: Float64Array, at: number): void {
  let g = 0;
  for (; g + WIDE <= k; g += WIDE) wideBlock(m, r, byTerm, k, g, out, at);
  for (; g + NARROW <= k; g += NARROW) narrowBlock(m, r, byTerm, k, g, out, at);
  for (; g < k; g++) out[at + g] = rowDotColumn(m, r, byTerm, k, g);
}

function wideBlock(m: Csr, r: number, byTerm: Float64Array, k: number, g: number, out: Float64Array, at: number): void {
  const { indices, values } = m;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) {
    const w = values[p] as number;
    const o = (indices[p] as number) * k + g;
    s0 += w * (byTerm[o] as number);
    s1 += w * (byTerm[o + 1] as number);
    s2 += w * (byTerm[o + 2] as number);
    s3 += w * (byTerm[o + 3] as number);
    s4 += w * (byTerm[o + 4] as number);
    s5 += w * (byTerm[o + 5] as number);
    s6 += w * (byTerm[o + 6] as number);
    s7 += w * (byTerm[o + 7] as number);
  }
  out[at + g] = s0;
  out[at + g + 1] = s1;
  out[at + g + 2] = s2;
  out[at + g + 3] = s3;
  out[at + g + 4] = s4;
  out[at + g + 5] = s5;
  out[at + g + 6] = s6;
  out[at + g + 7] = s7;
}

function narrowBlock(m: Csr, r: number, byTerm: Float64Array, k: number, g: number, out: Float64Array, at: number): void {
  const { indices, values } = m;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) {
    const w = values[p] as number;
    const o = (indices[p] as number) * k + g;
    s0 += w * (byTerm[o] as number);
    s1 += w * (byTerm[o + 1] as number);
    s2 += w * (byTerm[o + 2] as number);
    s3 += w * (byTerm[o + 3] as number);
  }
  out[at + g] = s0;
  out[at + g + 1] = s1;
  out[at + g + 2] = s2;
  out[at + g + 3] = s3;
}

/** Row `r` dotted with column `g` of a term-major dense matrix (dims × k), summed as `rowDotColumns` sums it. */
export function rowDotColumn(m: Csr, r: number, byTerm: Float64Array, k: number, g: number): number {
  let s = 0;
  for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) s += (m.values[p] as number) * (byTerm[(m.indices[p] as number) * k + g] as number);
  return s;
}

/** The matrix transposed, each new row's entries in the order of the old rows. */
export function transposeCsr(m: Csr): Csr {
  const indptr = new Int32Array(m.dims + 1);
  for (const t of m.indices) indptr[t + 1] = (indptr[t + 1] as number) + 1;
  for (let t = 0; t < m.dims; t++) indptr[t + 1] = (indptr[t + 1] as number) + (indptr[t] as number);
  const filled = indptr.slice(0, m.dims);
  const indices = new Int32Array(m.indices.length);
  const values = new Float64Array(m.indices.length);
  for (let r = 0; r < m.rows; r++) {
    for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) {
      const at = filled[m.indices[p] as number] as number;
      filled[m.indices[p] as number] = at + 1;
      indices[at] = r;
      values[at] = m.values[p] as number;
    }
  }
  return { rows: m.dims, dims: m.rows, indptr, indices, values };
}

/** Adds each assigned case (assignment ≥ 0) to its theme's sum in `byTerm`, term-major (dims × themes), case by case. */
export function addSumsByTerm(m: Csr, assignment: ArrayLike<number>, themes: number, byTerm: Float64Array): void {
  for (let r = 0; r < m.rows; r++) {
    const t = assignment[r] as number;
    if (t < 0) continue;
    for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) {
      const at = (m.indices[p] as number) * themes + t;
      byTerm[at] = (byTerm[at] as number) + (m.values[p] as number);
    }
  }
}
