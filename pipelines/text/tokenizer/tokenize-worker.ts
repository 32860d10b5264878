import { parentPort } from 'node:worker_threads';
import { loadLatticeTokenizer } from './fast-tokenizer.ts';
import { RecordWriter, type TokenBatch } from './token-records.ts';

export interface BatchRequest {
  readonly id: number;
  readonly texts: readonly string[];
}

export type BatchReply =
  | { readonly type: 'done'; readonly id: number; readonly batch: TokenBatch }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

const port = parentPort;
if (!port) throw new Error('tokenize-worker はワーカースレッドとして起動してください');

// Loaded before the first request is read; a failure here ends the worker, which the pool reports.
const tokenizer = await loadLatticeTokenizer();
const writer = new RecordWriter(tokenizer.features);

port.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    for (const text of request.texts) {
      tokenizer.write(text, writer);
      writer.endText();
    }
    reply = { type: 'done', id: request.id, batch: writer.take() };
  } catch (error) {
    writer.discard();
    reply = { type: 'failed', id: request.id, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  const transfer = reply.type === 'done' ? [reply.batch.counts.buffer, reply.batch.records.buffer] : [];
  port.postMessage(reply, transfer);
});
