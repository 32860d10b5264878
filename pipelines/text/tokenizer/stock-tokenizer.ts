import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';

export type StockTokenizer = Tokenizer<IpadicFeatures>;

/** The IPADIC files shipped inside the kuromoji package, wherever npm put it. */
export const STOCK_DICTIONARY_PATH = join(dirname(createRequire(import.meta.url).resolve('kuromoji')), '..', 'dict');

/**
 * Wraps a loader so that it runs once per process (or worker) and every caller shares its
 * promise; a failed load is forgotten, so that the next call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | null = null;
  return () => {
    if (cached) return cached;
    const attempt = load();
    cached = attempt;
    attempt.catch(() => {
      if (cached === attempt) cached = null;
    });
    return attempt;
  };
}

function buildStockTokenizer(): Promise<StockTokenizer> {
  return new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath: STOCK_DICTIONARY_PATH }).build((err, tokenizer) => {
      if (err) reject(new Error(`kuromoji の辞書を読み込めませんでした (${STOCK_DICTIONARY_PATH}): ${String(err)}`, { cause: err }));
      else resolve(tokenizer);
    });
  });
}

/** kuromoji as published: its own builder and dictionary, about 400 MB once loaded. */
export const loadStockTokenizer: () => Promise<StockTokenizer> = loadOnce(buildStockTokenizer);
