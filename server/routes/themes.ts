import { Hono } from 'hono';
import { actionLabel, STATUSES, type Status } from '../../shared/vocabulary.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { bodyField } from '../../pipelines/request-fields.ts';
import { decide } from '../../pipelines/review/decide.ts';
import { mergeThemes } from '../../pipelines/review/merge-themes.ts';
import { splitTheme } from '../../pipelines/review/split-theme.ts';
import { parseRevision } from '../../pipelines/review/theme-state.ts';
import { availableActions, parseAction } from '../../pipelines/review/workflow.ts';
import { themeBreakdown } from '../../pipelines/themes/breakdown.ts';
import { caseExcerpts } from '../../pipelines/themes/excerpts.ts';
import { FACETS, kwic } from '../../pipelines/text/term-stats.ts';
import { ARROW_MEDIA_TYPE } from '../arrow/arrow-table.ts';
import { queryToArrow } from '../arrow/duckdb-columns.ts';
import { invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { suppressCount } from '../suppression/cell.ts';
import { published } from '../suppression/published.ts';
import { cachedLatestThemes, latestTheme, runFigures } from '../themes/latest-theme.ts';
import { publishedThemes } from '../themes/published-themes.ts';
import { recentHistory, representativeIds, themeCooccurrence, themeHistory, themesFedBy, themesMatching, themeTerms, type CaseFilter } from '../themes/theme-store.ts';

const COUNTS = ['case_count', 'org_count', 'area_count', 'period_count', 'secondary_count'] as const;
const THEME_CASES = sqlFile(new URL('../themes/', import.meta.url).href, 'sql/theme-cases.sql');
/** Representative excerpts, and KWIC lines for each of this many top terms, in a theme's detail. */
const EXCERPTS = 3;
const KWIC_TERMS = 3;
const KWIC_LINES = 10;
const KWIC_WIDTH = 20;
const RECENT_DECISIONS = 30;

function caseFilter(query: Record<string, string>): CaseFilter {
  const month = (field: string) => {
    const v = query[field];
    if (v === undefined) return null;
    if (!/^\d{4}-\d{2}$/.test(v)) throw invalid(field, `「${field}」は 2024-04 のように年と月で指定してください。`);
    return v;
  };
  return { area: query.area ?? null, disabilityType: query.disabilityType ?? null, ageBand: query.ageBand ?? null, from: month('from'), to: month('to') };
}

const withLabels = (entries: Array<Record<string, unknown>>) => entries.map((h) => ({ ...h, label: actionLabel(String(h.action)) }));

/**
 * The proposed themes of the latest run and the council's workflow on them. Coordinators
 * and the secretariat see and decide everything; staff see the themes their own uploads
 * fed, with their status; viewers see aggregates with small counts suppressed and themes
 * named without rare terms; KWIC, co-occurrence and a theme's terms stay with the meeting. Every
 * change names the theme's revision it was made on and is refused (409) when stale.
 */
export function themeRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff', 'viewer');
      const status = c.req.query('status');
      if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) throw invalid('status', `状態は ${STATUSES.join('、')} のいずれかにしてください。`);
      const subcommittee = c.req.query('subcommittee');
      const filter = caseFilter(c.req.query());
      const suppress = user.role !== 'staff' && published(user.role, c.req.query('published'));
      // A case worker sees the themes their cases fed, named as published: a label made of
      // another agency's rare term is not theirs to read.
      const all = suppress || user.role === 'staff' ? await publishedThemes(deps) : await cachedLatestThemes(deps);
      const runId = all[0] ? String(all[0].run_id) : null;
      const matching = Object.values(filter).some((v) => v !== null) && runId ? await deps.db.read((scope) => themesMatching(scope, runId, filter)) : null;
      let themes = all.filter(
        (t) =>
          (status === undefined || t.status === status) &&
          (subcommittee === undefined || (t.subcommittee ?? t.suggested_subcommittee) === subcommittee) &&
          (matching === null || matching.has(String(t.theme_id))),
      );
      if (user.role === 'staff') {
        const fed = runId ? await deps.db.read((scope) => themesFedBy(scope, runId, user.userId)) : new Map<string, number>();
        themes = themes.filter((t) => fed.has(String(t.theme_id))).map((t) => ({ theme_id: t.theme_id, name: t.name, status: t.status, subcommittee: t.subcommittee }));
      } else if (suppress) {
        themes = themes.map((t) => ({ ...t, ...Object.fromEntries(COUNTS.map((k) => [k, suppressCount(Number(t[k]), deps.settings.suppressionThreshold)])) }));
      } else {
        themes = themes.map((t) => ({ ...t, actions: availableActions(t.status as Status) }));
      }
      return c.json({ themes });
    })
    .get('/history', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      const entries = await deps.cache.get('history', () => deps.db.read((scope) => recentHistory(scope, RECENT_DECISIONS)));
      return c.json({ history: withLabels(entries) });
    })
    .get('/:id', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      const id = c.req.param('id');
      const theme = await latestTheme(deps, id);
      const evidence = await runFigures(deps, `evidence:${id}`, ({ runId: run }) =>
        deps.db.read(async (scope) => {
          const terms = await themeTerms(scope, run, id);
          const ids = await representativeIds(scope, run, id, EXCERPTS);
          const excerpts = await caseExcerpts(scope, ids);
          const breakdowns = Object.fromEntries(await Promise.all(FACETS.map(async (f) => [f, await themeBreakdown(scope, run, id, f)] as const)));
          const topTerms = terms.slice(0, KWIC_TERMS).map((t) => String(t.term));
          const kwicLines = Object.fromEntries(await Promise.all(topTerms.map(async (term) => [term, await kwic(scope, term, KWIC_WIDTH, KWIC_LINES, { runId: run, themeId: id })] as const)));
          const cooccurrence = await themeCooccurrence(scope, run, id);
          return { terms, representatives: ids.map((recordId) => ({ recordId, excerpt: excerpts.get(recordId) ?? '' })), breakdowns, kwic: kwicLines, cooccurrence };
        }),
      );
      const history = await deps.cache.get(`history:${id}`, () => deps.db.read((scope) => themeHistory(scope, id)));
      return c.json({ theme: { ...theme, actions: availableActions(theme.status as Status) }, ...evidence, history: withLabels(history) });
    })
    .get('/:id/cases.arrow', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      const id = c.req.param('id');
      const theme = await latestTheme(deps, id);
      const stream = await deps.db.read((scope) => queryToArrow(scope, THEME_CASES, [String(theme.run_id), id]));
      return c.body(new Uint8Array(stream), 200, { 'content-type': ARROW_MEDIA_TYPE });
    })
    .post('/:id/merge', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const themeId = c.req.param('id');
      const body = (await c.req.json().catch(() => null)) as { into?: unknown } | null;
      const into = typeof body?.into === 'string' ? body.into : '';
      await mergeThemes(deps.db, { themeId, into, revision: parseRevision(body), userId: user.userId, now: deps.now() });
      return c.json({ themeId: into, mergedFrom: themeId });
    })
    .post('/:id/split', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const themeId = c.req.param('id');
      const body: unknown = await c.req.json().catch(() => null);
      const result = await splitTheme(deps.db, { themeId, revision: parseRevision(body), userId: user.userId, now: deps.now() });
      return c.json({ themeId, ...result });
    })
    .post('/:id/actions', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const themeId = c.req.param('id');
      const body: unknown = await c.req.json().catch(() => null);
      const action = parseAction(body);
      const meeting = bodyField(body, 'meetingId');
      const { decision, revision } = await decide(deps.db, {
        themeId,
        action,
        meetingId: typeof meeting === 'string' && meeting !== '' ? meeting : null,
        revision: parseRevision(body),
        subcommittees: deps.settings.subcommittees.map((s) => s.name),
        userId: user.userId,
        now: deps.now(),
      });
      return c.json({ themeId, decision, revision });
    });
}
