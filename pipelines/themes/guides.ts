import type { SeedTheme } from '../council/settings.ts';
import type { TermDictionary } from '../text/dictionary/term-dictionary.ts';
import { normaliseText } from '../text/normalise.ts';
import { guideVector } from './cluster/guides.ts';
import type { CaseVectors, SparseVector } from './vectors.ts';

/**
 * The council's seed themes as guide vectors over the run's vocabulary, each term read as
 * the text stage reads it: normalised, then through the dictionary (GH → グループホーム).
 */
export function guideVectors(seeds: readonly SeedTheme[], data: CaseVectors, dictionary: TermDictionary): SparseVector[] {
  return seeds.map((seed) =>
    guideVector(
      seed.terms.map((raw) => {
        const text = normaliseText(raw.trim()).text;
        return dictionary.canonical(text) ?? text;
      }),
      data.vocabulary,
    ),
  );
}
