/** A run of consecutive texts, [from, to). */
export interface TextBatch {
  readonly from: number;
  readonly to: number;
}

/** Batches of a worker's job are about this many characters, at most. */
const MAX_BATCH_CHARS = 100_000;
const MIN_BATCH_CHARS = 8_000;
/** Several batches per worker, so that a slow one is not left with a large tail. */
const BATCHES_PER_WORKER = 8;

export function totalChars(texts: readonly string[]): number {
  let chars = 0;
  for (const text of texts) chars += text.length;
  return chars;
}

/** Cuts the texts into consecutive batches of similar length, never splitting a text. */
export function splitIntoBatches(texts: readonly string[], workers: number): TextBatch[] {
  const target = Math.min(MAX_BATCH_CHARS, Math.max(MIN_BATCH_CHARS, Math.ceil(totalChars(texts) / (workers * BATCHES_PER_WORKER))));
  const batches: TextBatch[] = [];
  let from = 0;
  let chars = 0;
  for (let i = 0; i < texts.length; i++) {
    chars += texts[i]!.length;
    if (chars >= target) {
      batches.push({ from, to: i + 1 });
      from = i + 1;
      chars = 0;
    }
  }
  if (from < texts.length) batches.push({ from, to: texts.length });
  return batches;
}
