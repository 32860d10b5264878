import { Hono } from 'hono';
import { parseCouncilSettings } from '../../pipelines/council/settings.ts';
import { bodyField } from '../../pipelines/request-fields.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { saveSettings } from '../settings/stored-settings.ts';

/**
 * The council's categories (its plan's headings, its subcommittees' remits): the meeting
 * reads them, the secretariat replaces them. They are checked as the settings file is and
 * take effect at the next analysis, where the cases near each gather under its name.
 */
export function categoryRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      return c.json({ categories: deps.settings.categories ?? [] });
    })
    .put('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat');
      const categories = bodyField(await c.req.json().catch(() => null), 'categories');
      const settings = parseCouncilSettings({ ...deps.settings, categories: categories ?? [] });
      await saveSettings(deps.db, deps.settings, settings, user.userId, deps.now());
      deps.settings = settings;
      return c.json({ categories: settings.categories ?? [] });
    });
}
