import { parentPort } from 'node:worker_threads';
import { checkChunk, type Chunk } from './check-chunk.ts';
import type { RowRules } from './validate-row.ts';

export interface ChunkJob {
  chunk: Chunk;
  rules: RowRules;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; checked: ReturnType<typeof checkChunk> }
  | { type: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('check-worker runs only as a worker thread');

port.on('message', ({ chunk, rules }: ChunkJob) => {
  const post = (message: WorkerMessage) => port.postMessage(message);
  try {
    post({ type: 'done', checked: checkChunk(chunk, rules, (done, total) => post({ type: 'progress', done, total })) });
  } catch (error) {
    post({ type: 'failed', message: (error as Error).stack ?? String(error) });
  }
});
