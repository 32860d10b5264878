/** Stage names of uploads and analyses, as the progress line shows them. */
const STAGES: Record<string, string> = { parse: '読み込み', validate: '検査', tokenize: '形態素解析', store: '保存', terms: '語の索引づくり', cluster: 'テーマの分類' };

/**
 * Follows a server job's progress events into a progress bar and a status line; resolves
 * with the job's result, or rejects with its Japanese message.
 */
export function followJob<T>(jobId: string, progress: HTMLProgressElement, line: HTMLElement): Promise<T> {
  return new Promise((resolve, reject) => {
    const events = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
    events.addEventListener('progress', (e) => {
      const p = JSON.parse((e as MessageEvent<string>).data) as { stage: string; done: number; total: number };
      line.textContent = `${STAGES[p.stage] ?? p.stage}中… ${p.done}/${p.total}`;
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
