import type { IpadicFeatures } from 'kuromoji';
import { joinSegments, segmentText, type TextToken } from './text-tokens.ts';

/** Tokenizes many texts at once (in a worker pool or in-process), results in input order. */
export type TokenizeMany = (
  texts: readonly string[],
  onProgress?: (done: number, total: number) => void,
) => Promise<IpadicFeatures[][]>;

/** Tokenizes normalised texts, keeping each placeholder as one token. */
export async function tokenizeNormalised(
  texts: readonly string[],
  tokenizeMany: TokenizeMany,
  onProgress?: (done: number, total: number) => void,
): Promise<TextToken[][]> {
  const segmented = texts.map(segmentText);
  const pieces = segmented.flatMap((segments) => segments.filter((s) => !s.placeholder).map((s) => s.text));
  const tokenized = await tokenizeMany(pieces, onProgress);
  let next = 0;
  return segmented.map((segments) => {
    const count = segments.filter((s) => !s.placeholder).length;
    const own = tokenized.slice(next, next + count);
    next += count;
    return joinSegments(segments, own);
  });
}
