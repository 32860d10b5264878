import { api } from '../api.ts';
import { fetchArrowRows } from '../arrow.ts';
import { plenaryFootnote } from '../charts/footnote.ts';
import { heatmap, type HeatCell } from '../charts/heatmap.ts';
import { monthlyBars, type MonthlyCount } from '../charts/monthly-bars.ts';
import type { Context } from '../context.ts';
import { el, textTable } from '../dom.ts';
import { periodText } from '../month-series.ts';
import { routeHash } from '../router.ts';
import { publishedTrends, type TrendPeriod } from '../trend-period.ts';
import { shownCount, subcommitteeOf, type ThemeRow } from '../themes.ts';
import { figure } from './figure.ts';

interface Meeting {
  meeting_id: string;
  kind: string;
  held_on: string;
  subcommittee: string | null;
  title: string;
  public: boolean;
}

interface AgendaRow {
  position: number;
  theme_id: string | null;
  item: string | null;
  question: string | null;
}

interface CrossCount {
  area: string;
  disability_type: string;
  cases: number | null;
  suppressed: boolean;
}

/** One agenda theme's pages: what is to be decided, its figures, its charts, and — for an internal meeting — masked excerpts. */
async function themePages(a: AgendaRow, theme: ThemeRow | undefined, meeting: Meeting, ctx: Context, trends: TrendPeriod | null): Promise<HTMLElement> {
  const id = encodeURIComponent(a.theme_id as string);
  const query = meeting.public ? '?published=1' : '';
  const [own, cross, detail] = await Promise.all([
    fetchArrowRows<MonthlyCount>(`/api/exports/themes/${id}/monthly.arrow${query}`),
    fetchArrowRows<CrossCount>(`/api/exports/themes/${id}/heatmap.arrow${query}`),
    meeting.public ? Promise.resolve(null) : api<{ representatives: Array<{ recordId: string; excerpt: string }> }>('GET', `/api/themes/${id}`),
  ]);
  const name = theme?.name ?? a.theme_id ?? '';
  // A public pack shows the trend at the period that suppression leaves readable, as the plenary report does.
  const months = trends ? (trends.series.byTheme.get(a.theme_id as string) ?? []) : own;
  const label = trends?.label ?? '月別';
  const period = periodText(own[0]?.month, own.at(-1)?.month);
  const foot = (suppressed: boolean) => plenaryFootnote({ period, threshold: ctx.status.suppressionThreshold, suppressed, internal: !meeting.public });
  const cells: HeatCell[] = cross.map((c) => ({ row: c.area, column: c.disability_type, cases: c.cases, suppressed: c.suppressed }));
  const facts = theme
    ? textTable(['事例', '事業所', '地区', '月数', '傾向', '専門部会', '状態'], [[shownCount(theme.case_count), shownCount(theme.org_count), shownCount(theme.area_count), shownCount(theme.period_count), theme.trend === undefined ? '—' : `${theme.trend >= 0 ? '+' : ''}${theme.trend.toFixed(2)}`, subcommitteeOf(theme) ?? '—', theme.status]], 'report-table')
    : el('p', { text: 'このテーマは最新の分析にありません。' });
  return el(
    'section',
    { className: 'pack-theme page-break', attrs: { 'data-pack-theme': a.theme_id as string } },
    el('h3', { text: `議題 ${a.position}　${a.theme_id} ${name}` }),
    el('p', { className: 'question', text: `決めること: ${a.question ?? '（未記入）'}` }),
    facts,
    el(
      'div',
      { className: 'small-multiples' },
      figure(monthlyBars(months, { width: 340, height: 180, title: `${name}：${label}の事例数`, footnote: foot(months.some((m) => m.suppressed)) }), `${a.theme_id}-monthly`),
      figure(heatmap(cells, { rows: [...new Set(cells.map((c) => c.row))], columns: [...new Set(cells.map((c) => c.column))], width: 340, title: `${name}：地区 × 障害種別`, footnote: foot(cells.some((c) => c.suppressed)), rowLabel: '地区', columnLabel: '障害種別' }), `${a.theme_id}-heatmap`),
    ),
    detail
      ? el('div', {}, el('h4', { text: '代表的な事例（個人情報は伏せ字のまま、協議会内部用）' }), el('ul', { className: 'excerpts' }, ...detail.representatives.map((r) => el('li', {}, el('strong', { text: `${r.recordId}: ` }), el('span', { text: r.excerpt })))))
      : null,
  );
}

/**
 * The evidence pack for one meeting's agenda, laid out for A4: per theme what is to be
 * decided, its counts, breadth and trend, its monthly chart and 地区 × 障害種別 breakdown, and
 * masked excerpts for an internal meeting only; a public meeting (the plenary always) gets
 * every figure as published, small counts suppressed, and no excerpt.
 */
export async function meetingPackView(main: HTMLElement, ctx: Context, meetingId: string): Promise<void> {
  const record = await api<{ meeting: Meeting; agenda: AgendaRow[] }>('GET', `/api/meetings/${encodeURIComponent(meetingId)}`);
  const m = record.meeting;
  const { themes } = await api<{ themes: ThemeRow[] }>('GET', `/api/themes${m.public ? '?published=1' : ''}`);
  const byId = new Map(themes.map((t) => [t.theme_id, t]));
  const onAgenda = record.agenda.flatMap((a) => (a.theme_id === null ? [] : [a.theme_id]));
  const trends = m.public && onAgenda.length > 0 ? await publishedTrends(onAgenda) : null;
  const pages = await Promise.all(
    record.agenda.map((a) => (a.theme_id === null ? Promise.resolve(el('section', { className: 'pack-item' }, el('h3', { text: `議題 ${a.position}　${a.item ?? ''}` }), a.question ? el('p', { className: 'question', text: `決めること: ${a.question}` }) : null)) : themePages(a, byId.get(a.theme_id), m, ctx, trends))),
  );
  const printButton = el('button', { text: '印刷する（A4）', attrs: { type: 'button', 'data-print': '' } });
  printButton.addEventListener('click', () => window.print());
  main.replaceChildren(
    el(
      'article',
      { className: 'print-report meeting-pack' },
      el('div', { className: 'no-print actions' }, el('a', { text: '← 会議へ', attrs: { href: routeHash('meetings', meetingId) } }), printButton),
      el('h2', { text: `${m.title}　資料` }),
      el('p', { text: `${m.held_on}　${m.kind}${m.subcommittee ? `（${m.subcommittee}）` : ''}　${ctx.status.council}` }),
      el('p', { className: 'pack-audience', text: m.public ? '公開資料：少数の件数は X（非表示）、事例の抜粋は載せていません。' : '協議会内部用：件数はすべて表示し、伏せ字の事例の抜粋を含みます。持ち出さないでください。' }),
      ctx.status.demo ? el('p', { className: 'demo', text: 'デモデータ：架空の事例です' }) : null,
      record.agenda.length === 0 ? el('p', { text: 'まだ議題はありません。' }) : null,
      ...pages,
    ),
  );
}
