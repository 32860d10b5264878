import { Hono } from 'hono';
import { withMappingAsAliases } from '../../pipelines/council/header-aliases.ts';
import { parseCouncilSettings } from '../../pipelines/council/settings.ts';
import { readColumnMapping } from '../../pipelines/ingest/column-mapping.ts';
import { bodyField } from '../../pipelines/request-fields.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { invalid } from '../http/api-error.ts';
import { councilChoices, isCouncilChoice, switchedSettings } from '../settings/council-switch.ts';
import { saveSettings } from '../settings/stored-settings.ts';

/**
 * The council's settings: read and replaced by the secretariat, checked as the file is; a
 * mapping confirmed on the upload screen is added to the header aliases; or the whole
 * council switched to a shipped one (or a blank one) from the settings screen.
 */
export function settingsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => {
      requireRole(c.get('user'), 'secretariat');
      return c.json({ settings: deps.settings });
    })
    .post('/header-aliases', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat');
      const mapping = bodyField(await c.req.json().catch(() => undefined), 'mapping');
      const settings = withMappingAsAliases(deps.settings, readColumnMapping(mapping));
      await saveSettings(deps.db, deps.settings, settings, user.userId, deps.now());
      deps.settings = settings;
      return c.json({ headerAliases: settings.headerAliases });
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
      const choice = bodyField(await c.req.json().catch(() => undefined), 'council');
      if (!isCouncilChoice(choice)) throw invalid('council', '切り替える協議会を選んでください。');
      const settings = await switchedSettings(deps.settings, choice);
      await saveSettings(deps.db, deps.settings, settings, user.userId, deps.now());
      deps.settings = settings;
      return c.json({ settings });
    });
}
