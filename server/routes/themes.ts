import { Hono } from 'hono';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { ARROW_MEDIA_TYPE, queryToArrow } from '../arrow/arrow-table.ts';
import { audit } from '../accounts/audit.ts';
import { ApiError, invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { suppressCount } from '../suppression/cell.ts';
import { published } from '../suppression/published.ts';
import { caseExcerpts } from '../../pipelines/themes/excerpts.ts';
import { themeBreakdown } from '../../pipelines/themes/breakdown.ts';
import { FACETS, kwic } from '../../pipelines/text/term-stats.ts';
import { cachedLatestThemes, latestTheme } from '../themes/latest-theme.ts';
import { mergeThemes } from '../themes/merge-themes.ts';
import { splitTheme } from '../themes/split-theme.ts';
import { decisionOf, latestThemes, recentHistory, recordHistory, themeCooccurrence, representativeIds, saveDecision, themeHistory, themesFedBy, themesMatching, themeTerms, type CaseFilter } from '../themes/theme-store.ts';
import { actionLabel, applyAction, availableActions, parseAction, STATUSES, type Status } from '../themes/workflow.ts';

const COUNTS = ['case_count', 'org_count', 'area_count', 'period_count'] as const;
const THEME_CASES = sqlFile(new URL('../themes/', import.meta.url).href, 'sql/theme-cases.sql');

function caseFilter(query: Record<string, string>): CaseFilter {
  const month = (field: string) => {
    const v = query[field];
    if (v === undefined) return null;
    if (!/^\d{4}-\d{2}$/.test(v)) throw invalid(field, `「${field}」は 2024-04 のように年と月で指定してください。`);
    return v;
  };
  return { area: query.area ?? null, disabilityType: query.disabilityType ?? null, ageBand: query.ageBand ?? null, from: month('from'), to: month('to') };
}

/**
 * The proposed themes of the latest run and the council's workflow on them. Coordinators
 * and the secretariat see and decide everything; staff see the themes their own uploads
 * fed, with their status; viewers see aggregates with small counts suppressed.
 */
export function themeRoutes(deps: RouteDeps) {
  const now = deps.now ?? (() => new Date());
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff', 'viewer');
      const status = c.req.query('status');
      if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) throw invalid('status', `状態は ${STATUSES.join('、')} のいずれかにしてください。`);
      const subcommittee = c.req.query('subcommittee');
      const filter = caseFilter(c.req.query());
      const all = await cachedLatestThemes(deps);
      const matching = Object.values(filter).some((v) => v !== null) && all[0] ? await themesMatching(deps.db, String(all[0].run_id), filter) : null;
      let themes = all.filter(
        (t) =>
          (status === undefined || t.status === status) &&
          (subcommittee === undefined || (t.subcommittee ?? t.suggested_subcommittee) === subcommittee) &&
          (matching === null || matching.has(String(t.theme_id))),
      );
      if (user.role === 'staff') {
        const fed = themes[0] ? await themesFedBy(deps.db, String(themes[0].run_id), user.userId) : new Map<string, number>();
        themes = themes.filter((t) => fed.has(String(t.theme_id))).map((t) => ({ theme_id: t.theme_id, name: t.name, status: t.status, subcommittee: t.subcommittee }));
      } else if (published(user.role, c.req.query('published'))) {
        themes = themes.map((t) => ({ ...t, ...Object.fromEntries(COUNTS.map((k) => [k, suppressCount(Number(t[k]), deps.settings.suppressionThreshold)])) }));
      } else {
        themes = themes.map((t) => ({ ...t, actions: availableActions(t.status as Status) }));
      }
      return c.json({ themes });
    })
    .get('/history', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      const entries = await deps.cache.get('history', () => recentHistory(deps.db, 30));
      return c.json({ history: entries.map((h) => ({ ...h, label: actionLabel(String(h.action)) })) });
    })
    .get('/:id', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      const id = c.req.param('id');
      const theme = await latestTheme(deps, id);
      const run = String(theme.run_id);
      const evidence = await deps.cache.get(`evidence:${run}:${id}`, async () => {
        const terms = await themeTerms(deps.db, run, id);
        const ids = await representativeIds(deps.db, run, id, 3);
        const excerpts = await caseExcerpts(deps.db, ids);
        const breakdowns = Object.fromEntries(await Promise.all(FACETS.map(async (f) => [f, await themeBreakdown(deps.db, run, id, f)] as const)));
        const topTerms = terms.slice(0, 3).map((t) => String(t.term));
        const kwicLines = Object.fromEntries(await Promise.all(topTerms.map(async (term) => [term, await kwic(deps.db, term, 20, 10, { runId: run, themeId: id })] as const)));
        const cooccurrence = await themeCooccurrence(deps.db, run, id);
        return { terms, representatives: ids.map((recordId) => ({ recordId, excerpt: excerpts.get(recordId) ?? '' })), breakdowns, kwic: kwicLines, cooccurrence };
      });
      const history = await deps.cache.get(`history:${id}`, () => themeHistory(deps.db, id));
      return c.json({
        theme: { ...theme, actions: availableActions(theme.status as Status) },
        ...evidence,
        history: history.map((h) => ({ ...h, label: actionLabel(String(h.action)) })),
      });
    })
    .get('/:id/cases.arrow', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      const id = c.req.param('id');
      const theme = await latestTheme(deps, id);
      const stream = await queryToArrow(deps.db.connection, THEME_CASES, [String(theme.run_id), id]);
      return c.body(new Uint8Array(stream), 200, { 'content-type': ARROW_MEDIA_TYPE });
    })
    .post('/:id/merge', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const from = c.req.param('id');
      const body = (await c.req.json().catch(() => null)) as { into?: unknown } | null;
      const into = typeof body?.into === 'string' ? body.into : '';
      if (into === '' || into === from) throw invalid('into', '統合先のテーマ（このテーマ以外）を指定してください。');
      const themes = await latestThemes(deps.db);
      const source = themes.find((t) => t.theme_id === from);
      const target = themes.find((t) => t.theme_id === into);
      if (!source || !target) throw new ApiError(404, 'not_found', `テーマ ${source ? into : from} は最新の分析にありません。`);
      const when = now();
      await mergeThemes(deps.db, String(source.run_id), into, from);
      await recordHistory(deps.db, into, user.userId, 'merge', { cases: source.case_count }, { mergedFrom: from }, when);
      await recordHistory(deps.db, from, user.userId, 'merge', { cases: source.case_count }, { mergedInto: into }, when);
      await audit(deps.db, { userId: user.userId, action: 'theme_merge', target: into, before: { from, into }, after: { mergedInto: into } }, when);
      deps.cache.clear();
      return c.json({ themeId: into, mergedFrom: from });
    })
    .post('/:id/split', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const id = c.req.param('id');
      const theme = (await latestThemes(deps.db)).find((t) => t.theme_id === id);
      if (!theme) throw new ApiError(404, 'not_found', `テーマ ${id} は最新の分析にありません。`);
      const when = now();
      const result = await splitTheme(deps.db, String(theme.run_id), id);
      await recordHistory(deps.db, id, user.userId, 'split', { cases: theme.case_count }, { splitInto: result.newId, moved: result.moved }, when);
      await recordHistory(deps.db, result.newId, user.userId, 'split', null, { splitFrom: id, moved: result.moved }, when);
      await audit(deps.db, { userId: user.userId, action: 'theme_split', target: id, after: result }, when);
      deps.cache.clear();
      return c.json({ themeId: id, ...result });
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
