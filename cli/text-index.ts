import type { CouncilSettings } from '../pipelines/council/settings.ts';
import type { Database } from '../pipelines/db/database.ts';
import { termOptionsFor } from '../pipelines/text/term-options.ts';
import { updateTermIndex, type IndexResult } from '../pipelines/text/term-index.ts';
import type { TokenizeMany } from '../pipelines/text/tokenize-texts.ts';
import { ProgressBar } from './progress-bar.ts';

/** Brings the term index up to date, with a progress bar while texts are tokenised. */
export async function refreshTermIndex(db: Database, settings: CouncilSettings, tokenizeMany: TokenizeMany): Promise<IndexResult> {
  const bar = new ProgressBar();
  try {
    return await updateTermIndex(db, await termOptionsFor(settings), tokenizeMany, (done, total) => {
      if (total >= 500) bar.update('形態素解析', done, total, '件');
    });
  } finally {
    bar.done();
  }
}
