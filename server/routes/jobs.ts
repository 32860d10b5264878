import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { SessionUser } from '../../shared/vocabulary.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import type { JobEvent } from '../jobs/job-queue.ts';
import { findJob, type StoredJob } from '../jobs/job-store.ts';
import { storedUploadReport } from '../uploads/upload-report.ts';

const notFound = () => new ApiError(404, 'not_found', 'その処理の記録はありません。');
const mayFollow = (user: SessionUser, owner: string) => user.role !== 'staff' || owner === user.userId;

/**
 * A job's progress as server-sent events: `progress` events, then one `done` or `failed`.
 * A job no longer in memory (finished long ago, or cut short by a restart) is answered
 * from its stored state with its end alone; `GET /:id` gives that state as JSON.
 */
export function jobRoutes(deps: RouteDeps) {
  /** The end of a job the queue no longer holds, as stored. */
  const storedEnd = async (job: StoredJob): Promise<JobEvent> => {
    if (job.state === 'done') {
      const report = job.kind === 'upload' && job.resultRef ? await deps.db.read((scope) => storedUploadReport(scope, job.resultRef as string)) : null;
      return { type: 'done', data: report ?? job.result };
    }
    return { type: 'failed', data: job.error };
  };
  const stored = async (id: string, user: SessionUser) => {
    const job = await findJob(deps.db, id);
    if (!job || !mayFollow(user, job.userId)) throw notFound();
    return job;
  };
  return new Hono<AppEnv>()
    .get('/:id', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff');
      const job = await stored(c.req.param('id'), user);
      const running = job.state === 'running' && deps.jobs.get(job.id) !== undefined;
      return c.json({ jobId: job.id, kind: job.kind, state: running ? 'running' : job.state === 'running' ? 'failed' : job.state, ...(running ? {} : { end: await storedEnd(job) }) });
    })
    .get('/:id/events', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff');
      const id = c.req.param('id');
      const live = deps.jobs.get(id);
      if (live && !mayFollow(user, live.userId)) throw notFound();
      const events: AsyncIterable<JobEvent> | Iterable<JobEvent> = live ? deps.jobs.follow(id) : [await storedEnd(await stored(id, user))];
      return streamSSE(c, async (stream) => {
        for await (const event of events) await stream.writeSSE({ event: event.type, data: JSON.stringify(event.data) });
      });
    });
}
