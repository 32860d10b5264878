import type { Database } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { MAX_DOCUMENT_SHARE } from '../text/term-stats.ts';
import { normalise, type CaseVectors } from './vectors.ts';

const CASE_TERM_WEIGHTS = sqlFile(import.meta.url, 'sql/case-term-weights.sql');
const PREDICATE_TERMS = sqlFile(import.meta.url, 'sql/predicate-terms.sql');

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

/** The current cases as L2-normalised, field-weighted TF-IDF vectors, in record-id order. */
export async function loadCaseVectors(db: Database, weights: FieldWeights = DEFAULT_FIELD_WEIGHTS): Promise<CaseVectors> {
  const reader = await db.connection.runAndReadAll(CASE_TERM_WEIGHTS, [
    weights.consultation,
    weights.problem,
    weights.support,
    weights.regionalNote,
    MAX_DOCUMENT_SHARE,
    MIN_DOCUMENTS,
  ]);
  const ids = (await db.connection.runAndReadAll('SELECT record_id FROM current_cases ORDER BY record_id')).getRowObjectsJson().map((r) => String(r.record_id));
  const index = new Map(ids.map((id, i) => [id, i]));
  const vocabulary: string[] = [];
  const termIndex = new Map<string, number>();
  const raw = ids.map(() => new Map<number, number>());
  for (const row of reader.getRowObjectsJson()) {
    const term = String(row.term);
    let t = termIndex.get(term);
    if (t === undefined) {
      t = vocabulary.length;
      vocabulary.push(term);
      termIndex.set(term, t);
    }
    raw[index.get(String(row.record_id)) as number]?.set(t, Number(row.weight));
  }
  const predicates = new Set<number>();
  for (const row of (await db.connection.runAndReadAll(PREDICATE_TERMS)).getRowObjectsJson()) {
    const t = termIndex.get(String(row.term));
    if (t !== undefined) predicates.add(t);
  }
  return { ids, vectors: raw.map(normalise), vocabulary, predicates };
}
