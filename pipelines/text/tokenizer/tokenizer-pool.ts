import type { IpadicFeatures } from 'kuromoji';
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { loadFastTokenizer } from './fast-tokenizer.ts';
import { splitIntoBatches, totalChars } from './text-batches.ts';
import { RecordReader } from './token-records.ts';
import type { BatchReply, BatchRequest } from './tokenize-worker.ts';
import { workerEntry } from '../../worker-entry.ts';

const WORKER_URL = workerEntry(import.meta.url, 'tokenize-worker');

/** Below this many characters in all, texts are tokenised here: a worker takes half a second to start and load its dictionary. */
export const IN_PROCESS_MAX_CHARS = 5_000;

/**
 * Whether texts of so many characters are tokenised on this thread: only while no worker
 * has started, for once they run a small call here would load a dictionary of its own
 * for the last few texts of an upload (0.9 s when it happened, with kuromoji's own loader).
 */
export function tokenisesHere(chars: number, workersRunning: boolean): boolean {
  return !workersRunning && chars < IN_PROCESS_MAX_CHARS;
}

/** The whole process is to stay under this. */
export const MEMORY_BUDGET_MB = 2048;
/**
 * Peak RSS one worker adds: measured 334–363 MB on Node 20 (tsx, kuromoji's dictionary with
 * its gunzip buffers, the fast tokenizer's tables).
 */
export const WORKER_PEAK_MB = 370;
/**
 * The main thread: Node itself (about 80 MB), its own tokenizer for small inputs (about
 * 310 MB), and the token objects it hands back, with the garbage of earlier calls (230 MB
 * live for 2.5 M characters; three calls in a row peaked 700 MB above the workers).
 * Three workers measured 1.78 GB without the main thread's own tokenizer, so the budget
 * allows two.
 */
export const MAIN_RESERVE_MB = 1000;

/** One worker per core, but no more than fit in the memory budget beside the main thread. */
export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor((MEMORY_BUDGET_MB - MAIN_RESERVE_MB) / WORKER_PEAK_MB)));
}

export interface TokenizerPoolOptions {
  /** Number of worker threads (default: defaultPoolSize()). */
  readonly size?: number;
  /** Passed to each worker. */
  readonly resourceLimits?: ResourceLimits;
}

export interface TokenizerPool {
  readonly size: number;
  /** The fast tokenizer's tokens for every text, in input order. */
  tokenizeMany(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<IpadicFeatures[][]>;
  /**
   * Starts the workers now rather than on the first large call, so that each loads its
   * dictionary (0.3 s) while the caller still reads and checks its input.
   */
  warm(): void;
  /** Stops the workers; calls still waiting are rejected. */
  close(): Promise<void>;
}

interface Job {
  readonly texts: readonly string[];
  readonly results: IpadicFeatures[][];
  readonly onProgress: ((done: number, total: number) => void) | undefined;
  readonly resolve: (results: IpadicFeatures[][]) => void;
  readonly reject: (error: Error) => void;
  done: number;
  settled: boolean;
}

interface Task {
  readonly id: number;
  readonly job: Job;
  readonly from: number;
  readonly to: number;
}

interface Slot {
  readonly worker: Worker;
  /** Sent and not yet answered, oldest first: a worker answers in order. */
  readonly tasks: Task[];
}

/** A second batch waits in each worker, so that it need not idle while this thread reads its last reply. */
const BATCHES_IN_FLIGHT = 2;

export function createTokenizerPool(options: TokenizerPoolOptions = {}): TokenizerPool {
  const size = options.size ?? defaultPoolSize();
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`ワーカー数は 1 以上の整数にしてください: ${size}`);
  return new WorkerTokenizerPool(size, options.resourceLimits);
}

/** Workers start on the first large call and stay until close(); idle ones do not keep the process alive. */
class WorkerTokenizerPool implements TokenizerPool {
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private readonly jobs = new Set<Job>();
  private readonly reader = new RecordReader();
  private nextTaskId = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly resourceLimits: ResourceLimits | undefined,
  ) {}

  /** An arrow, so that it can be passed on as a TokenizeMany without its pool. */
  readonly tokenizeMany = async (texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<IpadicFeatures[][]> => {
    if (this.closed) throw new Error('形態素解析のワーカープールは閉じられています');
    if (texts.length === 0) return [];
    if (tokenisesHere(totalChars(texts), this.slots.length > 0)) {
      const tokenizer = await loadFastTokenizer();
      const results = texts.map((text) => tokenizer.tokenize(text));
      onProgress?.(texts.length, texts.length);
      return results;
    }
    return new Promise((resolve, reject) => {
      const job: Job = { texts, results: new Array<IpadicFeatures[]>(texts.length), onProgress, resolve, reject, done: 0, settled: false };
      this.jobs.add(job);
      for (const batch of splitIntoBatches(texts, this.size)) this.queue.push({ id: this.nextTaskId++, job, ...batch });
      if (this.slots.length === 0) this.startWorkers();
      this.dispatch();
    });
  };

  warm(): void {
    if (!this.closed && this.slots.length === 0) this.startWorkers();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new Error('形態素解析のワーカープールが閉じられました'));
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private startWorkers(): void {
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(WORKER_URL, { execArgv: [], ...(this.resourceLimits ? { resourceLimits: this.resourceLimits } : {}) });
      const slot: Slot = { worker, tasks: [] };
      worker.on('message', (reply: BatchReply) => this.onReply(slot, reply));
      worker.on('error', (error) => this.onCrash(slot, `形態素解析のワーカーが異常終了しました: ${error.message}`));
      worker.on('exit', (code) => this.onCrash(slot, `形態素解析のワーカーが終了コード ${code} で止まりました`));
      this.slots.push(slot);
    }
  }

  private dispatch(): void {
    for (let depth = 1; depth <= BATCHES_IN_FLIGHT; depth++) {
      for (const slot of this.slots) {
        if (slot.tasks.length >= depth) continue;
        const task = this.queue.shift();
        if (!task) break;
        slot.tasks.push(task);
        const request: BatchRequest = { id: task.id, texts: task.job.texts.slice(task.from, task.to) };
        slot.worker.postMessage(request);
      }
    }
    for (const slot of this.slots) {
      if (slot.tasks.length > 0) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  private onReply(slot: Slot, reply: BatchReply): void {
    const task = slot.tasks[0];
    if (!task || task.id !== reply.id) return;
    slot.tasks.shift();
    const job = task.job;
    if (reply.type === 'failed') {
      this.fail(job, new Error(`形態素解析に失敗しました: ${reply.message}`));
    } else {
      // Learnt even for a job already given up, because the worker will not send these entries again.
      this.reader.learn(reply.batch);
      if (!job.settled) this.complete(job, task, reply);
    }
    this.dispatch();
  }

  private complete(job: Job, task: Task, reply: Extract<BatchReply, { type: 'done' }>): void {
    try {
      const tokens = this.reader.read(reply.batch);
      for (let i = 0; i < tokens.length; i++) job.results[task.from + i] = tokens[i]!;
      job.done += task.to - task.from;
      job.onProgress?.(job.done, job.texts.length);
    } catch (error) {
      this.fail(job, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (job.done === job.texts.length) {
      job.settled = true;
      this.jobs.delete(job);
      job.resolve(job.results);
    }
  }

  /** A crashed worker takes the whole pool down with a clear error; the next call starts afresh. */
  private onCrash(slot: Slot, message: string): void {
    if (!this.slots.includes(slot)) return;
    const slots = this.slots;
    this.slots = [];
    for (const other of slots) if (other !== slot) void other.worker.terminate();
    this.failAll(new Error(message));
  }

  private fail(job: Job, error: Error): void {
    if (job.settled) return;
    job.settled = true;
    this.jobs.delete(job);
    this.queue = this.queue.filter((task) => task.job !== job);
    job.reject(error);
  }

  private failAll(error: Error): void {
    for (const job of [...this.jobs]) this.fail(job, error);
  }
}
