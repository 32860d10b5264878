import { parentPort, workerData } from 'node:worker_threads';
import { normaliseText } from './normalise.ts';
import { PackedTerms, type PackedData } from './packed-terms.ts';
import { findStoredTerms } from './stored-terms.ts';
import { termOptionsFrom, type TermOptionsData } from './term-options-data.ts';

/** Stored texts and their cached tokens, in the same order. */
export interface FindRequest {
  id: number;
  texts: string[];
  encoded: string[];
}

export type FindReply = { id: number; type: 'done'; packed: PackedData } | { id: number; type: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('term-finder-worker runs only as a worker thread');
const options = termOptionsFrom(workerData as TermOptionsData);

port.on('message', ({ id, texts, encoded }: FindRequest) => {
  try {
    const found = new PackedTerms();
    texts.forEach((text, i) => found.set(text, findStoredTerms(normaliseText(text), encoded[i] as string, options)));
    const packed = found.packed();
    port.postMessage({ id, type: 'done', packed } satisfies FindReply, [packed.data.buffer]);
  } catch (error) {
    port.postMessage({ id, type: 'failed', message: (error as Error).stack ?? String(error) } satisfies FindReply);
  }
});
