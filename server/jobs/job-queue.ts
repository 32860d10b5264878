import { randomUUID } from 'node:crypto';
import type { JobKind } from '../../shared/vocabulary.ts';
import type { Database, WriteScope } from '../../pipelines/db/database.ts';
import { failureOf, recordDone, recordFailure, recordStart } from './job-store.ts';

export interface JobEvent {
  type: 'progress' | 'done' | 'failed';
  data: unknown;
}

/** What a job's work is handed: where to report progress, and how to mark itself done inside its own write. */
export interface JobContext {
  id: string;
  progress(data: unknown): void;
  done(scope: WriteScope, resultRef: string | null, summary: unknown): Promise<void>;
}

export interface Job {
  id: string;
  kind: JobKind;
  userId: string;
  /** The latest progress event: a browser that connects late needs no more. */
  progress: JobEvent | null;
  final: JobEvent | null;
}

/** A finished job stays in memory this long after a browser was sent its end (a reload finds it)… */
export const KEEP_DELIVERED_MS = 60_000;
/** …or this long when nobody has followed it; then the stored state answers. */
export const KEEP_UNDELIVERED_MS = 10 * 60_000;
/** And never more finished jobs than this. */
export const MAX_FINISHED = 20;

/**
 * Uploads and analyses, one at a time in the order they were asked for: an analysis
 * started after an upload includes its cases, as the person who uploaded expects. Reads
 * answer throughout (they do not queue here), and a job holds the database's writer only
 * while it stores. A job's start and end
 * are stored, its end in the same write as its work, so that after a restart a browser
 * still learns how it ended. In memory a job keeps only its latest progress and its end.
 */
export class JobQueue {
  private tail: Promise<void> = Promise.resolve();
  private readonly jobs = new Map<string, Job>();
  private readonly listeners = new Map<string, Set<(event: JobEvent) => void>>();
  private readonly finished: string[] = [];

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async enqueue(kind: JobKind, userId: string, fileName: string | null, run: (context: JobContext) => Promise<unknown>): Promise<Job> {
    const job: Job = { id: randomUUID(), kind, userId, progress: null, final: null };
    await recordStart(this.db, { id: job.id, kind, userId, fileName }, this.now());
    this.jobs.set(job.id, job);
    this.tail = this.tail.then(() => this.execute(job, run));
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Jobs held in memory, running or finished. */
  get size(): number {
    return this.jobs.size;
  }

  /** The latest progress, then each new event, until the job ends. */
  async *follow(id: string): AsyncGenerator<JobEvent> {
    const job = this.jobs.get(id);
    if (!job) return;
    const pending: JobEvent[] = job.final ? [job.final] : job.progress ? [job.progress] : [];
    let wake: (() => void) | null = null;
    const listener = (event: JobEvent) => {
      pending.push(event);
      wake?.();
    };
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    try {
      for (;;) {
        const event = pending.shift();
        if (event) {
          yield event;
          if (event.type === 'progress') continue;
          this.evictLater(id, KEEP_DELIVERED_MS);
          return;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
    } finally {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    }
  }

  /** Resolves when every job enqueued so far has ended. */
  idle(): Promise<void> {
    return this.tail;
  }

  private async execute(job: Job, run: (context: JobContext) => Promise<unknown>): Promise<void> {
    let stored = false;
    const context: JobContext = {
      id: job.id,
      progress: (data) => this.emit(job, { type: 'progress', data }),
      done: async (scope, resultRef, summary) => {
        await recordDone(scope, job.id, resultRef, summary, this.now());
        stored = true;
      },
    };
    try {
      const result = await run(context);
      if (!stored) await this.db.write((scope) => recordDone(scope, job.id, null, result, this.now()));
      this.emit(job, { type: 'done', data: result });
    } catch (error) {
      const failure = failureOf(error, job.id);
      await recordFailure(this.db, job.id, failure, this.now()).catch((e: unknown) => failureOf(e, job.id));
      this.emit(job, { type: 'failed', data: failure });
    }
  }

  private emit(job: Job, event: JobEvent): void {
    if (event.type === 'progress') job.progress = event;
    else {
      job.final = event;
      job.progress = null;
      this.finished.push(job.id);
      while (this.finished.length > MAX_FINISHED) this.jobs.delete(this.finished.shift() as string);
      this.evictLater(job.id, KEEP_UNDELIVERED_MS);
    }
    for (const listener of this.listeners.get(job.id) ?? []) listener(event);
  }

  private evictLater(id: string, ms: number): void {
    setTimeout(() => {
      this.jobs.delete(id);
      const at = this.finished.indexOf(id);
      if (at >= 0) this.finished.splice(at, 1);
    }, ms).unref();
  }
}
