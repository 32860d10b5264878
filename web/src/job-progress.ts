import { JOB_STAGE_LABELS, type ErrorBody } from '../../shared/vocabulary.ts';

/** A job that ended without its result: the server's own words, and whether it may simply be tried again. */
export class JobFailure extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

interface JobEnd {
  type: 'done' | 'failed';
  data: unknown;
}

const stageLabel = (stage: string) => (Object.hasOwn(JOB_STAGE_LABELS, stage) ? JOB_STAGE_LABELS[stage as keyof typeof JOB_STAGE_LABELS] : stage);

/** What the server has stored about a job the event stream could not tell (a restart, a long sleep). */
async function storedEnd(jobId: string): Promise<JobEnd | null> {
  const res = await fetch(`/api/jobs/${encodeURIComponent(jobId)}`, { credentials: 'same-origin' });
  if (!res.ok) return null;
  const body = (await res.json()) as { state: string; end?: JobEnd };
  return body.state === 'running' ? null : (body.end ?? null);
}

/**
 * Follows a server job's progress events into a progress bar and a status line; resolves
 * with the job's result, or rejects with a JobFailure in the server's Japanese words. When
 * the connection drops (the server restarting) the browser reconnects on its own and the
 * server then says how the job ended; should the stream be refused, the stored state is asked.
 */
export function followJob<T>(jobId: string, progress: HTMLProgressElement, line: HTMLElement): Promise<T> {
  return new Promise((resolve, reject) => {
    const events = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
    const finish = (end: JobEnd) => {
      events.close();
      if (end.type === 'done') {
        progress.value = progress.max;
        line.textContent = '完了しました。';
        resolve(end.data as T);
        return;
      }
      const failure = end.data as ErrorBody & { retry?: boolean };
      line.textContent = failure.message;
      reject(new JobFailure(failure.message, failure.retry === true));
    };
    events.addEventListener('progress', (e) => {
      const p = JSON.parse((e as MessageEvent<string>).data) as { stage: string; done: number; total: number };
      line.textContent = `${stageLabel(p.stage)}中… ${p.done}/${p.total}`;
      progress.max = Math.max(1, p.total);
      progress.value = p.done;
    });
    events.addEventListener('done', (e) => finish({ type: 'done', data: JSON.parse((e as MessageEvent<string>).data) }));
    events.addEventListener('failed', (e) => finish({ type: 'failed', data: JSON.parse((e as MessageEvent<string>).data) }));
    events.addEventListener('error', () => {
      if (events.readyState === EventSource.CONNECTING) {
        line.textContent = 'サーバーとの接続が切れました。つなぎ直しています…';
        return;
      }
      void storedEnd(jobId)
        .catch(() => null)
        .then((end) => finish(end ?? { type: 'failed', data: { code: 'unknown_job', message: 'この処理の記録が見つかりません。サーバーが再起動した可能性があります。もう一度お試しください。', retry: true } }));
    });
  });
}
