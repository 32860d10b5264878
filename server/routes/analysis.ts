import { Hono } from 'hono';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { analyze } from '../../pipelines/themes/analyze.ts';
import { CHOSEN_METHOD } from '../../pipelines/themes/chosen-method.ts';
import { audit } from '../accounts/audit.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import type { JobQueue } from '../jobs/job-queue.ts';

const LIST_RUNS = sqlFile(new URL('../uploads/', import.meta.url).href, 'sql/list-runs.sql');

/** Analysis runs: started by the coordination meeting or the secretariat, one job at a time. */
export function analysisRoutes(deps: RouteDeps, jobs: JobQueue) {
  const now = deps.now ?? (() => new Date());
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const body = (await c.req.json().catch(() => ({}))) as { full?: unknown };
      const job = jobs.enqueue('analysis', user.userId, async (progress) => {
        const result = await analyze(deps.db, {
          settings: deps.settings,
          tokenizeMany: deps.tokenizeMany,
          method: CHOSEN_METHOD,
          full: body.full === true,
          now: now(),
          onProgress: (stage, done, total) => progress({ stage, done, total }),
        });
        await audit(deps.db, { userId: user.userId, action: 'analysis', target: result.runId, after: { cases: result.cases, themes: result.themes.length } }, now());
        deps.cache.clear();
        return { runId: result.runId, cases: result.cases, themes: result.themes.length, unassigned: result.unassigned.length, vanished: result.vanished };
      });
      return c.json({ jobId: job.id }, 202);
    })
    .get('/', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      return c.json({ runs: (await deps.db.connection.runAndReadAll(LIST_RUNS)).getRowObjectsJson() });
    });
}
