import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { STANDARD_HEADERS } from '../../pipelines/ingest/columns.ts';

/** The rows of a CSV text (header first), its BOM dropped, as csv-parse reads them. */
export function csvRows(text: string): string[][] {
  return parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
}

/** A conference date typed as an Excel date: the calendar day at UTC midnight, as exceljs writes and reads it. */
export function excelDate(text: string): Date {
  const [y, m, d] = text.split(/[/-]/).map(Number);
  return new Date(Date.UTC(y as number, (m as number) - 1, d as number));
}

/** The bytes of a workbook built by `build`, as Excel would save it. */
export async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  const bytes = new Uint8Array(written.byteLength);
  bytes.set(written);
  return bytes;
}

/** A sheet of the standard header and the given rows, 会議日 typed as a date. */
export function addCaseSheet(workbook: ExcelJS.Workbook, name: string, rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([...STANDARD_HEADERS]);
  for (const row of rows) sheet.addRow([...row]);
  return sheet;
}

/** A valid row with an Excel date; cells overridden by their 0-based column. */
export function caseCells(id: ExcelJS.CellValue, overrides: ReadonlyMap<number, ExcelJS.CellValue> = new Map()): ExcelJS.CellValue[] {
  const cells: ExcelJS.CellValue[] = [id, excelDate('2024/04/12'), 'S01', '中央', '知的', '30-39', 'グループホームの空きがなく、入居先が見つからない。', '市内のグループホームが不足している。', '近隣市の事業所に問い合わせた。', ''];
  for (const [index, value] of overrides) cells[index] = value;
  return cells;
}
