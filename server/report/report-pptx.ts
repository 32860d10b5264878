import pptxgen from 'pptxgenjs';
import type { PeriodCount } from '../../shared/period-series.ts';
import { SUPPRESSED_MARKER } from '../suppression/cell.ts';
import type { ReportBreakdown, ReportCell, ReportModel } from './report-model.ts';

// pptxgenjs's types are read as CommonJS (its package has no "type"), while Node loads its ES
// build, whose default export is the class itself.
const PptxGenJS = pptxgen as unknown as typeof pptxgen.default;
type PptxGenJS = pptxgen.default;

/**
 * Meiryo: on every Windows PC since Vista, so on every council office's machine, where the
 * deck is opened and restyled; drawn for screens, it stays legible on a projector where Yu
 * Gothic's thin default weight fades. A font that is not installed (Noto Sans CJK JP) would
 * be substituted by PowerPoint and reflow every slide.
 */
export const REPORT_FONT = 'Meiryo';
const LANG = 'ja-JP';
/** PowerPoint's own default slide size (16:9, inches). */
const SLIDE_WIDTH = 13.333;
const MARGIN = 0.5;
const CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN;
const CONTENT_TOP = 1.35;
const CONTENT_HEIGHT = 5.0;
const FOOTER_TOP = 6.55;
const TABLE_ROWS_PER_SLIDE = 12;
const TRENDS_PER_SLIDE = 4;
/** Okabe–Ito blue, as the dashboard's bars. */
const BAR_COLOR = '0072B2';
const HEADER_FILL = 'E8EEF4';
/** A zero label is left out: a suppressed bar is drawn as 0 and says X in its category instead. */
const COUNT_LABEL_FORMAT = '#,##0;;;';

const text = (cell: ReportCell): string => (cell.suppressed ? SUPPRESSED_MARKER : String(cell.cases ?? 0));
/** A chart's category: a suppressed one is marked, its bar drawn as 0 — the count never enters the file. */
export const chartCategory = (label: string, suppressed: boolean): string => (suppressed ? `${label}（${SUPPRESSED_MARKER}）` : label);
const chartValue = (cell: { cases: number | null; suppressed: boolean }): number => (cell.suppressed ? 0 : (cell.cases ?? 0));

type Slide = ReturnType<PptxGenJS['addSlide']>;
type TableRow = Parameters<Slide['addTable']>[0][number];

function pages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

/** Every slide: its title, the period, and at the foot the source and the suppression footnote. */
function slideWith(pptx: PptxGenJS, model: ReportModel, title: string): Slide {
  const slide = pptx.addSlide();
  const base = { fontFace: REPORT_FONT, lang: LANG, color: '222222' };
  slide.addText(title, { ...base, x: MARGIN, y: 0.3, w: CONTENT_WIDTH, h: 0.6, fontSize: 24, bold: true });
  slide.addText(`対象期間: ${model.period || '—'}`, { ...base, x: MARGIN, y: 0.9, w: CONTENT_WIDTH, h: 0.35, fontSize: 12 });
  slide.addText([{ text: model.source, options: { breakLine: true } }, { text: model.footnote }], { ...base, x: MARGIN, y: FOOTER_TOP, w: CONTENT_WIDTH, h: 0.6, fontSize: 10, color: '555555' });
  return slide;
}

function addTable(slide: Slide, headers: readonly string[], rows: ReadonlyArray<readonly string[]>, widths: readonly number[], numeric: (column: number) => boolean): void {
  const cell = (value: string, column: number, header: boolean) => ({ text: value, options: { lang: LANG, bold: header, fill: header ? { color: HEADER_FILL } : undefined, align: numeric(column) && !header ? ('right' as const) : ('left' as const) } });
  const body: TableRow[] = [headers.map((h, j) => cell(h, j, true)), ...rows.map((r) => r.map((v, j) => cell(v, j, false)))];
  const scale = CONTENT_WIDTH / widths.reduce((a, b) => a + b, 0);
  slide.addTable(body, { x: MARGIN, y: CONTENT_TOP, w: CONTENT_WIDTH, colW: widths.map((w) => w * scale), fontFace: REPORT_FONT, lang: LANG, fontSize: 11, border: { type: 'solid', pt: 0.5, color: '999999' }, valign: 'middle' });
}

function barChart(pptx: PptxGenJS, slide: Slide, name: string, points: ReadonlyArray<{ label: string; cell: ReportCell | PeriodCount }>, place: { x: number; y: number; w: number; h: number }, title: string): void {
  slide.addChart(pptx.ChartType.bar, [{ name, labels: points.map((p) => chartCategory(p.label, p.cell.suppressed)), values: points.map((p) => chartValue(p.cell)) }], {
    ...place,
    barDir: 'col',
    chartColors: [BAR_COLOR],
    showTitle: true,
    title,
    titleFontFace: REPORT_FONT,
    titleFontSize: 12,
    showValue: true,
    dataLabelFormatCode: COUNT_LABEL_FORMAT,
    dataLabelFontFace: REPORT_FONT,
    dataLabelFontSize: 9,
    catAxisLabelFontFace: REPORT_FONT,
    catAxisLabelFontSize: 9,
    valAxisLabelFontFace: REPORT_FONT,
    valAxisLabelFontSize: 9,
    valAxisMinVal: 0,
    lang: LANG,
  });
}

const nothingYet = (slide: Slide) => slide.addText('まだ分析されたテーマはありません。', { x: MARGIN, y: CONTENT_TOP, w: CONTENT_WIDTH, h: 0.5, fontFace: REPORT_FONT, lang: LANG, fontSize: 14 });

function titleSlide(pptx: PptxGenJS, model: ReportModel): void {
  const slide = slideWith(pptx, model, model.title);
  const lines = ['全体会の資料', `作成: ${model.createdOn}`, ...(model.demo ? ['デモデータ：架空の事例です'] : [])];
  slide.addText(lines.map((line, i) => ({ text: line, options: { breakLine: i < lines.length - 1 } })), { x: MARGIN, y: 2.5, w: CONTENT_WIDTH, h: 2, fontFace: REPORT_FONT, lang: LANG, fontSize: 20 });
}

function rankingSlides(pptx: PptxGenJS, model: ReportModel): void {
  const chunks = pages(model.ranking, TABLE_ROWS_PER_SLIDE);
  chunks.forEach((chunk, i) => {
    const slide = slideWith(pptx, model, `1. テーマの順位${chunks.length > 1 ? `（${i + 1}/${chunks.length}）` : ''}`);
    if (model.ranking.length === 0) return void nothingYet(slide);
    addTable(
      slide,
      ['順位', 'ID', 'テーマ', '事例', '事業所', '地区', '月数', '専門部会', '状態'],
      chunk.map((t) => [String(t.rank), t.themeId, t.name, text(t.cases), text(t.agencies), text(t.areas), text(t.months), t.subcommittee ?? '—', t.status]),
      [0.6, 0.9, 4.2, 0.7, 0.8, 0.7, 0.7, 2.0, 1.2],
      (j) => j === 0 || (j >= 3 && j <= 6),
    );
  });
}

function trendSlides(pptx: PptxGenJS, model: ReportModel): void {
  const { trends } = model;
  const chunks = pages(trends.themes, TRENDS_PER_SLIDE);
  const halfW = CONTENT_WIDTH / 2;
  const halfH = CONTENT_HEIGHT / 2;
  chunks.forEach((chunk, i) => {
    const slide = slideWith(pptx, model, `2. 推移（上位 ${trends.themes.length} テーマ、${trends.label}）${chunks.length > 1 ? `（${i + 1}/${chunks.length}）` : ''}`);
    if (trends.facet !== '月') slide.addText(`月別では少数のため非表示になる件数が多いため、${trends.label}に集計しています。`, { x: MARGIN + 5, y: 0.9, w: CONTENT_WIDTH - 5, h: 0.35, fontFace: REPORT_FONT, lang: LANG, fontSize: 10, align: 'right' });
    if (trends.themes.length === 0) return void nothingYet(slide);
    chunk.forEach((t, k) => {
      const place = { x: MARGIN + (k % 2) * halfW, y: CONTENT_TOP + Math.floor(k / 2) * halfH, w: halfW - 0.1, h: halfH - 0.1 };
      barChart(pptx, slide, `${t.themeId} ${t.name}`, t.periods.map((p) => ({ label: p.month, cell: p })), place, `${t.themeId} ${t.name}`);
    });
  });
}

function breakdownSlides(pptx: PptxGenJS, model: ReportModel, b: ReportBreakdown): void {
  const chart = slideWith(pptx, model, `3. 内訳（${b.facet}別）`);
  // Before the first analysis there is nothing to chart: an empty chart would only look broken.
  if (b.values.length === 0) return void nothingYet(chart);
  barChart(pptx, chart, `${b.facet}別の事例数（テーマ計）`, b.values.map((v, j) => ({ label: v, cell: b.totals[j] as ReportCell })), { x: MARGIN, y: CONTENT_TOP, w: CONTENT_WIDTH, h: CONTENT_HEIGHT }, `${b.facet}別の事例数（全テーマの計、合計 ${text(b.total)} 件）`);
  const chunks = pages(b.rows, TABLE_ROWS_PER_SLIDE);
  chunks.forEach((chunk, i) => {
    const slide = slideWith(pptx, model, `3. 内訳（テーマ別・${b.facet}別の事例数）${chunks.length > 1 ? `（${i + 1}/${chunks.length}）` : ''}`);
    const last = i === chunks.length - 1;
    const rows = chunk.map((r) => [r.themeId, r.name, ...r.cells.map(text), text(r.total)]);
    if (last) rows.push(['合計', '', ...b.totals.map(text), text(b.total)]);
    addTable(slide, ['ID', 'テーマ', ...b.values, '合計'], rows, [0.9, 3.6, ...b.values.map(() => 0.8), 0.8], (j) => j >= 2);
  });
}

function decisionSlide(pptx: PptxGenJS, model: ReportModel): void {
  const chunks = pages(model.decisions, TABLE_ROWS_PER_SLIDE);
  chunks.forEach((chunk, i) => {
    const slide = slideWith(pptx, model, `4. 協議会の決定${chunks.length > 1 ? `（${i + 1}/${chunks.length}）` : ''}`);
    if (model.decisions.length === 0) return void slide.addText('まだ決定はありません。', { x: MARGIN, y: CONTENT_TOP, w: CONTENT_WIDTH, h: 0.5, fontFace: REPORT_FONT, lang: LANG, fontSize: 14 });
    addTable(slide, ['ID', 'テーマ', '状態', '専門部会'], chunk.map((d) => [d.themeId, d.name, d.status, d.subcommittee ?? '—']), [1, 6, 1.6, 3], () => false);
  });
}

/**
 * The report as an editable PowerPoint deck: a title slide, then one slide or more per part
 * of the print view, the ranking and breakdowns as native tables and every chart a native
 * bar chart with its data, for the secretariat to restyle. A suppressed count is not in the
 * file at all: its cell says X, its bar is 0 with X in its category.
 */
export async function reportPptx(model: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = model.title;
  pptx.company = model.council;
  pptx.author = 'mieruka';
  pptx.theme = { headFontFace: REPORT_FONT, bodyFontFace: REPORT_FONT };
  titleSlide(pptx, model);
  rankingSlides(pptx, model);
  trendSlides(pptx, model);
  for (const b of model.breakdowns) breakdownSlides(pptx, model, b);
  decisionSlide(pptx, model);
  // STREAM is the one output pptxgenjs deflates in Node; the others are stored uncompressed, about ten times larger.
  return new Uint8Array((await pptx.write({ outputType: 'STREAM', compression: true })) as Uint8Array);
}
