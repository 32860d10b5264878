import { IngestFatalError } from './issues.ts';
import type { CsvRecord } from './parse-csv.ts';
import type { SheetRow, SheetTable } from './sheet-table.ts';

/** Rows above the header a sheet may hold (a title, the council's name, a date) before it is given up on. */
export const HEADER_SEARCH_ROWS = 10;

/** The table of case records found in a workbook, in the shape the CSV reader gives. */
export interface WorkbookTable {
  sheet: SheetTable;
  /** Sheets a person may choose from: those with the standard header, else every visible sheet with content. */
  candidates: string[];
  /** The header row, or the sheet's first row when no row has the standard header (for the message and the mapping). */
  header: CsvRecord | null;
  /** The rows below the header, hidden ones included. */
  rows: SheetRow[];
}

/** Whether a row, read as a header, names every required column. */
export type HeaderTest = (row: CsvRecord) => boolean;

export const asRecord = (row: SheetRow): CsvRecord => ({ line: row.line, lastLine: row.line, fields: row.fields });

/**
 * The sheet and header row to read: the sheet named, or else the first visible sheet whose
 * first rows hold the standard header (so a cover sheet or a title row is passed over).
 */
export function chooseTable(sheets: readonly SheetTable[], isHeader: HeaderTest, named?: string): WorkbookTable {
  const withHeader = sheets.filter((s) => s.visible && headerIndex(s, isHeader) !== null);
  const visible = sheets.filter((s) => s.visible && s.rows.length > 0);
  const candidates = (withHeader.length > 0 ? withHeader : visible).map((s) => s.name);
  const sheet = named === undefined ? (withHeader[0] ?? visible[0]) : findSheet(sheets, named);
  if (!sheet) {
    throw new IngestFatalError('missing_header', `ブックのどのシートにも表がありません（シート: ${sheetList(sheets)}）。事例記録の表があるブックを選んでください。`);
  }
  const index = headerIndex(sheet, isHeader) ?? 0;
  const header = sheet.rows[index];
  return { sheet, candidates, header: header ? asRecord(header) : null, rows: sheet.rows.slice(index + 1) };
}

function headerIndex(sheet: SheetTable, isHeader: HeaderTest): number | null {
  const index = sheet.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => !row.hidden && isHeader(asRecord(row)));
  return index === -1 ? null : index;
}

function findSheet(sheets: readonly SheetTable[], named: string): SheetTable {
  const wanted = named.normalize('NFKC').trim();
  const found = sheets.find((s) => s.name === named) ?? sheets.find((s) => s.name.normalize('NFKC').trim() === wanted);
  if (!found) {
    throw new IngestFatalError('missing_sheet', `シート「${named}」はこのブックにありません。このブックのシート: ${sheetList(sheets)}。`);
  }
  return found;
}

export function sheetList(sheets: readonly SheetTable[]): string {
  return sheets.length === 0 ? '（なし）' : sheets.map((s) => `「${s.name}」${s.visible ? '' : '（非表示）'}`).join('');
}
