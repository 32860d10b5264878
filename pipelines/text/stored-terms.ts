import { storedOffset, type NormalisedText } from './normalise.ts';
import type { StoredTerm } from './packed-terms.ts';
import { extractTerms, type TermOptions } from './terms.ts';
import { decodeTokens } from './token-encoding.ts';

/**
 * The terms of one stored text, from its normalised form and its cached tokens, placed
 * in the stored text: a pure function, run on the main thread and in term-finder-worker.
 */
export function findStoredTerms(analysed: NormalisedText, encodedTokens: string, options: TermOptions): StoredTerm[] {
  const terms = extractTerms(analysed.text, decodeTokens(encodedTokens, analysed.text), options);
  if (analysed.offsets === null) return terms;
  return terms.map((t) => ({ term: t.term, kind: t.kind, start: storedOffset(analysed, t.start), end: storedOffset(analysed, t.end) }));
}
