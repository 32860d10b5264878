import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkChunk, type CheckedChunk, type Chunk, type RowProgress } from './check-chunk.ts';
import type { ChunkJob, WorkerMessage } from './check-worker.ts';
import { writeDebugStack } from './debug.ts';
import { mapHeader } from './header.ts';
import { assembleOutcome, headerRecord, ingestBytes, readSource, rowRules, type IngestOptions, type IngestOutcome } from './ingest-file.ts';
import { parseCsvText } from './parse-csv.ts';
import { cutAtRecords, splitAtRecords } from './split-chunks.ts';
import type { RowRules } from './validate-row.ts';
import { markStage } from '../stage-marks.ts';
import { workerEntry } from '../worker-entry.ts';

const WORKER_URL = workerEntry(import.meta.url, 'check-worker');

/** Below about this many characters (some 6,000 rows) a worker's start-up costs more than it saves. */
export const PARALLEL_MIN_CHARS = 2_000_000;

/**
 * Checks data rows on every core: a stretch of the file is cut at record boundaries, one
 * piece is checked here and the others in worker threads, which stay for the next stretch.
 */
export class CheckWorkers {
  private workers: Worker[] = [];

  constructor(private readonly threads = availableParallelism()) {}

  /**
   * The stretch's rows, checked: one result per piece, in file order. Stretches of a large
   * file are shared out however short (`minChars` 0): its workers have started already.
   */
  async check(chunk: Chunk, rules: RowRules, onProgress?: RowProgress, minChars = PARALLEL_MIN_CHARS): Promise<CheckedChunk[]> {
    const pieces = this.threads > 1 && chunk.text.length >= minChars ? cutAtRecords(chunk, chunkWeights(this.threads)) : [chunk];
    const [first, ...rest] = pieces;
    if (!first || rest.length === 0) return [checkChunk(chunk, rules, onProgress)];
    const progress = progressOf(pieces.length, (done, total) => onProgress?.(done, total));
    const elsewhere = rest.map((piece, i) => this.inWorker(i, { chunk: piece, rules }, progress(i + 1)));
    const here = checkChunk(first, rules, progress(0));
    try {
      return [here, ...(await Promise.all(elsewhere))];
    } catch (error) {
      // Rows are isolated inside a worker too; a worker that fails as a whole is bypassed.
      writeDebugStack(error);
      await this.close();
      return [checkChunk(chunk, rules, onProgress)];
    }
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private inWorker(index: number, job: ChunkJob, onProgress: RowProgress): Promise<CheckedChunk> {
    const worker = (this.workers[index] ??= spawn());
    return new Promise((resolve, reject) => {
      const settle = (error: Error | null, checked?: CheckedChunk) => {
        worker.off('message', onMessage).off('error', settle).off('exit', onExit);
        if (error) reject(error);
        else resolve(checked as CheckedChunk);
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'progress') onProgress(message.done, message.total);
        else if (message.type === 'done') settle(null, message.checked);
        else settle(new Error(`検査用のワーカーが失敗しました: ${message.message}`));
      };
      const onExit = (code: number) => settle(new Error(`検査用のワーカーが終了コード ${code} で止まりました`));
      worker.on('message', onMessage).on('error', settle).on('exit', onExit);
      worker.postMessage(job);
    });
  }
}

function spawn(): Worker {
  const worker = new Worker(WORKER_URL, { execArgv: [] });
  // Idle between stretches, it must not keep the process alive should its owner forget to close it.
  worker.unref();
  return worker;
}

/**
 * The same outcome as ingestBytes, with the data rows checked on every core. A file with
 * a broken quote is checked again in one pass, because recovering from a runaway quote
 * needs to see the lines that follow it.
 */
export async function ingestBytesInParallel(
  bytes: Uint8Array,
  options: IngestOptions,
  threads = availableParallelism(),
): Promise<IngestOutcome> {
  const source = readSource(bytes);
  const split = threads > 1 && source.text.length >= PARALLEL_MIN_CHARS ? splitAtRecords(source.text, [1]) : null;
  const data = split?.chunks[0];
  const headerLine = split ? headerRecord(parseCsvText(split.headerText)) : null;
  if (!split || !headerLine || !data) return ingestBytes(bytes, options);

  const header = mapHeader(headerLine, options.settings.headerAliases, options.mapping);
  const rules = rowRules(header, options, source);
  markStage('check');
  const workers = new CheckWorkers(threads);
  const checked = await workers.check(data, rules, (done, total) => options.onProgress?.({ stage: 'validate', done, total })).finally(() => workers.close());
  if (checked.some((c) => c.broken.length > 0)) return ingestBytes(bytes, options);
  return assembleOutcome(options.fileName, source, header, [], checked.flatMap((c) => c.results));
}

/** The piece checked here starts at once; a worker first has to boot, so gets less. */
function chunkWeights(threads: number): number[] {
  return [1.2, ...new Array<number>(threads - 1).fill(1)];
}

/** Sums the pieces' progress into one figure, once every piece knows its row count. */
function progressOf(pieces: number, report: RowProgress): (index: number) => RowProgress {
  const done = new Array<number>(pieces).fill(0);
  const totals = new Array<number | null>(pieces).fill(null);
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
