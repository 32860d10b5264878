import ExcelJS from 'exceljs';
import { suppressionNote, SUPPRESSED_MARKER } from '../suppression/cell.ts';
import type { ReportBreakdown, ReportCell, ReportModel } from './report-model.ts';

type Value = string | number;
interface Sheet {
  name: string;
  headers: string[];
  rows: Value[][];
}

/** Column widths in Excel's character units: a full-width character is two. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const WIDTH_PADDING = 2;
const FULL_WIDTH = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const HEADER_FILL = 'FFE8EEF4';

/** A count as a number, a suppressed one as the text X: the number itself is never written. */
const count = (cell: ReportCell): Value => (cell.suppressed ? SUPPRESSED_MARKER : (cell.cases ?? 0));

const displayWidth = (value: Value): number => [...String(value)].reduce((w, ch) => w + (FULL_WIDTH.test(ch) ? 2 : 1), 0);

function breakdownSheet(b: ReportBreakdown): Sheet {
  return {
    name: `内訳（${b.facet}）`,
    headers: ['ID', 'テーマ', ...b.values, '合計'],
    rows: [...b.rows.map((r) => [r.themeId, r.name, ...r.cells.map(count), count(r.total)]), ['合計', '', ...b.totals.map(count), count(b.total)]],
  };
}

/** The sheets, in the print view's order; the cover says what the figures are and where they come from. */
export function reportSheets(model: ReportModel): Sheet[] {
  return [
    {
      name: '表紙',
      headers: ['項目', '内容'],
      rows: [
        ['協議会', model.council],
        ['資料', `${model.title}（全体会の資料）`],
        ['対象期間', model.period || '—'],
        ['作成日', model.createdOn],
        ['出典', model.source],
        ['注', model.footnote],
        ['秘匿', suppressionNote(model.threshold)],
        ['推移の集計', model.trends.label],
        ...(model.demo ? [['デモデータ', '架空の事例です']] : []),
      ],
    },
    {
      name: 'テーマの順位',
      headers: ['順位', 'ID', 'テーマ', '事例', '事業所', '地区', '月数', '専門部会', '状態'],
      rows: model.ranking.map((t) => [t.rank, t.themeId, t.name, count(t.cases), count(t.agencies), count(t.areas), count(t.months), t.subcommittee ?? '', t.status]),
    },
    {
      name: '推移',
      headers: ['ID', 'テーマ', ...model.trends.periods],
      rows: model.trends.themes.map((t) => [t.themeId, t.name, ...t.periods.map(count)]),
    },
    ...model.breakdowns.map(breakdownSheet),
    {
      name: '協議会の決定',
      headers: ['ID', 'テーマ', '状態', '専門部会'],
      rows: model.decisions.map((d) => [d.themeId, d.name, d.status, d.subcommittee ?? '']),
    },
  ];
}

/**
 * The report as an Excel workbook: a cover, then one sheet per table of the print view and
 * the data behind each chart, the header row bold and frozen, columns as wide as their
 * contents. A suppressed count is the text X.
 */
export async function reportXlsx(model: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'mieruka';
  workbook.title = model.title;
  workbook.company = model.council;
  workbook.created = new Date(`${model.createdOn}T00:00:00Z`);
  workbook.modified = workbook.created;
  for (const sheet of reportSheets(model)) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(sheet.headers);
    for (const row of sheet.rows) ws.addRow(row);
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    });
    sheet.headers.forEach((h, j) => {
      const widest = Math.max(displayWidth(h), ...sheet.rows.map((r) => displayWidth(r[j] ?? '')));
      ws.getColumn(j + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + WIDTH_PADDING));
    });
    // X sits right-aligned with the numbers it stands among.
    ws.eachRow((row, i) => {
      if (i === 1) return;
      row.eachCell((cell) => {
        if (cell.value === SUPPRESSED_MARKER) cell.alignment = { horizontal: 'right' };
      });
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
