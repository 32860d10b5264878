import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/database.ts';
import { DEFAULT_FIELD_WEIGHTS, loadCaseVectors, type FieldWeights } from '../themes/case-vectors.ts';
import type { CaseVectors } from '../themes/vectors.ts';
import { loadWelfareDictionary } from '../text/dictionary/load-dictionary.ts';
import { updateTermIndex } from '../text/term-index.ts';
import type { TokenizeMany } from '../text/tokenize-texts.ts';
import { loadLabelledCorpus } from './labelled-corpus.ts';

export interface LabelledVectors {
  data: CaseVectors;
  /** The true label of each case, aligned with data.ids. */
  labels: string[];
  /** Seconds spent loading (ingest, tokenise, terms, vectors). */
  seconds: number;
}

/**
 * A labelled corpus through the real pipeline (ingest, tokens, terms) into case vectors,
 * in a throw-away database: what every clustering method is measured on.
 */
export async function labelledVectors(
  casesPath: string,
  labelsPath: string | null,
  tokenizeMany: TokenizeMany,
  weights: FieldWeights = DEFAULT_FIELD_WEIGHTS,
): Promise<LabelledVectors> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-vectors-'));
  const db = await openDatabase(join(dir, 'eval.duckdb'));
  try {
    const labels = await loadLabelledCorpus(db, casesPath, labelsPath, tokenizeMany);
    const { terms, stopWords } = await loadWelfareDictionary();
    await updateTermIndex(db, { dictionary: terms, stopWords, shortageTerms: false }, tokenizeMany);
    const data = await db.read((scope) => loadCaseVectors(scope, weights));
    return { data, labels: data.ids.map((id) => labels.get(id) ?? '(no label)'), seconds: (performance.now() - started) / 1000 };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
