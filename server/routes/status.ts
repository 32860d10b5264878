import { Hono } from 'hono';
import { clearDemo, isDemo } from '../demo/demo-data.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { knownAreas } from '../themes/theme-store.ts';

/** What every screen shows: the council, the threshold, its subcommittees and areas, and whether this is demo data. */
export function statusRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff', 'viewer');
      const { areas, demo } = await deps.cache.get('status', () => deps.db.read(async (scope) => ({ areas: await knownAreas(scope), demo: await isDemo(scope) })));
      return c.json({
        council: deps.settings.name,
        suppressionThreshold: deps.settings.suppressionThreshold,
        subcommittees: deps.settings.subcommittees.map((s) => s.name),
        areas: deps.settings.areas ?? areas,
        demo,
        demoLabel: 'デモデータ',
      });
    })
    .post('/clear-demo', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat');
      await clearDemo(deps.db, user.userId, null, deps.now());
      return c.json({ demo: false });
    });
}
