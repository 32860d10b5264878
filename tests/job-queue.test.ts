import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../pipelines/domain-error.ts';
import { JobQueue, MAX_FINISHED, type JobEvent } from '../server/jobs/job-queue.ts';
import { failInterruptedJobs, findJob, INTERRUPTED_ANALYSIS, recordStart } from '../server/jobs/job-store.ts';
import { tempDatabase, type TempDatabase } from './helpers/temp-db.ts';

const NOW = new Date('2026-11-21T09:00:00Z');
let temp: TempDatabase;
let queue: JobQueue;
beforeEach(async () => {
  temp = await tempDatabase();
  queue = new JobQueue(temp.db, () => NOW);
});
afterEach(async () => {
  await queue.idle();
  await temp.close();
});

const followed = async (id: string) => {
  const events: JobEvent[] = [];
  for await (const event of queue.follow(id)) events.push(event);
  return events;
};

describe('the job queue', () => {
  it('keeps no more finished jobs in memory than its bound, and answers for the others from the database', async () => {
    const ids: string[] = [];
    for (let i = 0; i < MAX_FINISHED + 10; i++) {
      const job = await queue.enqueue('upload', 'U-1', `file-${i}.csv`, async (context) => {
        context.progress({ stage: 'store', done: 1, total: 1 });
        await temp.db.write((scope) => context.done(scope, `upload-${i}`, { accepted: i }));
        return { accepted: i };
      });
      ids.push(job.id);
    }
    await queue.idle();
    expect(queue.size).toBe(MAX_FINISHED);
    expect(queue.get(ids[0] as string)).toBeUndefined();
    expect(await followed(ids.at(-1) as string)).toEqual([{ type: 'done', data: { accepted: MAX_FINISHED + 9 } }]);
    expect(await findJob(temp.db, ids[0] as string)).toMatchObject({ kind: 'upload', state: 'done', resultRef: 'upload-0', result: { accepted: 0 }, fileName: 'file-0.csv', error: null });
  });

  it('sends a late follower only the latest progress, then the end', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const job = await queue.enqueue('analysis', 'U-1', null, async (context) => {
      for (let done = 1; done <= 5; done++) context.progress({ stage: 'terms', done, total: 5 });
      await gate;
      return { runId: 'R-1' };
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const following = followed(job.id);
    release();
    expect(await following).toEqual([
      { type: 'progress', data: { stage: 'terms', done: 5, total: 5 } },
      { type: 'done', data: { runId: 'R-1' } },
    ]);
  });

  it('tells a person why a job failed in Japanese: a rule\'s own words, or an apology that hides the driver\'s English', async () => {
    const refused = await queue.enqueue('analysis', 'U-1', null, () => Promise.reject(new ConflictError('analysis_stale', '分析の途中でテーマが変更されました。')));
    const broken = await queue.enqueue('upload', 'U-1', 'a.csv', () => Promise.reject(new Error('Current transaction is aborted (please ROLLBACK)')));
    const stderr = process.stderr.write;
    process.stderr.write = () => true;
    try {
      await queue.idle();
    } finally {
      process.stderr.write = stderr;
    }
    expect(await followed(refused.id)).toEqual([{ type: 'failed', data: { code: 'analysis_stale', message: '分析の途中でテーマが変更されました。', retry: false } }]);
    const [failed] = await followed(broken.id);
    expect(failed).toEqual({ type: 'failed', data: { code: 'internal', message: `サーバーで問題が起きたため、処理を終えられませんでした。時間をおいてもう一度お試しください（処理番号 ${broken.id}）。`, retry: true } });
    expect((await findJob(temp.db, broken.id))?.error).toEqual((failed as JobEvent).data);
  });

  it('marks a job the last stop cut short as failed, saying so', async () => {
    await recordStart(temp.db, { id: 'J-1', kind: 'analysis', userId: 'U-1', fileName: null }, NOW);
    expect((await findJob(temp.db, 'J-1'))?.state).toBe('running');
    await failInterruptedJobs(temp.db, NOW);
    expect(await findJob(temp.db, 'J-1')).toMatchObject({ state: 'failed', error: { code: 'interrupted', message: INTERRUPTED_ANALYSIS, retry: true } });
  });
});
