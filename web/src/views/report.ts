import { api } from '../api.ts';
import { fetchArrowRows } from '../arrow.ts';
import { plenaryFootnote } from '../charts/footnote.ts';
import { heatmap, type HeatCell } from '../charts/heatmap.ts';
import { monthlyBars } from '../charts/monthly-bars.ts';
import type { Context } from '../context.ts';
import { el, textTable } from '../dom.ts';
import { periodText, TOTAL, type BreakdownLine } from '../month-series.ts';
import { LEADING_THEMES } from '../../../shared/trend-period.ts';
import { publishedTrends } from '../trend-period.ts';
import { shownCount, subcommitteeOf, type ThemeRow } from '../themes.ts';
import { figure } from './figure.ts';
import { localDay } from '../../../shared/local-day.ts';

const table = (headers: readonly string[], rows: ReadonlyArray<readonly string[]>) => textTable(headers, rows, 'report-table');

/** A themes × facet breakdown as a heatmap, one row per theme; totals left to the table. */
function breakdownChart(lines: readonly BreakdownLine[], themes: readonly ThemeRow[], facet: string, footnote: (suppressed: boolean) => string): HTMLElement {
  const names = new Map(themes.map((t) => [t.theme_id, `${t.theme_id} ${t.name}`]));
  const cells: HeatCell[] = lines.filter((l) => l.theme_id !== TOTAL && l.value !== TOTAL && names.has(l.theme_id)).map((l) => ({ row: names.get(l.theme_id) as string, column: l.value, cases: l.cases, suppressed: l.suppressed }));
  const svg = heatmap(cells, {
    rows: themes.map((t) => names.get(t.theme_id) as string),
    columns: [...new Set(cells.map((c) => c.column))],
    width: 680,
    title: `テーマ別・${facet}別の事例数`,
    footnote: footnote(cells.some((c) => c.suppressed)),
    rowLabel: 'テーマ',
    columnLabel: facet,
  });
  return figure(svg, `breakdown-${facet}`);
}

/**
 * The period's report for the plenary, laid out for A4: the ranking, each leading theme's
 * trend, breakdowns by 地区 and 障害種別, and the council's decisions. Figures are asked
 * for as published, so small counts are suppressed whoever prints. Prints from the
 * browser; every chart can also be saved on its own.
 */
export async function reportView(main: HTMLElement, ctx: Context): Promise<void> {
  const facet = (name: string) => fetchArrowRows<BreakdownLine>(`/api/exports/breakdown.arrow?facet=${encodeURIComponent(name)}&published=1`);
  const [{ themes }, areas, types] = await Promise.all([api<{ themes: ThemeRow[] }>('GET', '/api/themes?published=1'), facet('地区'), facet('障害種別')]);
  const leading = themes.slice(0, LEADING_THEMES);
  const chosen = await publishedTrends(leading.map((t) => t.theme_id));
  const months = chosen.months;
  const period = periodText(months[0], months.at(-1));
  const footnote = (suppressed: boolean) => plenaryFootnote({ period, threshold: ctx.status.suppressionThreshold, suppressed });
  const printButton = el('button', { text: '印刷する（A4）', attrs: { type: 'button', 'data-print': '' } });
  printButton.addEventListener('click', () => window.print());
  // The server makes both files from the same published figures as this page (server/report).
  const save = (format: 'pptx' | 'xlsx', text: string) => el('a', { className: 'button', text, attrs: { href: `/api/report.${format}`, download: '', 'data-save': format } });
  const ranking = table(
    ['順位', 'ID', 'テーマ', '事例', '事業所', '地区', '月数', '専門部会', '状態'],
    themes.map((t, i) => [String(i + 1), t.theme_id, t.name, shownCount(t.case_count), shownCount(t.org_count), shownCount(t.area_count), shownCount(t.period_count), subcommitteeOf(t) ?? '—', t.status]),
  );
  const trends = leading.map((t) => {
    const data = chosen.series.byTheme.get(t.theme_id) ?? [];
    return figure(monthlyBars(data, { width: 340, height: 180, title: `${t.theme_id} ${t.name}`, footnote: footnote(data.some((m) => m.suppressed)) }), `${t.theme_id}-${chosen.facet}`);
  });
  const decided = themes.filter((t) => t.status !== '候補');
  main.replaceChildren(
    el(
      'article',
      { className: 'print-report' },
      el('div', { className: 'no-print actions' }, el('a', { text: '← テーマ案の一覧へ', attrs: { href: '#/board' } }), printButton, save('pptx', 'PowerPoint で保存'), save('xlsx', 'Excel で保存')),
      el('p', { className: 'no-print footnote', text: 'PDF は「印刷する（A4）」で開く印刷画面の送信先に「PDF に保存」を選ぶと作れます。PowerPoint と Excel のファイルは、この画面と同じ数字（少数は X）で作られ、グラフや表はそのまま編集できます。' }),
      el('h2', { text: `${ctx.status.council} 地域課題の報告` }),
      el('p', { text: `対象期間: ${period || '—'}　作成: ${localDay(new Date())}　出典: mieruka（個別支援会議の記録から集計）` }),
      ctx.status.demo ? el('p', { className: 'demo', text: 'デモデータ：架空の事例です' }) : null,
      el('h3', { text: '1. テーマの順位' }),
      themes.length ? ranking : el('p', { text: 'まだ分析されたテーマはありません。' }),
      el('p', { className: 'footnote', text: `X: 1〜${ctx.status.suppressionThreshold - 1} 件（少数のため非表示）。順位は広がり・継続・件数・増加傾向によるスコアの順。` }),
      el('h3', { className: 'page-break', text: `2. 推移（上位 ${leading.length} テーマ、${chosen.label}）` }),
      chosen.facet === '月' ? null : el('p', { className: 'footnote', text: `月別では少数のため非表示になる件数が多いため、${chosen.label}に集計しています。` }),
      el('div', { className: 'small-multiples' }, ...trends),
      el('h3', { className: 'page-break', text: '3. 内訳' }),
      breakdownChart(areas, themes, '地区', footnote),
      breakdownChart(types, themes, '障害種別', footnote),
      el('h3', { className: 'page-break', text: '4. 協議会の決定' }),
      decided.length ? table(['ID', 'テーマ', '状態', '専門部会'], decided.map((t) => [t.theme_id, t.name, t.status, t.subcommittee ?? '—'])) : el('p', { text: 'まだ決定はありません。' }),
    ),
  );
}
