import { api } from '../api.ts';
import { fetchArrowRows } from '../arrow.ts';
import { cooccurrenceNetwork } from '../charts/cooccurrence-network.ts';
import { plenaryFootnote } from '../charts/footnote.ts';
import { heatmap, type HeatCell } from '../charts/heatmap.ts';
import { monthlyBars, type MonthlyCount } from '../charts/monthly-bars.ts';
import { termBars } from '../charts/term-bars.ts';
import type { Context } from '../context.ts';
import { el } from '../dom.ts';
import { periodText } from '../month-series.ts';
import { routingWhy, subcommitteeOf, type ThemeRow } from '../themes.ts';
import { decisionHistory, type HistoryEntry } from './decision-history.ts';
import { figure } from './figure.ts';
import { themeActions } from './theme-actions.ts';
import { themeCases } from './theme-cases.ts';
import { themePlan } from './theme-plan.ts';
import { themePlanItems } from './theme-plan-items.ts';

interface Detail {
  theme: ThemeRow & { case_count: number; secondary_count?: number };
  terms: Array<{ term: string; weight: number }>;
  representatives: Array<{ recordId: string; excerpt: string }>;
  kwic: Record<string, Array<{ recordId: string; left: string; keyword: string; right: string }>>;
  cooccurrence: Array<{ a: string; b: string; together: number; jaccard: number }>;
  history: HistoryEntry[];
}

interface CrossCount {
  area: string;
  disability_type: string;
  cases: number | null;
  suppressed: boolean;
}

function kwicList(kwic: Detail['kwic']): HTMLElement {
  return el(
    'div',
    { className: 'kwic' },
    ...Object.entries(kwic).map(([term, lines]) =>
      el(
        'section',
        {},
        el('h4', { text: `「${term}」` }),
        el('ul', {}, ...lines.slice(0, 5).map((l) => el('li', { className: 'kwic' }, el('span', { className: 'left', text: l.left }), el('mark', { text: l.keyword }), el('span', { text: l.right })))),
      ),
    ),
  );
}

/** One theme's evidence for the meeting: charts, words, excerpts, cases, and the actions on it. */
export async function themeDetailView(main: HTMLElement, ctx: Context, themeId: string, redraw: () => void, meetingId: string | null = null): Promise<void> {
  const id = encodeURIComponent(themeId);
  const [detail, months, cross, { themes }] = await Promise.all([
    api<Detail>('GET', `/api/themes/${id}`),
    fetchArrowRows<MonthlyCount>(`/api/exports/themes/${id}/monthly.arrow`),
    fetchArrowRows<CrossCount>(`/api/exports/themes/${id}/heatmap.arrow`),
    api<{ themes: ThemeRow[] }>('GET', '/api/themes'),
  ]);
  const t = detail.theme;
  const threshold = ctx.status.suppressionThreshold;
  const period = periodText(months[0]?.month, months.at(-1)?.month);
  const foot = (suppressed: boolean) => plenaryFootnote({ period, threshold, suppressed, internal: true });
  const cells: HeatCell[] = cross.map((c) => ({ row: c.area, column: c.disability_type, cases: c.cases, suppressed: c.suppressed }));
  const charts = [
    figure(monthlyBars(months, { width: 640, height: 240, title: `${t.name}：月別の事例数（${period}）`, footnote: foot(months.some((m) => m.suppressed)) }), `${t.theme_id}-monthly`),
    figure(
      heatmap(cells, {
        rows: [...new Set(cells.map((c) => c.row))],
        columns: [...new Set(cells.map((c) => c.column))],
        width: 640,
        title: `${t.name}：地区 × 障害種別の事例数`,
        footnote: foot(cells.some((c) => c.suppressed)),
        rowLabel: '地区',
        columnLabel: '障害種別',
      }),
      `${t.theme_id}-heatmap`,
    ),
    figure(termBars(detail.terms, { width: 640, title: `${t.name}：特徴的な語（c-TF-IDF）`, footnote: foot(false) }), `${t.theme_id}-terms`),
    figure(
      cooccurrenceNetwork(detail.cooccurrence, { width: 640, height: 420, title: `${t.name}：語の共起（同じ事例に現れる語の組）`, footnote: foot(false), weights: new Map(detail.terms.map((x) => [x.term, x.weight])) }),
      `${t.theme_id}-network`,
    ),
  ];
  main.replaceChildren(
    el('p', { className: 'no-print' }, el('a', { text: '← テーマ案の一覧へ', attrs: { href: '#/board' } })),
    el('h2', { text: `${t.theme_id} ${t.name}` }),
    el('p', { className: 'theme-facts', text: `状態: ${t.status}　事例 ${t.case_count} 件${t.secondary_count ? `（ほかに 2 つ目のテーマとして ${t.secondary_count} 件）` : ''}　専門部会: ${subcommitteeOf(t) ?? '—'}` }),
    el('p', { className: 'why', text: `なぜこの専門部会か: ${routingWhy(t)}` }),
    ...(meetingId ? [el('p', { className: 'hint', attrs: { 'data-in-meeting': meetingId }, text: `会議 ${meetingId} の議題として開いています。ここでの決定は、その会議の決定として記録されます。` })] : []),
    themeActions(t, ctx, themes, redraw, meetingId),
    ...[await themePlan(t, redraw, meetingId), await themePlanItems(t.theme_id)].filter((x): x is HTMLElement => x !== null),
    el('div', { className: 'charts' }, ...charts),
    el('h3', { text: 'キーワードの使われ方（KWIC）' }),
    kwicList(detail.kwic),
    el('h3', { text: '代表的な事例（個人情報は伏せ字のまま）' }),
    el('ul', { className: 'excerpts' }, ...detail.representatives.map((r) => el('li', {}, el('strong', { text: `${r.recordId}: ` }), el('span', { text: r.excerpt })))),
    await themeCases(t, themes, redraw),
    decisionHistory(detail.history, themes, '決定の記録'),
  );
}
