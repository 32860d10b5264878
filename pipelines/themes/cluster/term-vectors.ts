import type { Csr } from './matrix.ts';
import { truncatedSvd } from './truncated-svd.ts';

export interface SmoothingSettings {
  /** The most frequent terms (by cases) that get a vector: co-occurrence counts are V × V. */
  terms: number;
  /** Dimensions of the term vectors (truncated SVD of the PPMI matrix). */
  rank: number;
  /** Share of a case's length given to its smoothed part (the rest stays its own terms). */
  share: number;
}

/**
 * 1,500 terms, 50 dimensions, a fifth of the length: in `npm run eval` NMI casenotes_dev
 * 0.499 → 0.526, medweb 0.907 → 0.943, hard generator 0.450 → 0.605; 100 dimensions cost
 * twice the time for no more, 0.4 of the length cost medweb (docs/themes-on-real-notes.md).
 */
export const SMOOTHING: SmoothingSettings = { terms: 1_500, rank: 30, share: 0.2 };

export interface TermVectors {
  /** Column (term index) of each vector. */
  columns: Int32Array;
  /** Unit vectors, row-major (columns.length × rank). */
  vectors: Float64Array;
  rank: number;
}

/**
 * Term vectors learned from the council's own cases: terms that occur in the same cases
 * get close vectors (positive pointwise mutual information of case co-occurrence, reduced
 * by truncated SVD), so that 泊まれる所 and 預け先 meet although no case holds both.
 */
export function ppmiTermVectors(m: Csr, settings: SmoothingSettings, rand: () => number): TermVectors {
  const df = new Int32Array(m.dims);
  for (const t of m.indices) df[t] = (df[t] as number) + 1;
  const columns = Int32Array.from(
    Array.from({ length: m.dims }, (_, t) => t)
      .filter((t) => (df[t] as number) >= 2)
      .sort((a, b) => (df[b] as number) - (df[a] as number) || a - b)
      .slice(0, settings.terms)
      .sort((a, b) => a - b),
  );
  const v = columns.length;
  const slot = new Int32Array(m.dims).fill(-1);
  columns.forEach((t, i) => (slot[t] = i));
  const counts = new Float32Array(v * v);
  const kept: number[] = [];
  for (let r = 0; r < m.rows; r++) {
    kept.length = 0;
    for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) {
      const s = slot[m.indices[p] as number] as number;
      if (s >= 0) kept.push(s);
    }
    for (let i = 0; i < kept.length; i++) {
      for (let j = i + 1; j < kept.length; j++) {
        const a = kept[i] as number;
        const b = kept[j] as number;
        counts[a * v + b] = (counts[a * v + b] as number) + 1;
        counts[b * v + a] = (counts[b * v + a] as number) + 1;
      }
    }
  }
  const ppmi = positivePmi(counts, v);
  const { rows, rank } = truncatedSvd(ppmi, settings.rank, rand);
  return { columns, vectors: rows, rank };
}

function positivePmi(counts: Float32Array, v: number): Csr {
  const margin = new Float64Array(v);
  let total = 0;
  for (let a = 0; a < v; a++) {
    let s = 0;
    for (let b = 0; b < v; b++) s += counts[a * v + b] as number;
    margin[a] = s;
    total += s;
  }
  const indptr = new Int32Array(v + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let a = 0; a < v; a++) {
    for (let b = 0; b < v; b++) {
      const c = counts[a * v + b] as number;
      if (c === 0) continue;
      const pmi = Math.log((c * total) / ((margin[a] as number) * (margin[b] as number)));
      if (pmi <= 0) continue;
      indices.push(b);
      values.push(pmi);
    }
    indptr[a + 1] = indices.length;
  }
  return { rows: v, dims: v, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/**
 * Each case with `rank` more columns: the unit mean of its terms' vectors (weighted by the
 * case's own weights), scaled to `share` of its squared length, its own terms to the rest.
 */
export function smoothCases(m: Csr, tv: TermVectors, share: number): Csr {
  const slot = new Int32Array(m.dims).fill(-1);
  tv.columns.forEach((t, i) => (slot[t] = i));
  const own = Math.sqrt(1 - share);
  const added = Math.sqrt(share);
  const indptr = new Int32Array(m.rows + 1);
  const indices = new Int32Array(m.indices.length + m.rows * tv.rank);
  const values = new Float64Array(indices.length);
  const embedding = new Float64Array(tv.rank);
  let at = 0;
  for (let r = 0; r < m.rows; r++) {
    embedding.fill(0);
    let any = false;
    for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) {
      const s = slot[m.indices[p] as number] as number;
      if (s < 0) continue;
      any = true;
      const w = m.values[p] as number;
      for (let d = 0; d < tv.rank; d++) embedding[d] = (embedding[d] as number) + w * (tv.vectors[s * tv.rank + d] as number);
    }
    let norm = 0;
    for (const e of embedding) norm += e * e;
    const scale = any && norm > 0 ? own : 1;
    for (let p = m.indptr[r] as number, end = m.indptr[r + 1] as number; p < end; p++) {
      indices[at] = m.indices[p] as number;
      values[at++] = (m.values[p] as number) * scale;
    }
    if (any && norm > 0) {
      const unit = added / Math.sqrt(norm);
      for (let d = 0; d < tv.rank; d++) {
        indices[at] = m.dims + d;
        values[at++] = (embedding[d] as number) * unit;
      }
    }
    indptr[r + 1] = at;
  }
  // Views, not copies: at a million cases a copy of the smoothed matrix was another 500 MB at once.
  return { rows: m.rows, dims: m.dims + tv.rank, indptr, indices: indices.subarray(0, at), values: values.subarray(0, at) };
}
