import { Hono } from 'hono';
import { bodyField } from '../../pipelines/request-fields.ts';
import { decideIssue, listIssues, parseDecision, parseIssue, parseIssuesCsv, raiseIssues } from '../../pipelines/raised/raised-issues.ts';
import { invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { neutralName, publishedThemes } from '../themes/published-themes.ts';
import { localDay } from '../../shared/local-day.ts';

/**
 * Issues raised to the council by related bodies (an account per body) and by
 * subcommittees (entered by the meeting or the secretariat), by form or CSV. They stand on
 * the board beside the themes until the meeting merges one into a theme or sets it aside;
 * whoever raised it sees what became of it — a merged issue, the theme's status from then on,
 * named as published.
 */
export function raisedIssueRoutes(deps: RouteDeps) {
  const today = () => localDay(deps.now());
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = requireRole(c.get('user'), 'staff', 'coordinator', 'secretariat');
      const own = user.role === 'staff';
      const issues = await deps.db.read((scope) => listIssues(scope, own ? user.userId : null));
      if (!own) return c.json({ issues });
      const names = new Map((await publishedThemes(deps)).map((t) => [String(t.theme_id), String(t.name)]));
      return c.json({ issues: issues.map((i) => ({ ...i, theme_name: i.theme_id === null ? null : (names.get(String(i.theme_id)) ?? neutralName(String(i.theme_id))) })) });
    })
    .post('/', async (c) => {
      const user = requireRole(c.get('user'), 'staff', 'coordinator', 'secretariat');
      const body: unknown = await c.req.json().catch(() => null);
      const csv = bodyField(body, 'csv');
      if (csv !== undefined && typeof csv !== 'string') throw invalid('file', '課題の CSV を選んでください。');
      const issues = typeof csv === 'string' ? parseIssuesCsv(csv, today()) : [parseIssue(body, today())];
      return c.json({ issueIds: await raiseIssues(deps.db, issues, user.userId, deps.now()) }, 201);
    })
    .post('/:id/decision', async (c) => {
      const user = requireRole(c.get('user'), 'coordinator', 'secretariat');
      const decision = parseDecision(await c.req.json().catch(() => null));
      await decideIssue(deps.db, c.req.param('id'), decision, user.userId, deps.now());
      return c.json({ issueId: c.req.param('id'), ...decision });
    });
}
