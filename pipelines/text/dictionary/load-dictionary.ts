import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseConceptsCsv, parseStopWordsCsv, parseTermsCsv } from './dictionary-csv.ts';
import type { SourcedEntry } from './dictionary-csv.ts';
import { DictionaryError } from './dictionary-error.ts';
import type { Origin } from './dictionary-error.ts';
import { normaliseForMatch } from './match-normalise.ts';
import { CONCEPT_FORM_COLUMNS, mergeTerms } from './merge-terms.ts';
import { TermDictionary } from './term-dictionary.ts';
import type { TermEntry } from './term-dictionary.ts';

export const WELFARE_TERMS_PATH = fileURLToPath(new URL('./welfare-terms.csv', import.meta.url));
export const STOP_WORDS_PATH = fileURLToPath(new URL('./stopwords.csv', import.meta.url));
export const CONCEPTS_PATH = fileURLToPath(new URL('./concepts.csv', import.meta.url));

const EXTRA_TERMS = '協議会の追加用語';
const EXTRA_STOP_WORDS = '協議会の追加不要語';
const EXTRA_CONCEPTS = '協議会の追加概念';

/** A concept of the thesaurus as a council writes it in its settings. */
export interface ConceptEntry {
  concept: string;
  expressions: string[];
  note?: string;
}

export interface DictionaryExtras {
  /** New terms, or more variants for a built-in canonical term. */
  terms?: TermEntry[];
  stopWords?: string[];
  /** New concepts, or more expressions for a built-in concept. */
  concepts?: ConceptEntry[];
}

export interface WelfareDictionary {
  terms: TermDictionary;
  /** Everyday expressions and paraphrases, by the concept (the wall or need) they describe. */
  concepts: TermDictionary;
  /** Normalised with `normaliseForMatch`. */
  stopWords: Set<string>;
}

/**
 * The built-in welfare vocabulary, concepts and stop words, extended by a council's own.
 * Throws `DictionaryError` with a Japanese message naming the file (or the council's
 * list), the line (or item) and the column of the first malformed entry.
 */
export async function loadWelfareDictionary(extra: DictionaryExtras = {}): Promise<WelfareDictionary> {
  const [termsText, stopWordsText, conceptsText] = await Promise.all([
    readFile(WELFARE_TERMS_PATH, 'utf8'),
    readFile(STOP_WORDS_PATH, 'utf8'),
    readFile(CONCEPTS_PATH, 'utf8'),
  ]);
  const conceptSources = [...parseConceptsCsv(conceptsText, 'concepts.csv'), ...extraConceptSources(extra.concepts ?? [])];
  const concepts = new TermDictionary(mergeTerms(conceptSources, CONCEPT_FORM_COLUMNS));
  const sources = [...parseTermsCsv(termsText, 'welfare-terms.csv'), ...extraTermSources(extra.terms ?? [])];
  const terms = new TermDictionary(mergeTerms(sources));

  const stopWords = new Set<string>();
  for (const { word } of parseStopWordsCsv(stopWordsText, 'stopwords.csv')) stopWords.add(normaliseForMatch(word).trim());
  (extra.stopWords ?? []).forEach((word, index) => {
    const normalised = typeof word === 'string' ? normaliseForMatch(word).trim() : '';
    if (normalised === '') throw new DictionaryError(extraOrigin(EXTRA_STOP_WORDS, index), '語', '語が空です');
    stopWords.add(normalised);
  });
  return { terms, concepts, stopWords };
}

/** Checks entries that came from code or JSON, where the types are only a promise. */
function extraTermSources(entries: readonly TermEntry[]): SourcedEntry[] {
  return entries.map((entry, index) => {
    const origin = extraOrigin(EXTRA_TERMS, index);
    const canonical = typeof entry.canonical === 'string' ? entry.canonical.trim() : '';
    if (canonical === '') throw new DictionaryError(origin, '正規形', '正規形が空です');
    if (entry.kind !== 'synonym' && entry.kind !== 'compound') {
      throw new DictionaryError(origin, '種類', `「${String(entry.kind)}」は種類として使えません。synonym か compound を指定してください`);
    }
    if (!Array.isArray(entry.variants) || entry.variants.some((v) => typeof v !== 'string')) {
      throw new DictionaryError(origin, '表記ゆれ', '表記ゆれは文字列の配列で指定してください');
    }
    const variants = entry.variants.map((v) => v.trim()).filter((v) => v !== '');
    const checked: TermEntry = { canonical, variants, kind: entry.kind };
    if (typeof entry.note === 'string' && entry.note !== '') checked.note = entry.note;
    return { entry: checked, origin };
  });
}

/**
 * The note is left out, as concepts.csv's メモ is: it explains, never matches, and an edit
 * of it should not rebuild the term index.
 */
function extraConceptSources(entries: readonly ConceptEntry[]): SourcedEntry[] {
  return entries.map((entry, index) => {
    const origin = extraOrigin(EXTRA_CONCEPTS, index);
    const concept = typeof entry?.concept === 'string' ? entry.concept.trim() : '';
    if (concept === '') throw new DictionaryError(origin, '概念', '概念が空です');
    const raw: unknown = entry.expressions;
    if (!Array.isArray(raw)) throw new DictionaryError(origin, '言い回し', '言い回しは文字列の配列で指定してください');
    if (raw.length === 0) throw new DictionaryError(origin, '言い回し', '言い回しを1つ以上指定してください');
    const expressions = raw.map((expression: unknown, i) => {
      if (typeof expression !== 'string') throw new DictionaryError(origin, '言い回し', `${i + 1} 番目の言い回しが文字列ではありません`);
      if (expression.trim() === '') throw new DictionaryError(origin, '言い回し', `${i + 1} 番目の言い回しが空です`);
      return expression.trim();
    });
    return { entry: { canonical: concept, variants: expressions, kind: 'synonym' }, origin };
  });
}

function extraOrigin(source: string, index: number): Origin {
  return { source, position: index + 1, unit: '件目' };
}
