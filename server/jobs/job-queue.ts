import { randomUUID } from 'node:crypto';

export interface JobEvent {
  type: 'progress' | 'done' | 'failed';
  data: unknown;
}

export interface Job {
  id: string;
  kind: 'upload' | 'analysis';
  userId: string;
  events: JobEvent[];
  finished: boolean;
}

/**
 * Uploads and analysis runs, one at a time: both write the one database, and two at once
 * could interleave their transactions. Each job keeps its events so that a browser that
 * connects late (or reconnects) is sent everything from the start.
 */
export class JobQueue {
  private tail: Promise<void> = Promise.resolve();
  private readonly jobs = new Map<string, Job>();
  private readonly listeners = new Map<string, Set<(event: JobEvent) => void>>();

  enqueue(kind: Job['kind'], userId: string, run: (progress: (data: unknown) => void) => Promise<unknown>): Job {
    const job: Job = { id: randomUUID(), kind, userId, events: [], finished: false };
    this.jobs.set(job.id, job);
    const emit = (event: JobEvent) => {
      job.events.push(event);
      for (const listener of this.listeners.get(job.id) ?? []) listener(event);
    };
    this.tail = this.tail.then(async () => {
      try {
        emit({ type: 'done', data: await run((data) => emit({ type: 'progress', data })) });
      } catch (error) {
        emit({ type: 'failed', data: { message: error instanceof Error ? error.message : String(error), code: (error as { code?: string }).code ?? 'failed' } });
      } finally {
        job.finished = true;
      }
    });
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Every event so far, then each new one, until the job ends. */
  async *follow(id: string): AsyncGenerator<JobEvent> {
    const job = this.jobs.get(id);
    if (!job) return;
    const pending: JobEvent[] = [...job.events];
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
          if (event.type !== 'progress') return;
          continue;
        }
        if (job.finished) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
    } finally {
      set.delete(listener);
    }
  }

  /** Resolves when every job enqueued so far has ended. */
  idle(): Promise<void> {
    return this.tail;
  }
}
