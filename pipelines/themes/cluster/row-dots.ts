import type { Csr } from './matrix.ts';

/**
 * Cached rows of at most this many entries in all, per matrix and thread (8 bytes each):
 * the stability runs share one sample of 1,000 cases, all of it then fits.
 */
const CACHE_ENTRIES = 4_000_000;

interface RowDotCache {
  /** Row → its dot with every row, in row order. */
  rows: Map<number, Float64Array>;
  /** `dims` zeros but while one row is spread over it. */
  scratch: Float64Array;
}

const caches = new WeakMap<Csr, RowDotCache>();

/**
 * The dot of every row with row `of`, each summed over the row's own terms in their order
 * exactly as `rowDotDense` sums it against a centre that is a copy of row `of`: k-means++
 * seeding and the first Lloyd step ask the same few rows of one sample again in each of
 * the stability runs, so each is computed once.
 */
export function rowDots(m: Csr, of: number): Float64Array {
  let cache = caches.get(m);
  if (!cache) {
    cache = { rows: new Map(), scratch: new Float64Array(m.dims) };
    caches.set(m, cache);
  }
  const known = cache.rows.get(of);
  if (known) return known;
  const out = dotsWithRow(m, of, cache.scratch);
  if ((cache.rows.size + 1) * m.rows <= CACHE_ENTRIES) cache.rows.set(of, out);
  return out;
}

function dotsWithRow(m: Csr, of: number, scratch: Float64Array): Float64Array {
  const { indptr, indices, values } = m;
  const first = indptr[of] as number;
  const last = indptr[of + 1] as number;
  for (let p = first; p < last; p++) scratch[indices[p] as number] = values[p] as number;
  const out = new Float64Array(m.rows);
  for (let r = 0; r < m.rows; r++) {
    let s = 0;
    for (let p = indptr[r] as number, end = indptr[r + 1] as number; p < end; p++) s += (values[p] as number) * (scratch[indices[p] as number] as number);
    out[r] = s;
  }
  for (let p = first; p < last; p++) scratch[indices[p] as number] = 0;
  return out;
}
