import type { Csr } from './matrix.ts';
import { seededRandom } from './random.ts';
import { ppmiTermVectors, SMOOTHING, type TermVectors } from './term-vectors.ts';
import type { CaseVectors } from '../vectors.ts';

/**
 * Term vectors keyed by the term's text, as they are cached and handed to a worker thread:
 * a term's column changes from run to run with the vocabulary, its text does not.
 */
export interface KeyedTermVectors {
  terms: string[];
  /** Unit vectors, row-major (terms.length × rank). */
  vectors: Float64Array;
  rank: number;
}

/**
 * The term vectors draw from a stream of their own, seeded from the run's seed: the
 * clustering then draws the same numbers whether they were learned or read from the cache.
 */
const TERM_VECTOR_STREAM = 0x7e5d_c0de;

export function learnTermVectors(m: Csr, seed: number): TermVectors {
  return ppmiTermVectors(m, SMOOTHING, seededRandom((seed ^ TERM_VECTOR_STREAM) >>> 0));
}

export function keyTermVectors(tv: TermVectors, vocabulary: readonly string[]): KeyedTermVectors {
  return { terms: Array.from(tv.columns, (t) => vocabulary[t] as string), vectors: tv.vectors, rank: tv.rank };
}

/** Keyed vectors over this vocabulary's columns; a term no longer in it drops out. */
export function columnTermVectors(keyed: KeyedTermVectors, vocabulary: readonly string[]): TermVectors {
  const columnOf = new Map(vocabulary.map((term, t) => [term, t]));
  const rows = keyed.terms
    .map((term, i) => ({ column: columnOf.get(term) ?? -1, i }))
    .filter((r) => r.column >= 0)
    .sort((a, b) => a.column - b.column);
  const vectors = new Float64Array(rows.length * keyed.rank);
  rows.forEach((r, j) => vectors.set(keyed.vectors.subarray(r.i * keyed.rank, (r.i + 1) * keyed.rank), j * keyed.rank));
  return { columns: Int32Array.from(rows, (r) => r.column), vectors, rank: keyed.rank };
}

export interface TermVectorSource {
  /** The corpus's term vectors over its vocabulary's columns, made at the first call. */
  get: () => TermVectors;
  /** The vectors learned in this run, to be cached; null when none were (given, or never asked for). */
  learned: () => KeyedTermVectors | null;
}

/**
 * Where a run's term vectors come from: the cache when it was given, otherwise learned
 * from all the corpus's cases (also when only an incremental run's left-over cases are
 * clustered), and only when a method asks for them.
 */
export function termVectorSource(data: CaseVectors, cached: KeyedTermVectors | null, seed: number): TermVectorSource {
  let made: TermVectors | null = null;
  let learned: KeyedTermVectors | null = null;
  return {
    get: () => {
      if (made === null) {
        if (cached !== null) made = columnTermVectors(cached, data.vocabulary);
        else {
          made = learnTermVectors(unsortedMatrix(data), seed);
          learned = keyTermVectors(made, data.vocabulary);
        }
      }
      return made;
    },
    learned: () => learned,
  };
}

/**
 * The cases as a matrix whose rows keep their terms in the order met: co-occurrence counts
 * do not depend on it, and sorting a hundred thousand rows (caseMatrix) costs as much as
 * learning the vectors.
 */
function unsortedMatrix(data: CaseVectors): Csr {
  const indptr = new Int32Array(data.vectors.length + 1);
  data.vectors.forEach((v, r) => (indptr[r + 1] = (indptr[r] as number) + v.size));
  const indices = new Int32Array(indptr[data.vectors.length] as number);
  const values = new Float64Array(indices.length);
  let at = 0;
  for (const v of data.vectors) {
    for (const [t, w] of v) {
      indices[at] = t;
      values[at++] = w;
    }
  }
  return { rows: data.vectors.length, dims: data.vocabulary.length, indptr, indices, values };
}
