import { Hono } from 'hono';
import type { Row } from '../../pipelines/db/database.ts';
import { audit } from '../../pipelines/audit/audit-log.ts';
import { toArrowStream, ARROW_MEDIA_TYPE } from '../arrow/arrow-table.ts';
import { toExcelCsv } from '../export/csv-export.ts';
import { ANY_TERM, FACETS, termFrequencies, type Facet } from '../../pipelines/text/term-stats.ts';
import { invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { isSuppressed, suppressCount, type Cell } from '../suppression/cell.ts';
import { suppressSeries } from '../suppression/series.ts';
import { breakdownTable, countGrid, crossTable, type BreakdownLine } from '../themes/breakdown-table.ts';
import { latestTheme, runFigures } from '../themes/latest-theme.ts';
import { published } from '../suppression/published.ts';
import { publishedTermFloor } from '../suppression/terms.ts';
import { publishedThemes } from '../themes/published-themes.ts';
import { runBreakdown } from '../themes/run-breakdown.ts';
import { monthlyCases, themeCross } from '../themes/theme-store.ts';

const shown = (cell: Cell) => (isSuppressed(cell) ? cell.marker : cell.value);

function facetOf(value: string | undefined): Facet {
  if (value === undefined || !(FACETS as readonly string[]).includes(value)) throw invalid('facet', `facet は ${FACETS.join('、')} のいずれかにしてください。`);
  return value as Facet;
}

function breakdownArrow(lines: readonly BreakdownLine[]): Uint8Array {
  return toArrowStream([
    { name: 'theme_id', type: 'utf8', values: lines.map((l) => l.themeId) },
    { name: 'value', type: 'utf8', values: lines.map((l) => l.value) },
    { name: 'cases', type: 'int32', values: lines.map((l) => l.cases) },
    { name: 'suppressed', type: 'bool', values: lines.map((l) => l.suppressed) },
  ]);
}

/**
 * Data for the plenary's materials: the theme list as an Excel CSV, breakdowns, terms and
 * each theme's monthly counts and 地区 × 障害種別 table as Arrow. Every CSV suppresses small
 * counts and names themes without rare terms whoever asks; Arrow tables are suppressed for
 * viewers and with `?published=1` (a suppressed cell is null with `suppressed` true), and
 * the term list then leaves out every term below the council's threshold of cases.
 */
export function exportRoutes(deps: RouteDeps) {
  const logged = (userId: string, action: string, target: string) => deps.db.write((scope) => audit(scope, { userId, action, target }, deps.now()));
  const themeBreakdown = (themes: readonly Row[], facet: Facet, threshold: number | null): Promise<BreakdownLine[]> =>
    themes[0] ? deps.db.read((scope) => breakdownTable(scope, String(themes[0]?.run_id), themes.map((t) => String(t.theme_id)), facet, threshold)) : Promise.resolve([]);
  return new Hono<AppEnv>()
    .get('/themes.csv', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'viewer');
      const themes = await publishedThemes(deps);
      const rows = themes.map((t) => [
        String(t.theme_id),
        String(t.name),
        String(t.status),
        (t.subcommittee ?? t.suggested_subcommittee ?? '') as string,
        shown(suppressCount(Number(t.case_count), deps.settings.suppressionThreshold)),
        shown(suppressCount(Number(t.org_count), deps.settings.suppressionThreshold)),
        shown(suppressCount(Number(t.area_count), deps.settings.suppressionThreshold)),
        Number(t.period_count),
        String(t.first_seen).slice(0, 7),
        String(t.last_seen).slice(0, 7),
        Number(t.trend),
        Number(t.score),
      ]);
      const csv = toExcelCsv(['ID', 'テーマ', '状態', '専門部会', '事例数', '事業所数', '地区数', '月数', '初出', '最新', '傾向', 'スコア'], rows);
      await logged(user.userId, 'export_themes_csv', `${rows.length} themes`);
      return c.body(new Uint8Array(csv), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="themes.csv"' });
    })
    .get('/breakdown.arrow', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'viewer');
      const facet = facetOf(c.req.query('facet'));
      const suppress = published(user.role, c.req.query('published'));
      const threshold = suppress ? deps.settings.suppressionThreshold : null;
      const lines = await runBreakdown(deps, facet, threshold);
      return c.body(new Uint8Array(breakdownArrow(lines)), 200, { 'content-type': ARROW_MEDIA_TYPE });
    })
    .get('/terms.arrow', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'viewer');
      const top = Number(c.req.query('top') ?? 100);
      if (!Number.isInteger(top) || top < 1 || top > 10_000) throw invalid('top', 'top は 1〜10000 の整数にしてください。');
      const suppress = published(user.role, c.req.query('published'));
      // Published, a rare term is left out rather than listed with its count hidden: the term itself can identify.
      const floor = suppress ? publishedTermFloor(deps.settings.suppressionThreshold) : ANY_TERM;
      const terms = await runFigures(deps, `terms:${top}:${floor.documents}:${floor.agencies}`, () => deps.db.read((scope) => termFrequencies(scope, top, floor)));
      const cells = terms.map((t) => (suppress ? suppressCount(t.documents, deps.settings.suppressionThreshold) : { value: t.documents }));
      const stream = toArrowStream([
        { name: 'term', type: 'utf8', values: terms.map((t) => t.term) },
        { name: 'frequency', type: 'int32', values: terms.map((t, i) => (isSuppressed(cells[i] as Cell) ? null : t.frequency)) },
        { name: 'cases', type: 'int32', values: cells.map((cell) => (isSuppressed(cell) ? null : cell.value)) },
        { name: 'suppressed', type: 'bool', values: cells.map((cell) => isSuppressed(cell)) },
      ]);
      return c.body(new Uint8Array(stream), 200, { 'content-type': ARROW_MEDIA_TYPE });
    })
    .get('/breakdown.csv', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'viewer');
      const facet = facetOf(c.req.query('facet'));
      const themes = await publishedThemes(deps);
      const lines = await themeBreakdown(themes, facet, deps.settings.suppressionThreshold);
      const name = new Map(themes.map((t) => [String(t.theme_id), String(t.name)]));
      const csv = toExcelCsv(['ID', 'テーマ', facet, '事例数'], lines.map((l) => [l.themeId, name.get(l.themeId) ?? l.themeId, l.value, l.suppressed ? 'X' : l.cases]));
      await logged(user.userId, 'export_breakdown_csv', facet);
      return c.body(new Uint8Array(csv), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="breakdown.csv"' });
    })
    .get('/themes/:id/monthly.arrow', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'viewer');
      const id = c.req.param('id');
      await latestTheme(deps, id);
      const months = await runFigures(deps, `monthly:${id}`, ({ runId }) => deps.db.read((scope) => monthlyCases(scope, runId, id)));
      const counts = months.map((m) => Number(m.cases));
      const cells = published(user.role, c.req.query('published')) ? suppressSeries(months.map((m) => String(m.month)), counts, deps.settings.suppressionThreshold).cells : counts.map((value) => ({ value }));
      const stream = toArrowStream([
        { name: 'month', type: 'utf8', values: months.map((m) => String(m.month)) },
        { name: 'cases', type: 'int32', values: cells.map((cell) => (isSuppressed(cell) ? null : cell.value)) },
        { name: 'suppressed', type: 'bool', values: cells.map((cell) => isSuppressed(cell)) },
      ]);
      return c.body(new Uint8Array(stream), 200, { 'content-type': ARROW_MEDIA_TYPE });
    })
    .get('/themes/:id/heatmap.arrow', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'viewer');
      const id = c.req.param('id');
      await latestTheme(deps, id);
      const found = await runFigures(deps, `cross:${id}`, ({ runId }) => deps.db.read((scope) => themeCross(scope, runId, id)));
      const areas = [...new Set(found.map((r) => String(r.area)))];
      const types = [...new Set(found.map((r) => String(r.disability_type)))].sort();
      const counts = countGrid(found.map((r) => ({ row: String(r.area), column: String(r.disability_type), cases: Number(r.cases) })), areas, types);
      const { cells } = crossTable(areas, types, counts, published(user.role, c.req.query('published')) ? deps.settings.suppressionThreshold : null);
      const flat = areas.flatMap((area, i) => types.map((type, j) => ({ area, type, cell: cells[i]?.[j] as Cell })));
      const stream = toArrowStream([
        { name: 'area', type: 'utf8', values: flat.map((f) => f.area) },
        { name: 'disability_type', type: 'utf8', values: flat.map((f) => f.type) },
        { name: 'cases', type: 'int32', values: flat.map((f) => (isSuppressed(f.cell) ? null : f.cell.value)) },
        { name: 'suppressed', type: 'bool', values: flat.map((f) => isSuppressed(f.cell)) },
      ]);
      return c.body(new Uint8Array(stream), 200, { 'content-type': ARROW_MEDIA_TYPE });
    });
}
