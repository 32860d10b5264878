import { TermDictionary, type TermEntry } from './dictionary/term-dictionary.ts';
import type { TermOptions } from './terms.ts';

/** TermOptions as plain data, to hand to another thread. */
export interface TermOptionsData {
  dictionary: readonly TermEntry[];
  concepts: readonly TermEntry[] | null;
  stopWords: string[];
  shortageTerms: boolean;
}

export function termOptionsData(options: TermOptions): TermOptionsData {
  return {
    dictionary: options.dictionary.entries,
    concepts: options.concepts?.entries ?? null,
    stopWords: [...options.stopWords],
    shortageTerms: options.shortageTerms,
  };
}

/** The options again from their data: dictionaries rebuilt from their (already normalised) entries. */
export function termOptionsFrom(data: TermOptionsData): TermOptions {
  return {
    dictionary: new TermDictionary(data.dictionary),
    ...(data.concepts === null ? {} : { concepts: new TermDictionary(data.concepts) }),
    stopWords: new Set(data.stopWords),
    shortageTerms: data.shortageTerms,
  };
}
