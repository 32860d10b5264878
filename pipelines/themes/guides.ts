import type { SeedTheme } from '../council/settings.ts';
import type { TermDictionary } from '../text/dictionary/term-dictionary.ts';
import { normaliseText } from '../text/normalise.ts';
import { normalise, type CaseVectors, type SparseVector } from './vectors.ts';

/**
 * The council's seed themes as vectors over the run's vocabulary: each term, read through
 * the dictionary (GH → グループホーム), weighs the same. A seed whose terms no case uses
 * gets an empty vector and gathers nothing.
 */
export function guideVectors(seeds: readonly SeedTheme[], data: CaseVectors, dictionary: TermDictionary): SparseVector[] {
  const index = new Map(data.vocabulary.map((term, i) => [term, i]));
  return seeds.map((seed) => {
    const weights = new Map<number, number>();
    for (const raw of seed.terms) {
      const text = normaliseText(raw.trim()).text;
      const i = index.get(dictionary.canonical(text) ?? text);
      if (i !== undefined) weights.set(i, 1);
    }
    return normalise(weights);
  });
}
