import { Hono } from 'hono';
import { addProgress, parsePlan, parseProgress, progressBoard, setPlan, themePlan } from '../../pipelines/subcommittees/plans.ts';
import { invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { localDay } from '../../shared/local-day.ts';

/**
 * The subcommittees' work on the themes referred to them (運営会議 ③): each theme's plan —
 * what is studied, by when, the next report — and its progress notes and reports; and a
 * progress board per subcommittee that shows what is overdue.
 */
export function subcommitteeRoutes(deps: RouteDeps) {
  const today = () => localDay(deps.now());
  return new Hono<AppEnv>()
    .get('/:name/progress', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      const name = c.req.param('name');
      if (!deps.settings.subcommittees.some((s) => s.name === name)) throw invalid('name', `専門部会は ${deps.settings.subcommittees.map((s) => s.name).join('、') || '（設定にありません）'} のいずれかにしてください。`);
      return c.json({ subcommittee: name, today: today(), themes: await deps.db.read((scope) => progressBoard(scope, name, today())) });
    })
    .get('/themes/:id', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      return c.json(await deps.db.read((scope) => themePlan(scope, c.req.param('id'))));
    })
    .put('/themes/:id/plan', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const plan = parsePlan(await c.req.json().catch(() => null));
      await setPlan(deps.db, c.req.param('id'), plan, user.userId, deps.now());
      return c.json({ themeId: c.req.param('id'), plan });
    })
    .post('/themes/:id/progress', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const progress = parseProgress(await c.req.json().catch(() => null), today());
      await addProgress(deps.db, c.req.param('id'), progress, user.userId, deps.now());
      return c.json({ themeId: c.req.param('id'), progress }, 201);
    });
}
