import { JOB_STAGE_LABELS } from '../../shared/vocabulary.ts';

/**
 * Follows a server job's progress events into a progress bar and a status line; resolves
 * with the job's result, or rejects with its Japanese message.
 */
export function followJob<T>(jobId: string, progress: HTMLProgressElement, line: HTMLElement): Promise<T> {
  return new Promise((resolve, reject) => {
    const events = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
    events.addEventListener('progress', (e) => {
      const p = JSON.parse((e as MessageEvent<string>).data) as { stage: string; done: number; total: number };
      line.textContent = `${Object.hasOwn(JOB_STAGE_LABELS, p.stage) ? JOB_STAGE_LABELS[p.stage as keyof typeof JOB_STAGE_LABELS] : p.stage}中… ${p.done}/${p.total}`;
      progress.max = Math.max(1, p.total);
      progress.value = p.done;
    });
    events.addEventListener('done', (e) => {
      events.close();
      progress.value = progress.max;
      line.textContent = '完了しました。';
      resolve(JSON.parse((e as MessageEvent<string>).data) as T);
    });
    events.addEventListener('failed', (e) => {
      events.close();
      const message = (JSON.parse((e as MessageEvent<string>).data) as { message: string }).message;
      line.textContent = message;
      reject(new Error(message));
    });
  });
}
