import type { CouncilSettings } from '../council/settings.ts';
import { normaliseText } from '../text/normalise.ts';
import { extractTerms, type TermOptions } from '../text/terms.ts';
import { tokenizeNormalised, type TokenizeMany } from '../text/tokenize-texts.ts';

/** A theme the council declares (a seed theme or a category), as the terms the text stage finds in it. */
export interface GuideTerms {
  name: string;
  /** Each term and how often it occurs in the category's name, description and examples (1 for a seed term). */
  terms: Array<{ term: string; count: number }>;
}

/**
 * The council's seed themes, then its categories, each read as the cases are read: a seed
 * theme's terms normalised and through the dictionary (GH → グループホーム); a category's
 * name, description and example phrases tokenised and their terms and concepts extracted.
 */
export async function guideTerms(settings: CouncilSettings, options: TermOptions, tokenizeMany: TokenizeMany): Promise<GuideTerms[]> {
  const seeds = (settings.seedThemes ?? []).map((seed) => ({
    name: seed.name,
    terms: [
      ...new Set(
        seed.terms.map((raw) => {
          const text = normaliseText(raw.trim()).text;
          return options.dictionary.canonical(text) ?? text;
        }),
      ),
    ].map((term) => ({ term, count: 1 })),
  }));
  const categories = settings.categories ?? [];
  const texts = categories.map((c) => normaliseText([c.name, c.description, ...c.examples].filter((t) => t !== '').join('\n')).text);
  const tokens = texts.length === 0 ? [] : await tokenizeNormalised(texts, tokenizeMany);
  const read = categories.map((c, i) => {
    const counts = new Map<string, number>();
    for (const t of extractTerms(texts[i] as string, tokens[i] ?? [], options)) counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
    return { name: c.name, terms: [...counts].map(([term, count]) => ({ term, count })) };
  });
  return [...seeds, ...read];
}
