import { Hono } from 'hono';
import { audit } from '../accounts/audit.ts';
import { isDemo } from '../bootstrap.ts';
import { clearDemo } from '../demo/demo-data.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { knownAreas } from '../themes/theme-store.ts';

/** What every screen shows: the council, the threshold, its subcommittees and areas, and whether this is demo data. */
export function statusRoutes(deps: RouteDeps) {
  const now = deps.now ?? (() => new Date());
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff', 'viewer');
      return c.json({
        council: deps.settings.name,
        suppressionThreshold: deps.settings.suppressionThreshold,
        subcommittees: deps.settings.subcommittees.map((s) => s.name),
        areas: deps.settings.areas ?? (await deps.cache.get('areas', () => knownAreas(deps.db))),
        demo: await isDemo(deps.db),
        demoLabel: 'デモデータ',
      });
    })
    .post('/clear-demo', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat');
      if (!(await clearDemo(deps.db))) throw new ApiError(409, 'not_demo', 'デモデータはありません。');
      deps.cache.clear();
      await audit(deps.db, { userId: user.userId, action: 'demo_clear' }, now());
      return c.json({ demo: false });
    });
}
