import { loadFastTokenizer } from './tokenizer/fast-tokenizer.ts';
import type { TokenizeMany } from './tokenize-texts.ts';

/** Tokenizes in this thread: for small work, and wherever no worker pool is running. */
export const tokenizeInProcess: TokenizeMany = async (texts, onProgress) => {
  const tokenizer = await loadFastTokenizer();
  return texts.map((text, i) => {
    if ((i + 1) % 1000 === 0 || i + 1 === texts.length) onProgress?.(i + 1, texts.length);
    return tokenizer.tokenize(text);
  });
};
