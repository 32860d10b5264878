import { Hono } from 'hono';
import { bodyField } from '../../pipelines/request-fields.ts';
import { linkTheme, loadPlanItems, parsePlanCsv, planReport, themeLinks } from '../../pipelines/city-plan/plan-items.ts';
import { invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';

interface ReportItem {
  number: string;
  heading: string;
  themes: Array<{ themeId: string; name: string; status: string; subcommittee: string | null; notes: string | null }>;
}

/**
 * The city's 障害福祉計画: the secretariat loads its items (a CSV of 番号,項目, sent as
 * `{"csv": text}`), the meeting
 * links themes to them, and the annual report lists per item the themes, their status and
 * the council's notes and conclusions.
 */
export function planRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/report', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      const rows = await deps.db.read(planReport);
      const items = new Map<string, ReportItem>();
      for (const r of rows) {
        const number = String(r.number);
        const item = items.get(number) ?? { number, heading: String(r.heading), themes: [] };
        if (r.theme_id !== null && r.status !== null) item.themes.push({ themeId: String(r.theme_id), name: String(r.name), status: String(r.status), subcommittee: r.subcommittee === null ? null : String(r.subcommittee), notes: r.notes === null ? null : String(r.notes) });
        items.set(number, item);
      }
      return c.json({ council: deps.settings.name, items: [...items.values()] });
    })
    .put('/items', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat');
      const csv = bodyField(await c.req.json().catch(() => null), 'csv');
      if (typeof csv !== 'string') throw invalid('file', '計画の CSV（番号,項目）を選んでください。');
      const items = parsePlanCsv(csv);
      await loadPlanItems(deps.db, items, user.userId, deps.now());
      return c.json({ items: items.length });
    })
    .get('/themes/:id', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      return c.json({ numbers: await deps.db.read((scope) => themeLinks(scope, c.req.param('id'))) });
    })
    .put('/themes/:id', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const numbers = bodyField(await c.req.json().catch(() => null), 'numbers');
      if (!Array.isArray(numbers) || !numbers.every((n) => typeof n === 'string')) throw invalid('numbers', '計画の項目の番号を配列（numbers）で送ってください。');
      await linkTheme(deps.db, c.req.param('id'), numbers as string[], user.userId, deps.now());
      return c.json({ themeId: c.req.param('id'), numbers });
    });
}
