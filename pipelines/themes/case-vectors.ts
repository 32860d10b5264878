import type { ReadScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { MAX_DOCUMENT_SHARE } from '../text/term-stats.ts';
import { rowVectors, type SparseRows } from './row-vector.ts';
import type { CaseVectors } from './vectors.ts';

const CASE_TERM_WEIGHTS = sqlFile(import.meta.url, 'sql/case-term-weights.sql');
const PREDICATE_TERMS = sqlFile(import.meta.url, 'sql/predicate-terms.sql');
const CASE_ROWS = sqlFile(import.meta.url, 'sql/case-rows.sql');

/** How much a term found in each field counts (see README: themes). */
export interface FieldWeights {
  consultation: number;
  problem: number;
  support: number;
  regionalNote: number;
}

/**
 * 課題 and 地域課題メモ over 相談内容 over 対応・支援内容, mildly: in `npm run eval` (Louvain,
 * 2,000 generated cases × 3 corpora × 3 seeds) equal weights gave NMI 0.980, these 0.979,
 * 1/2/0.5/2 0.974, 1/4/0.25/4 0.951, and 課題 + メモ alone 0.905.
 */
export const DEFAULT_FIELD_WEIGHTS: FieldWeights = { consultation: 1, problem: 1.25, support: 0.75, regionalNote: 1.25 };

/** A term must appear in at least this many cases to help group them. */
export const MIN_DOCUMENTS = 2;

/**
 * The current cases' weighted terms as a sparse matrix in coordinate form: typed arrays
 * that a worker thread receives without copying.
 */
export interface CaseWeights {
  /** Record ids, in record-id order: row i of the matrix. */
  ids: string[];
  /** Term of each column. */
  vocabulary: string[];
  /** Columns of terms that are only verbs or adjectives. */
  predicates: number[];
  row: Int32Array;
  column: Int32Array;
  weight: Float64Array;
  /** 1 for each case whose 地域課題メモ is written. */
  noted: Uint8Array;
}

/**
 * Reads the current cases' field-weighted TF-IDF weights, streamed a chunk at a time into
 * typed arrays: a million cases hold some ten million entries, too many to read as a
 * record id and a term each.
 */
export async function readCaseWeights(scope: ReadScope, weights: FieldWeights = DEFAULT_FIELD_WEIGHTS): Promise<CaseWeights> {
  const { ids, noted } = await readCaseRows(scope);
  const entries = await readEntries(scope, [weights.consultation, weights.problem, weights.support, weights.regionalNote, MAX_DOCUMENT_SHARE, MIN_DOCUMENTS]);
  const columnOf = new Map(entries.vocabulary.map((term, t) => [term, t]));
  const predicates = (await scope.rows(PREDICATE_TERMS)).flatMap((r) => {
    const t = columnOf.get(String(r.term));
    return t === undefined ? [] : [t];
  });
  return { ids, predicates, noted, ...entries };
}

/** The record ids of the matrix's rows, and which cases have their 地域課題メモ written. */
async function readCaseRows(scope: ReadScope): Promise<Pick<CaseWeights, 'ids' | 'noted'>> {
  const ids: string[] = [];
  const notedRows: number[] = [];
  await scope.eachChunk(CASE_ROWS, [], (chunk) => {
    const recordIds = chunk.getColumnVector(0);
    const noted = chunk.getColumnVector(1);
    for (let i = 0; i < chunk.rowCount; i++) {
      if (noted.getItem(i) === true) notedRows.push(ids.length);
      ids.push(String(recordIds.getItem(i)));
    }
  });
  const noted = new Uint8Array(ids.length);
  for (const i of notedRows) noted[i] = 1;
  return { ids, noted };
}

/** The matrix's entries in case-term-weights.sql's order, and the term of each column. */
async function readEntries(scope: ReadScope, params: number[]): Promise<Pick<CaseWeights, 'vocabulary' | 'row' | 'column' | 'weight'>> {
  const vocabulary: string[] = [];
  let row = new Int32Array(0);
  let column = new Int32Array(0);
  let weight = new Float64Array(0);
  let at = 0;
  await scope.eachChunk(CASE_TERM_WEIGHTS, params, (chunk) => {
    const rows = chunk.getColumnVector(0);
    const columns = chunk.getColumnVector(1);
    const values = chunk.getColumnVector(2);
    const firstTerms = chunk.getColumnVector(3);
    if (at === 0) {
      const entries = Number(chunk.getColumnVector(4).getItem(0));
      row = new Int32Array(entries);
      column = new Int32Array(entries);
      weight = new Float64Array(entries);
    }
    for (let i = 0; i < chunk.rowCount; i++, at++) {
      row[at] = rows.getItem(i) as number;
      column[at] = columns.getItem(i) as number;
      weight[at] = values.getItem(i) as number;
      const term = firstTerms.getItem(i);
      if (term !== null) vocabulary.push(String(term));
    }
  });
  return { vocabulary, row, column, weight };
}

/** Each case as an L2-normalised sparse vector over the vocabulary, its terms in the order read. */
export function toCaseVectors(w: CaseWeights): CaseVectors {
  return { ids: w.ids, vectors: rowVectors(normalisedRows(w)), vocabulary: w.vocabulary, predicates: new Set(w.predicates), noted: w.noted };
}

/**
 * The entries gathered by row, each row keeping the order they came in and divided by its
 * norm, summed in that order as `normalise` sums a Map: the same vectors to the last bit.
 * A row whose norm is 0 is left empty, as `normalise` leaves it.
 */
function normalisedRows(w: CaseWeights): SparseRows {
  const rows = w.ids.length;
  const indptr = new Int32Array(rows + 1);
  for (const r of w.row) indptr[r + 1] = (indptr[r + 1] as number) + 1;
  for (let r = 0; r < rows; r++) indptr[r + 1] = (indptr[r + 1] as number) + (indptr[r] as number);
  const filled = indptr.slice(0, rows);
  const indices = new Int32Array(w.row.length);
  const values = new Float64Array(w.row.length);
  for (let i = 0; i < w.row.length; i++) {
    const at = filled[w.row[i] as number] as number;
    filled[w.row[i] as number] = at + 1;
    indices[at] = w.column[i] as number;
    values[at] = w.weight[i] as number;
  }
  let kept = 0;
  for (let r = 0; r < rows; r++) {
    const from = indptr[r] as number;
    const to = indptr[r + 1] as number;
    let norm = 0;
    for (let p = from; p < to; p++) norm += (values[p] as number) * (values[p] as number);
    norm = Math.sqrt(norm);
    indptr[r] = kept;
    if (norm === 0) continue;
    for (let p = from; p < to; p++, kept++) {
      indices[kept] = indices[p] as number;
      values[kept] = (values[p] as number) / norm;
    }
  }
  indptr[rows] = kept;
  return { indptr, indices: indices.subarray(0, kept), values: values.subarray(0, kept) };
}

/** The current cases as L2-normalised, field-weighted TF-IDF vectors, in record-id order. */
export async function loadCaseVectors(scope: ReadScope, weights: FieldWeights = DEFAULT_FIELD_WEIGHTS): Promise<CaseVectors> {
  return toCaseVectors(await readCaseWeights(scope, weights));
}

/** The rows of the weight matrix that belong to `ids`, renumbered. */
export function weightsOf(w: CaseWeights, ids: ReadonlySet<string>): CaseWeights {
  const rows = w.ids.flatMap((id, i) => (ids.has(id) ? [i] : []));
  const newRow = new Map(rows.map((r, i) => [r, i]));
  const keep = [...w.row.keys()].filter((k) => newRow.has(w.row[k] as number));
  return {
    ids: rows.map((r) => w.ids[r] as string),
    vocabulary: w.vocabulary,
    predicates: w.predicates,
    row: Int32Array.from(keep, (k) => newRow.get(w.row[k] as number) as number),
    column: Int32Array.from(keep, (k) => w.column[k] as number),
    weight: Float64Array.from(keep, (k) => w.weight[k] as number),
    noted: Uint8Array.from(rows, (r) => w.noted[r] as number),
  };
}
