/** A term and a seed that are the same word after canonicalisation match fully. */
export const EXACT_MATCH = 1;

/**
 * A term that contains a seed, or is contained in one (就労 in 一般就労, 住まい in
 * 退院後の住まい), matches at this share of a full match times the part of the longer
 * word that the shorter one covers: 就労 / 一般就労 gives 0.5 × 2/4 = 0.25. A generic
 * piece inside a long compound (支援 in 就労継続支援) thus counts for little.
 */
export const CONTAINED_MATCH = 0.5;

/** Shorter pieces (one kanji such as 会 or 児) are too ambiguous to match inside another word. */
export const MIN_CONTAINED_LENGTH = 2;

export type Canonicalise = (word: string) => string | null;

/**
 * The forms a word is compared under: its canonical term, when the dictionary knows it,
 * and the word itself (NFKC, trimmed), so that a compound the dictionary does not list
 * can still be found inside another.
 */
export function termForms(word: string, canonical?: Canonicalise): string[] {
  const plain = word.normalize('NFKC').trim();
  const known = canonical?.(word) ?? null;
  return known === null || known === plain ? [plain] : [known, plain];
}

/** How well a theme term matches a seed term, 0..1, each given by its `termForms`. */
export function matchStrength(termForms: readonly string[], seedForms: readonly string[]): number {
  let best = 0;
  for (const term of termForms) {
    for (const seed of seedForms) {
      if (term === '' || seed === '') continue;
      if (term === seed) return EXACT_MATCH;
      best = Math.max(best, containedStrength(term, seed));
    }
  }
  return best;
}

function containedStrength(a: string, b: string): number {
  const [short, long] = length(a) <= length(b) ? [a, b] : [b, a];
  if (length(short) < MIN_CONTAINED_LENGTH || !long.includes(short)) return 0;
  return (CONTAINED_MATCH * length(short)) / length(long);
}

function length(s: string): number {
  return [...s].length;
}
