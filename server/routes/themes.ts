import { Hono } from 'hono';
import { audit } from '../accounts/audit.ts';
import { ApiError, invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { suppressCount } from '../suppression/cell.ts';
import { decisionOf, latestThemes, saveDecision, themeHistory, themesFedBy, themeTerms } from '../themes/theme-store.ts';
import { applyAction, parseAction, STATUSES } from '../themes/workflow.ts';

const COUNTS = ['case_count', 'org_count', 'area_count', 'period_count'] as const;

/**
 * The proposed themes of the latest run and the council's workflow on them. Coordinators
 * and the secretariat see and decide everything; staff see the themes their own uploads
 * fed, with their status; viewers see aggregates with small counts suppressed.
 */
export function themeRoutes(deps: RouteDeps) {
  const now = deps.now ?? (() => new Date());
  const threshold = deps.settings.suppressionThreshold;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff', 'viewer');
      const status = c.req.query('status');
      if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) throw invalid('status', `状態は ${STATUSES.join('、')} のいずれかにしてください。`);
      const subcommittee = c.req.query('subcommittee');
      let themes = (await deps.cache.get('themes', () => latestThemes(deps.db))).filter(
        (t) => (status === undefined || t.status === status) && (subcommittee === undefined || (t.subcommittee ?? t.suggested_subcommittee) === subcommittee),
      );
      if (user.role === 'staff') {
        const fed = themes[0] ? await themesFedBy(deps.db, String(themes[0].run_id), user.userId) : new Set<string>();
        themes = themes.filter((t) => fed.has(String(t.theme_id))).map((t) => ({ theme_id: t.theme_id, name: t.name, status: t.status, subcommittee: t.subcommittee }));
      } else if (user.role === 'viewer') {
        themes = themes.map((t) => ({ ...t, ...Object.fromEntries(COUNTS.map((k) => [k, suppressCount(Number(t[k]), threshold)])) }));
      }
      return c.json({ themes });
    })
    .get('/:id', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      const id = c.req.param('id');
      const theme = (await deps.cache.get('themes', () => latestThemes(deps.db))).find((t) => t.theme_id === id);
      if (!theme) throw new ApiError(404, 'not_found', `テーマ ${id} は最新の分析にありません。`);
      const run = String(theme.run_id);
      return c.json({
        theme,
        terms: await deps.cache.get(`terms:${run}:${id}`, () => themeTerms(deps.db, run, id)),
        history: await deps.cache.get(`history:${id}`, () => themeHistory(deps.db, id)),
      });
    })
    .post('/:id/actions', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const id = c.req.param('id');
      const before = await decisionOf(deps.db, id);
      if (!before) throw new ApiError(404, 'not_found', `テーマ ${id} はありません。`);
      const action = parseAction(await c.req.json().catch(() => null));
      const when = now();
      const after = applyAction(before, action, deps.settings.subcommittees.map((s) => s.name), when.toISOString().slice(0, 10));
      await saveDecision(deps.db, id, user.userId, action.action, before, after, when);
      deps.cache.clear();
      await audit(deps.db, { userId: user.userId, action: `theme_${action.action}`, target: id, before, after }, when);
      return c.json({ themeId: id, decision: after });
    });
}
