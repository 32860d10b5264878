import { Hono } from 'hono';
import { parseCouncilSettings } from '../../pipelines/council/settings.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { bodyField } from '../../pipelines/request-fields.ts';
import { invalid } from '../http/api-error.ts';
import { councilChoices, isCouncilChoice, switchedSettings } from '../settings/council-switch.ts';
import { saveSettings } from '../settings/stored-settings.ts';

/**
 * The council's settings: read and replaced by the secretariat, checked as the file is; or
 * switched whole to a shipped council (or a blank one) from the settings screen.
 */
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
    })
    .get('/councils', async (c) => {
      requireRole(c.get('user'), 'secretariat');
      return c.json({ current: deps.settings.name, councils: await councilChoices() });
    })
    .post('/council', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat');
      const body: unknown = await c.req.json().catch(() => undefined);
      const choice = bodyField(body, 'council');
      if (!isCouncilChoice(choice)) throw invalid('council', '切り替える協議会を選んでください。');
      const settings = await switchedSettings(deps.settings, choice);
      await saveSettings(deps.db, deps.settings, settings, user.userId, deps.now());
      deps.settings = settings;
      return c.json({ settings });
    });
}
