import type { CouncilSettings } from '../../pipelines/council/settings.ts';
import type { Database } from '../../pipelines/db/database.ts';
import { loadWelfareDictionary } from '../../pipelines/text/dictionary/load-dictionary.ts';
import { updateTermIndex, type IndexResult } from '../../pipelines/text/term-index.ts';
import type { TermOptions } from '../../pipelines/text/terms.ts';
import type { TokenizeMany } from '../../pipelines/text/tokenize-texts.ts';
import { ProgressBar } from './progress-bar.ts';

/**
 * Whether X不足 / X待ち / X困難 terms are added. Off: in `npm run eval` they did not
 * separate labelled cases measurably better (differences within one standard deviation
 * over k-means seeds; see README: text analysis).
 */
export const SHORTAGE_TERMS = false;

export async function termOptions(settings: CouncilSettings): Promise<TermOptions> {
  const { terms, stopWords } = await loadWelfareDictionary(settings.dictionary ?? {});
  return { dictionary: terms, stopWords, shortageTerms: SHORTAGE_TERMS };
}

/** Brings the term index up to date, with a progress bar while texts are tokenised. */
export async function refreshTermIndex(db: Database, settings: CouncilSettings, tokenizeMany: TokenizeMany): Promise<IndexResult> {
  const bar = new ProgressBar();
  try {
    return await updateTermIndex(db, await termOptions(settings), tokenizeMany, (done, total) => {
      if (total >= 500) bar.update('形態素解析', done, total);
    });
  } finally {
    bar.done();
  }
}
