import type { CouncilSettings } from '../council/settings.ts';
import { loadWelfareDictionary } from './dictionary/load-dictionary.ts';
import type { TermOptions } from './terms.ts';

/**
 * Whether X不足 / X待ち / X困難 terms are added. Off: in `npm run eval` they did not
 * separate labelled cases measurably better (differences within one standard deviation
 * over k-means seeds; see README: text analysis).
 */
export const SHORTAGE_TERMS = false;

/** The built-in welfare dictionary with the council's own terms and stop words. */
export async function termOptionsFor(settings: CouncilSettings): Promise<TermOptions> {
  const { terms, concepts, stopWords } = await loadWelfareDictionary(settings.dictionary ?? {});
  return { dictionary: terms, concepts, stopWords, shortageTerms: SHORTAGE_TERMS };
}
