import type { Csr } from './matrix.ts';

/**
 * Cached rows of at most this many entries in all, per matrix and thread (8 bytes each):
 * the stability runs share one sample of 1,000 cases, all of it then fits.
 */
const CACHE_ENTRIES = 4_000_000;
/** Columns from the last one down that at least this share of rows hold are read row by row (the smoothing's). */
const DENSE_SHARE = 0.5;
const ROWS_AT_ONCE = 4;

interface RowDotCache {
  /** Each row's terms stored in increasing order, once each; else every dot is summed plainly. */
  inOrder: boolean;
  /** Row → its dot with every row, in row order. */
  rows: Map<number, Float64Array>;
  /** Columns from here on are dense; those before are reached through their postings. */
  tail: number;
  /** Each row's weights of the columns from `tail` on, row-major, zero where it lacks one. */
  dense: Float64Array;
  /** The weights of row `of`'s dense columns while its dots are summed. */
  of: Float64Array;
  /** Per column before `tail`, the rows holding it (in row order) and their weights. */
  colptr: Int32Array;
  postingRows: Int32Array;
  postingValues: Float64Array;
}

const caches = new WeakMap<Csr, RowDotCache>();

/**
 * The dot of every row with row `of`, each summed over the row's own terms in their order
 * exactly as `rowDotDense` sums it against a centre that is a copy of row `of` (a term
 * `of` lacks adds a zero, which changes no sum, so it is skipped): k-means++ seeding and
 * the first Lloyd step ask the same few rows of one sample again in each of the stability
 * runs, so each is computed once.
 */
export function rowDots(m: Csr, of: number): Float64Array {
  let cache = caches.get(m);
  if (!cache) {
    cache = prepare(m);
    caches.set(m, cache);
  }
  const known = cache.rows.get(of);
  if (known) return known;
  const out = cache.inOrder ? dotsWithRow(m, of, cache) : plainDots(m, of, cache.of);
  if ((cache.rows.size + 1) * m.rows <= CACHE_ENTRIES) cache.rows.set(of, out);
  return out;
}

/**
 * The sparse terms first, summed into each row through the postings of the terms `of`
 * holds, in term order; then each row's dense terms, which come after them in its order,
 * four rows at a time so that their sums do not wait on each other.
 */
function dotsWithRow(m: Csr, of: number, c: RowDotCache): Float64Array {
  const { indptr, indices, values } = m;
  const { tail, colptr, postingRows, postingValues, dense } = c;
  const width = m.dims - tail;
  const own = c.of.fill(0);
  const out = new Float64Array(m.rows);
  for (let p = indptr[of] as number, last = indptr[of + 1] as number; p < last; p++) {
    const t = indices[p] as number;
    const w = values[p] as number;
    if (t >= tail) {
      own[t - tail] = w;
      continue;
    }
    for (let q = colptr[t] as number, end = colptr[t + 1] as number; q < end; q++) {
      const r = postingRows[q] as number;
      out[r] = (out[r] as number) + (postingValues[q] as number) * w;
    }
  }
  if (width === 0) return out;
  let r = 0;
  for (; r + ROWS_AT_ONCE <= m.rows; r += ROWS_AT_ONCE) {
    const at = r * width;
    let s0 = out[r] as number;
    let s1 = out[r + 1] as number;
    let s2 = out[r + 2] as number;
    let s3 = out[r + 3] as number;
    for (let d = 0; d < width; d++) {
      const w = own[d] as number;
      s0 += (dense[at + d] as number) * w;
      s1 += (dense[at + width + d] as number) * w;
      s2 += (dense[at + 2 * width + d] as number) * w;
      s3 += (dense[at + 3 * width + d] as number) * w;
    }
    out[r] = s0;
    out[r + 1] = s1;
    out[r + 2] = s2;
    out[r + 3] = s3;
  }
  for (; r < m.rows; r++) {
    let s = out[r] as number;
    for (let d = 0, at = r * width; d < width; d++) s += (dense[at + d] as number) * (own[d] as number);
    out[r] = s;
  }
  return out;
}

function plainDots(m: Csr, of: number, scratch: Float64Array): Float64Array {
  const { indptr, indices, values } = m;
  for (let p = indptr[of] as number; p < (indptr[of + 1] as number); p++) scratch[indices[p] as number] = values[p] as number;
  const out = new Float64Array(m.rows);
  for (let r = 0; r < m.rows; r++) {
    let s = 0;
    for (let p = indptr[r] as number, end = indptr[r + 1] as number; p < end; p++) s += (values[p] as number) * (scratch[indices[p] as number] as number);
    out[r] = s;
  }
  for (let p = indptr[of] as number; p < (indptr[of + 1] as number); p++) scratch[indices[p] as number] = 0;
  return out;
}

function prepare(m: Csr): RowDotCache {
  const { indptr, indices, values } = m;
  const df = new Int32Array(m.dims);
  for (const t of indices) df[t] = (df[t] as number) + 1;
  let tail = m.dims;
  while (tail > 0 && (df[tail - 1] as number) >= DENSE_SHARE * m.rows) tail--;
  // The postings keep a row's terms in order only when they are stored in order, once each.
  const inOrder = termsInOrder(m);
  if (!inOrder) tail = m.dims;
  const colptr = new Int32Array(tail + 1);
  for (let t = 0; t < tail; t++) colptr[t + 1] = (colptr[t] as number) + (df[t] as number);
  const filled = colptr.slice(0, tail);
  const postingRows = new Int32Array(colptr[tail] as number);
  const postingValues = new Float64Array(postingRows.length);
  const width = m.dims - tail;
  const dense = new Float64Array(m.rows * width);
  for (let r = 0; r < m.rows; r++) {
    let p = indptr[r] as number;
    const end = indptr[r + 1] as number;
    for (; p < end && (indices[p] as number) < tail; p++) {
      const at = filled[indices[p] as number] as number;
      filled[indices[p] as number] = at + 1;
      postingRows[at] = r;
      postingValues[at] = values[p] as number;
    }
    for (; p < end; p++) dense[r * width + (indices[p] as number) - tail] = values[p] as number;
  }
  return { rows: new Map(), inOrder, tail, dense, of: new Float64Array(inOrder ? width : m.dims), colptr, postingRows, postingValues };
}

function termsInOrder(m: Csr): boolean {
  for (let r = 0; r < m.rows; r++) {
    for (let p = (m.indptr[r] as number) + 1, end = m.indptr[r + 1] as number; p < end; p++) if ((m.indices[p] as number) <= (m.indices[p - 1] as number)) return false;
  }
  return true;
}
