import { api } from '../api.ts';
import { fetchArrowRows } from '../arrow.ts';
import { plenaryFootnote } from '../charts/footnote.ts';
import { sparkline } from '../charts/sparkline.ts';
import { timeline } from '../charts/timeline-brush.ts';
import { decides, type Context } from '../context.ts';
import { el } from '../dom.ts';
import { monthSeries, periodText, type BreakdownLine, type MonthSeries } from '../month-series.ts';
import { go } from '../router.ts';
import { shownCount, subcommitteeOf, type ThemeRow } from '../themes.ts';
import { areaHeading, groupByArea } from './board-areas.ts';
import { boardFilters, type BoardFilter } from './board-filters.ts';
import { decisionHistory, type HistoryEntry } from './decision-history.ts';
import { figure } from './figure.ts';
import { raisedIssuesSection, type IssueRow } from './raised-issues.ts';
import { themeActions } from './theme-actions.ts';

const HEADERS = ['順位', 'ID', 'テーマ案', '事例', '事業所', '地区', '月数', '推移', '傾向', '専門部会', '状態'];
const NUMERIC = new Set(['事例', '事業所', '地区', '月数', '傾向']);

function themeRow(t: ThemeRow, rank: number, ctx: Context, series: MonthSeries, themes: readonly ThemeRow[], redraw: () => void): HTMLTableRowElement[] {
  const name = decides(ctx) ? el('a', { text: t.name, attrs: { href: `#/themes/${encodeURIComponent(t.theme_id)}`, 'data-theme': t.theme_id } }) : el('span', { text: t.name });
  const suggested = !t.subcommittee && t.suggested_subcommittee;
  const row = el(
    'tr',
    { attrs: { 'data-theme-row': t.theme_id } },
    el('td', { className: 'num', text: String(rank) }),
    el('td', { className: 'nowrap', text: t.theme_id }),
    el('td', {}, name),
    el('td', { className: 'num' }, document.createTextNode(shownCount(t.case_count)), decides(ctx) && typeof t.secondary_count === 'number' && t.secondary_count > 0 ? el('small', { className: 'why', text: `副 ${t.secondary_count}` }) : null),
    ...[t.org_count, t.area_count, t.period_count].map((c) => el('td', { className: 'num', text: shownCount(c) })),
    el('td', {}, sparkline(series.byTheme.get(t.theme_id) ?? [], { months: series.months, label: `${t.name} の月別の事例数` })),
    el('td', { className: 'num', text: t.trend === undefined ? '—' : `${t.trend >= 0 ? '+' : ''}${t.trend.toFixed(2)}` }),
    el('td', {}, el('span', { text: subcommitteeOf(t) ?? '—' }), suggested && t.routing_reason ? el('small', { className: 'why', text: `提案（語: ${t.routing_reason}）` }) : null),
    el('td', { className: 'nowrap', text: t.status }),
  );
  if (!decides(ctx)) return [row];
  const panel = el('tr', { className: 'actions-row' }, el('td', { attrs: { colspan: String(HEADERS.length + 1) } }, themeActions(t, ctx, themes, redraw)));
  panel.hidden = true;
  const toggle = el('button', { text: '操作', attrs: { type: 'button', 'aria-expanded': 'false', 'data-toggle-actions': t.theme_id } });
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
  });
  row.append(el('td', { className: 'no-print nowrap' }, toggle));
  return [row, panel];
}

/**
 * The coordination meeting's board: the latest analysis's themes ranked under their broad
 * areas (each folds away and opens again), each with its counts, a sparkline, the
 * subcommittee and status; a timeline whose brush sets the
 * period, the filters, the actions in place and the latest decisions.
 */
export async function boardView(main: HTMLElement, ctx: Context, filter: BoardFilter, redraw: () => void): Promise<void> {
  const query = new URLSearchParams(Object.entries(filter) as Array<[string, string]>).toString();
  const [{ themes }, lines, history, issues] = await Promise.all([
    api<{ themes: ThemeRow[] }>('GET', `/api/themes${query ? `?${query}` : ''}`),
    fetchArrowRows<BreakdownLine>(`/api/exports/breakdown.arrow?facet=${encodeURIComponent('月')}`),
    decides(ctx) ? api<{ history: HistoryEntry[] }>('GET', '/api/themes/history').then((h) => h.history) : Promise.resolve(null),
    decides(ctx) ? api<{ issues: IssueRow[] }>('GET', '/api/raised-issues').then((r) => r.issues) : Promise.resolve(null),
  ]);
  const series = monthSeries(lines);
  const apply = (f: BoardFilter) => go('board', null, f);
  const selection = filter.from || filter.to ? ([filter.from ?? series.months[0] ?? '', filter.to ?? series.months.at(-1) ?? ''] as const) : null;
  const whole = periodText(series.months[0], series.months.at(-1));
  const brush = timeline(series.total, {
    width: 960,
    height: 150,
    title: `テーマに含まれる事例数の月別推移（${whole}）`,
    footnote: plenaryFootnote({ period: whole, threshold: ctx.status.suppressionThreshold, suppressed: series.total.some((m) => m.suppressed), internal: decides(ctx) }),
    selection,
    onSelect: (range) => apply({ ...filter, from: range?.[0], to: range?.[1] }),
  });
  const header = el('tr', {}, ...HEADERS.map((h) => el('th', { text: h, attrs: { scope: 'col' }, ...(NUMERIC.has(h) ? { className: 'num' } : {}) })), decides(ctx) ? el('th', { className: 'no-print', text: '', attrs: { scope: 'col', 'aria-label': '操作' } }) : null);
  const columns = HEADERS.length + (decides(ctx) ? 1 : 0);
  const body = el(
    'tbody',
    {},
    ...groupByArea(themes).flatMap((group) => {
      const rows = group.themes.flatMap(({ theme, rank }) => themeRow(theme, rank, ctx, series, themes, redraw));
      return [areaHeading(group, columns, rows), ...rows];
    }),
  );
  const period = selection ? `（期間 ${periodText(selection[0], selection[1])} の事例を含むテーマ）` : '';
  main.replaceChildren(
    el('h2', { text: `テーマ案（${themes.length} 件）${period}` }),
    el('p', { className: 'hint no-print', text: '下の図をドラッグすると期間で絞り込めます（図を選んで ← → キーで 1 か月ずつ移動、Esc で解除）。' }),
    ...(decides(ctx) ? [el('p', { className: 'hint', text: '順位と「事例」は各テーマ自身の事例の数です。「副」は、ほかのテーマの事例のうち 2 つ目の課題としてこのテーマにも当てはまる数です（順位には数えません）。' })] : []),
    figure(brush, 'timeline'),
    boardFilters(ctx, filter, apply),
    themes.length === 0 ? el('p', { text: query ? '条件に合うテーマはありません。' : 'まだ分析されたテーマはありません。' }) : el('table', { className: 'board' }, el('thead', {}, header), body),
    ...(issues ? [raisedIssuesSection(issues, themes, ctx.status.subcommittees, redraw)] : []),
    ...(history ? [decisionHistory(history, themes, '最近の決定')] : []),
  );
}
