import type { CouncilSettings, Subcommittee } from '../council/settings.ts';
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
  const read = await readTexts(categories.map((c) => [c.name, c.description, ...c.examples]), options, tokenizeMany);
  return [...seeds, ...categories.map((c, i) => ({ name: c.name, terms: read[i] ?? [] }))];
}

/**
 * The subcommittees with their remits read the same way: the terms and concepts of each
 * one's description join its own terms, so a theme is routed by what the remit says as
 * well as by the words listed for it.
 */
export async function readRemits(subcommittees: readonly Subcommittee[], options: TermOptions, tokenizeMany: TokenizeMany): Promise<Subcommittee[]> {
  const read = await readTexts(subcommittees.map((s) => [s.description]), options, tokenizeMany);
  return subcommittees.map((s, i) => ({ ...s, terms: [...new Set([...s.terms, ...(read[i] ?? []).map((t) => t.term)])] }));
}

/** Each group of texts tokenised as the notes are, with the count of each term and concept found. */
async function readTexts(groups: ReadonlyArray<readonly string[]>, options: TermOptions, tokenizeMany: TokenizeMany): Promise<Array<GuideTerms['terms']>> {
  const texts = groups.map((g) => normaliseText(g.filter((t) => t !== '').join('\n')).text);
  const tokens = texts.some((t) => t !== '') ? await tokenizeNormalised(texts, tokenizeMany) : [];
  return texts.map((text, i) => {
    const counts = new Map<string, number>();
    for (const t of extractTerms(text, tokens[i] ?? [], options)) counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
    return [...counts].map(([term, count]) => ({ term, count }));
  });
}
