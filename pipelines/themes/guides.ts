import type { GuideTerms } from './guide-terms.ts';
import type { CaseVectors, SparseVector } from './vectors.ts';

/**
 * The council's seed themes and categories as guide vectors over the run's vocabulary: each
 * term it names weighs its count times the term's IDF in these cases, so a category's
 * everyday words (支援, 利用) count little and its distinctive ones much; terms the cases
 * never use are ignored (a guide may come out empty and then gathers nothing).
 */
export function guideVectors(guides: readonly GuideTerms[], data: CaseVectors): SparseVector[] {
  if (guides.length === 0) return [];
  const index = new Map(data.vocabulary.map((term, i) => [term, i]));
  const documents = new Float64Array(data.vocabulary.length);
  for (const v of data.vectors) for (const j of v.keys()) documents[j] = (documents[j] as number) + 1;
  const cases = Math.max(1, data.vectors.length);
  return guides.map((guide) => {
    const weights = new Map<number, number>();
    for (const { term, count } of guide.terms) {
      const j = index.get(term);
      if (j === undefined || (documents[j] as number) === 0) continue;
      weights.set(j, (weights.get(j) ?? 0) + count * Math.log(1 + cases / (documents[j] as number)));
    }
    let norm = 0;
    for (const w of weights.values()) norm += w * w;
    return new Map([...weights].map(([j, w]) => [j, w / Math.sqrt(norm)]));
  });
}
