import type { Database } from '../db/database.ts';
import { TermDictionary } from '../text/dictionary/term-dictionary.ts';
import { updateTermIndex } from '../text/term-index.ts';
import { caseTermWeights } from '../text/term-stats.ts';
import type { TermOptions } from '../text/terms.ts';
import type { TokenizeMany } from '../text/tokenize-texts.ts';
import { ari, nmi } from './clustering-metrics.ts';
import type { SparseVector } from '../themes/vectors.ts';
import { sphericalKMeans } from './spherical-kmeans.ts';

export interface TermVariant {
  name: string;
  options: TermOptions;
}

export interface VariantResult {
  name: string;
  /** Mean over the k-means seeds, and the standard deviation. */
  nmi: number;
  nmiSd: number;
  ari: number;
  ariSd: number;
  vocabulary: number;
  cases: number;
}

/** k-means runs per variant: differences smaller than their spread are noise. */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

function meanSd(values: readonly number[]): [number, number] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return [mean, Math.sqrt(variance)];
}

/** The term-extraction choices whose worth is measured: dictionary and shortage terms. */
export function termVariants(full: TermOptions): TermVariant[] {
  const none = new TermDictionary([]);
  return [
    { name: '辞書＋不足語 / dictionary + shortage terms', options: full },
    { name: '辞書のみ / dictionary only', options: { ...full, shortageTerms: false } },
    { name: '不足語のみ / shortage terms only', options: { ...full, dictionary: none } },
    { name: 'どちらもなし / neither', options: { ...full, dictionary: none, shortageTerms: false } },
  ];
}

/**
 * How well each variant's terms separate the true labels: TF-IDF case vectors clustered
 * by spherical k-means told the true number of labels (8 seeds, best of 5 restarts each),
 * scored by NMI and ARI. The tokens are reused; only the terms are found again.
 */
export async function evaluateTermVariants(
  db: Database,
  labels: ReadonlyMap<string, string>,
  variants: readonly TermVariant[],
  tokenizeMany: TokenizeMany,
): Promise<VariantResult[]> {
  const results: VariantResult[] = [];
  const k = new Set(labels.values()).size;
  for (const variant of variants) {
    await updateTermIndex(db, variant.options, tokenizeMany);
    const byCase = new Map<string, Map<string, number>>();
    for (const w of await db.read(caseTermWeights)) {
      if (!labels.has(w.recordId)) continue;
      const terms = byCase.get(w.recordId) ?? new Map<string, number>();
      terms.set(w.term, w.tfidf);
      byCase.set(w.recordId, terms);
    }
    const ids = [...labels.keys()];
    const vocabulary = new Map<string, number>();
    const vectors: SparseVector[] = ids.map((id) => {
      const weights = byCase.get(id) ?? new Map<string, number>();
      const norm = Math.sqrt([...weights.values()].reduce((s, w) => s + w * w, 0)) || 1;
      const vector = new Map<number, number>();
      for (const [term, w] of weights) {
        if (!vocabulary.has(term)) vocabulary.set(term, vocabulary.size);
        vector.set(vocabulary.get(term) as number, w / norm);
      }
      return vector;
    });
    const truth = ids.map((id) => labels.get(id) as string);
    const scores = SEEDS.map((seed) => {
      const predicted = sphericalKMeans(vectors, vocabulary.size, { k, seed, restarts: 5, iterations: 60 }).map(String);
      return { nmi: nmi(truth, predicted), ari: ari(truth, predicted) };
    });
    const [nmiMean, nmiSd] = meanSd(scores.map((x) => x.nmi));
    const [ariMean, ariSd] = meanSd(scores.map((x) => x.ari));
    results.push({ name: variant.name, nmi: nmiMean, nmiSd, ari: ariMean, ariSd, vocabulary: vocabulary.size, cases: ids.length });
  }
  return results;
}
