import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import type { JobQueue } from '../jobs/job-queue.ts';

/** A job's progress as server-sent events: `progress` events, then one `done` or `failed`. */
export function jobRoutes(jobs: JobQueue) {
  return new Hono<AppEnv>().get('/:id/events', (c) => {
    const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff');
    const job = jobs.get(c.req.param('id'));
    if (!job || (user.role === 'staff' && job.userId !== user.userId)) throw new ApiError(404, 'not_found', 'その処理はありません。');
    return streamSSE(c, async (stream) => {
      for await (const event of jobs.follow(job.id)) {
        await stream.writeSSE({ event: event.type, data: JSON.stringify(event.data) });
      }
    });
  });
}
