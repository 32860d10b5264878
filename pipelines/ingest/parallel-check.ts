import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkChunk, type CheckedChunk, type RowProgress } from './check-chunk.ts';
import type { ChunkJob, WorkerMessage } from './check-worker.ts';
import { writeDebugStack } from './debug.ts';
import { mapHeader } from './header.ts';
import { assembleOutcome, headerRecord, ingestBytes, readSource, rowRules, type IngestOptions, type IngestOutcome } from './ingest-file.ts';
import { parseCsvText } from './parse-csv.ts';
import { splitAtRecords } from './split-chunks.ts';
import { markStage } from '../stage-marks.ts';
import { workerEntry } from '../worker-entry.ts';

const WORKER_URL = workerEntry(import.meta.url, 'check-worker');

/** Below about this many characters (some 6,000 rows) a worker's start-up costs more than it saves. */
export const PARALLEL_MIN_CHARS = 2_000_000;

/**
 * The same outcome as ingestBytes, with the data rows checked on every core: the file is
 * cut at record boundaries, one chunk is checked here and the others in worker threads.
 * A file with a broken quote is checked again in one pass, because recovering from a
 * runaway quote needs to see the lines that follow it.
 */
export async function ingestBytesInParallel(
  bytes: Uint8Array,
  options: IngestOptions,
  threads = availableParallelism(),
): Promise<IngestOutcome> {
  const source = readSource(bytes);
  const split = threads > 1 && source.text.length >= PARALLEL_MIN_CHARS ? splitAtRecords(source.text, chunkWeights(threads)) : null;
  const headerLine = split ? headerRecord(parseCsvText(split.headerText)) : null;
  if (!split || !headerLine || split.chunks.length < 2) return ingestBytes(bytes, options);

  const header = mapHeader(headerLine, options.settings.headerAliases, options.mapping);
  const rules = rowRules(header, options, source);
  markStage('check');
  const progress = progressOf(split.chunks.length, (done, total) => options.onProgress?.({ stage: 'validate', done, total }));
  const [first, ...rest] = split.chunks;
  const inWorkers = rest.map((chunk, i) => checkInWorker({ chunk, rules }, progress(i + 1)));
  const here = first ? checkChunk(first, rules, progress(0)) : { results: [], broken: [] };
  let elsewhere: CheckedChunk[];
  try {
    elsewhere = await Promise.all(inWorkers);
  } catch (error) {
    // Rows are isolated inside a worker too; a worker that fails as a whole is bypassed.
    writeDebugStack(error);
    return ingestBytes(bytes, options);
  }
  const checked = [here, ...elsewhere];

  if (checked.some((c) => c.broken.length > 0)) return ingestBytes(bytes, options);
  return assembleOutcome(options.fileName, source, header, [], checked.flatMap((c) => c.results));
}

/** The chunk checked here starts at once; a worker first has to boot, so gets less. */
function chunkWeights(threads: number): number[] {
  return [1.2, ...new Array<number>(threads - 1).fill(1)];
}

function checkInWorker(job: ChunkJob, onProgress: RowProgress): Promise<CheckedChunk> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { execArgv: [] });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        onProgress(message.done, message.total);
        return;
      }
      if (message.type === 'done') resolve(message.checked);
      else reject(new Error(`検査用のワーカーが失敗しました: ${message.message}`));
      void worker.terminate();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`検査用のワーカーが終了コード ${code} で止まりました`));
    });
    worker.postMessage(job);
  });
}

/** Sums the chunks' progress into one figure, once every chunk knows its row count. */
function progressOf(chunks: number, report: RowProgress): (index: number) => RowProgress {
  const done = new Array<number>(chunks).fill(0);
  const totals = new Array<number | null>(chunks).fill(null);
  return (index) => (d, total) => {
    done[index] = d;
    totals[index] = total;
    if (totals.every((t) => t !== null)) {
      report(
        done.reduce((a, b) => a + b, 0),
        totals.reduce<number>((a, b) => a + (b ?? 0), 0),
      );
    }
  };
}
