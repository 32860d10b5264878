import { Hono } from 'hono';
import { parseCouncilSettings } from '../../pipelines/council/settings.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { saveSettings } from '../settings/stored-settings.ts';

/** The council's settings: read and replaced by the secretariat, checked as the file is. */
export function settingsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => {
      requireRole(c.get('user'), 'secretariat');
      return c.json({ settings: deps.settings });
    })
    .put('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat');
      const settings = parseCouncilSettings(await c.req.json().catch(() => undefined));
      await saveSettings(deps.db, deps.settings, settings, user.userId, deps.now());
      deps.settings = settings;
      return c.json({ settings });
    });
}
