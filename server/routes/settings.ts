import { Hono } from 'hono';
import { CouncilSettingsError, parseCouncilSettings } from '../../pipelines/council/settings.ts';
import { audit } from '../accounts/audit.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { saveSettings } from '../settings/stored-settings.ts';

/** The council's settings: read and replaced by the secretariat, checked as the file is. */
export function settingsRoutes(deps: RouteDeps) {
  const now = deps.now ?? (() => new Date());
  return new Hono<AppEnv>()
    .get('/', (c) => {
      requireRole(c.get('user'), 'secretariat');
      return c.json({ settings: deps.settings });
    })
    .put('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat');
      const body = await c.req.json().catch(() => undefined);
      let settings;
      try {
        settings = parseCouncilSettings(body);
      } catch (error) {
        if (error instanceof CouncilSettingsError) throw new ApiError(400, 'invalid', error.message, error.key ?? 'settings');
        throw error;
      }
      const before = deps.settings;
      await saveSettings(deps.db, settings, user.userId, now());
      deps.settings = settings;
      deps.cache.clear();
      await audit(deps.db, { userId: user.userId, action: 'settings_update', before, after: settings }, now());
      return c.json({ settings });
    });
}
