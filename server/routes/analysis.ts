import { Hono } from 'hono';
import { audit } from '../../pipelines/audit/audit-log.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { analyze } from '../../pipelines/themes/analyze.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';

const LIST_RUNS = sqlFile(new URL('../uploads/', import.meta.url).href, 'sql/list-runs.sql');

/**
 * Analysis runs: started by the coordination meeting or the secretariat, one at a time.
 * The clustering runs in a worker thread, so the dashboard keeps answering; the run, its
 * audit entry and the job's end are one write.
 */
export function analysisRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const body = (await c.req.json().catch(() => ({}))) as { full?: unknown };
      const job = await deps.jobs.enqueue('analysis', user.userId, null, async (job) => {
        const result = await analyze(deps.db, {
          settings: deps.settings,
          tokenizeMany: deps.tokenizeMany,
          ...(deps.former ? { former: deps.former } : {}),
          full: body.full === true,
          now: deps.now(),
          onProgress: (stage, done, total) => job.progress({ stage, done, total }),
          alsoStore: async (scope, r) => {
            const summary = { runId: r.runId, cases: r.cases, themes: r.themes.length, unassigned: r.unassigned.length, vanished: r.vanished };
            await audit(scope, { userId: user.userId, action: 'analysis', target: r.runId, after: { cases: r.cases, themes: r.themes.length } }, deps.now());
            await job.done(scope, r.runId, summary);
          },
        });
        return { runId: result.runId, cases: result.cases, themes: result.themes.length, unassigned: result.unassigned.length, vanished: result.vanished };
      });
      return c.json({ jobId: job.id }, 202);
    })
    .get('/', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      return c.json({ runs: await deps.db.read((scope) => scope.rows(LIST_RUNS)) });
    });
}
