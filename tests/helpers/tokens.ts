import { normaliseText } from '../../pipelines/text/normalise.ts';
import { joinSegments, segmentText, type TextToken } from '../../pipelines/text/text-tokens.ts';
import { loadStockTokenizer } from '../../pipelines/text/tokenizer/stock-tokenizer.ts';
import type { TokenizeMany } from '../../pipelines/text/tokenize-texts.ts';
import { tokenizeInProcess } from '../../pipelines/text/tokenize-in-process.ts';

/** Normalises and tokenises one text with the real kuromoji dictionary. */
export async function analyse(raw: string): Promise<{ text: string; tokens: TextToken[] }> {
  const tokenizer = await loadStockTokenizer();
  const { text } = normaliseText(raw);
  const segments = segmentText(text);
  return { text, tokens: joinSegments(segments, segments.filter((s) => !s.placeholder).map((s) => tokenizer.tokenize(s.text))) };
}

/** The real in-process tokenizer, counting the pieces of text it was asked to tokenise. */
export function countingTokenizer(): { tokenizeMany: TokenizeMany; texts: () => number } {
  let count = 0;
  return {
    tokenizeMany: (texts, onProgress) => {
      count += texts.length;
      return tokenizeInProcess(texts, onProgress);
    },
    texts: () => count,
  };
}
