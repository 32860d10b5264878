import type { ReadScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const FREQUENCIES = sql('term-frequencies.sql');
const FREQUENCIES_BY = sql('term-frequencies-by.sql');
const CASE_TFIDF = sql('case-tfidf.sql');
const COOCCURRENCE = sql('term-cooccurrence.sql');
const OCCURRENCES = sql('term-occurrences.sql');
const SPREAD = sql('term-spread.sql');

export const FACETS = ['地区', '障害種別', '年齢層', '月', '四半期', '年度'] as const;
export type Facet = (typeof FACETS)[number];

/** A term in more than this share of all cases is boilerplate, whatever the stop list says. */
export const MAX_DOCUMENT_SHARE = 0.5;

/** How widely a term must be found to be listed: in at least `documents` cases, from at least `agencies` agencies. */
export interface TermFloor {
  documents: number;
  agencies: number;
}

/** Every term found at all. */
export const ANY_TERM: TermFloor = { documents: 1, agencies: 0 };

export interface TermFrequency {
  term: string;
  frequency: number;
  documents: number;
  tfidf: number;
}

export interface FacetFrequency {
  term: string;
  facet: string;
  frequency: number;
  documents: number;
}

export interface CaseTermWeight {
  recordId: string;
  term: string;
  tf: number;
  documents: number;
  tfidf: number;
}

export interface Cooccurrence {
  a: string;
  b: string;
  together: number;
  aDocuments: number;
  bDocuments: number;
  jaccard: number;
}

/** The `top` terms by frequency among those at or above `floor`. */
export async function termFrequencies(scope: ReadScope, top: number, floor: TermFloor = ANY_TERM): Promise<TermFrequency[]> {
  return (await scope.rows(FREQUENCIES, [MAX_DOCUMENT_SHARE, top, floor.documents, floor.agencies])).map((r) => ({
    term: String(r.term),
    frequency: Number(r.frequency),
    documents: Number(r.documents),
    tfidf: Number(r.tfidf),
  }));
}

export async function termFrequenciesBy(scope: ReadScope, facet: Facet, top: number): Promise<FacetFrequency[]> {
  return (await scope.rows(FREQUENCIES_BY, [MAX_DOCUMENT_SHARE, top, facet])).map((r) => ({
    term: String(r.term),
    facet: String(r.facet),
    frequency: Number(r.frequency),
    documents: Number(r.documents),
  }));
}

export async function caseTermWeights(scope: ReadScope): Promise<CaseTermWeight[]> {
  return (await scope.rows(CASE_TFIDF, [MAX_DOCUMENT_SHARE])).map((r) => ({
    recordId: String(r.record_id),
    term: String(r.term),
    tf: Number(r.tf),
    documents: Number(r.documents),
    tfidf: Number(r.tfidf),
  }));
}

export async function termCooccurrence(scope: ReadScope, topTerms: number, pairs: number): Promise<Cooccurrence[]> {
  return (await scope.rows(COOCCURRENCE, [topTerms, MAX_DOCUMENT_SHARE, pairs])).map((r) => ({
    a: String(r.a),
    b: String(r.b),
    together: Number(r.together),
    aDocuments: Number(r.a_documents),
    bDocuments: Number(r.b_documents),
    jaccard: Number(r.jaccard),
  }));
}

/**
 * Which of `words` are terms of the current cases (the others are left out), each with
 * whether it is at or above `floor`.
 */
export async function termsAtFloor(scope: ReadScope, words: readonly string[], floor: TermFloor): Promise<Map<string, boolean>> {
  const wanted = words.filter((w) => w !== '' && !w.includes('\n'));
  if (wanted.length === 0) return new Map();
  return new Map((await scope.rows(SPREAD, [wanted.join('\n'), floor.documents, floor.agencies])).map((r) => [String(r.term), r.shown === true]));
}

export interface KwicLine {
  recordId: string;
  conferenceDate: string;
  field: string;
  left: string;
  keyword: string;
  right: string;
}

/** Keyword in context from the stored, masked text; line breaks shown as spaces; only a theme's cases when `within` names one. */
export async function kwic(scope: ReadScope, term: string, width = 20, limit = 200, within: { runId: string; themeId: string } | null = null): Promise<KwicLine[]> {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return (await scope.rows(OCCURRENCES, [term, limit, within?.runId ?? null, within?.themeId ?? null])).map((r) => {
    const text = String(r.text ?? '');
    const start = Number(r.start_pos);
    const end = Number(r.end_pos);
    return {
      recordId: String(r.record_id),
      conferenceDate: String(r.conference_date),
      field: String(r.field),
      left: flat(text.slice(Math.max(0, start - width), start)),
      keyword: text.slice(start, end),
      right: flat(text.slice(end, end + width)),
    };
  });
}
