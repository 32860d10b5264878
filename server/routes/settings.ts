import { Hono } from 'hono';
import { withMappingAsAliases } from '../../pipelines/council/header-aliases.ts';
import { parseCouncilSettings } from '../../pipelines/council/settings.ts';
import { readColumnMapping } from '../../pipelines/ingest/column-mapping.ts';
import { bodyField } from '../../pipelines/request-fields.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { saveSettings } from '../settings/stored-settings.ts';

/**
 * The council's settings: read and replaced by the secretariat, checked as the file is; a
 * mapping confirmed on the upload screen is added to the header aliases.
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
    });
}
