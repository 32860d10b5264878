import type { Worksheet } from 'exceljs';
import { cellText, type CellProblem } from './cell-text.ts';

/** One non-blank row of a worksheet, its cells as text, numbered as the sheet numbers it. */
export interface SheetRow {
  line: number;
  fields: string[];
  hidden: boolean;
}

/** A cell whose text could not be told, by its 0-based column. */
export interface CellNote {
  line: number;
  columnIndex: number;
  address: string;
  problem: CellProblem;
}

/** A merged range and the rows it covers, 1-based and inclusive. */
export interface MergedRange {
  master: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A worksheet read as a CSV export would write it: every row as wide as the widest. */
export interface SheetTable {
  name: string;
  visible: boolean;
  rows: SheetRow[];
  notes: CellNote[];
  merges: MergedRange[];
}

/**
 * Reads every cell of a worksheet as text. A merged range's cells all read as its top-left
 * cell (exceljs answers a covered cell with its master's value), and the range is kept so
 * the rows it filled can be told. Blank rows are left out, as the CSV reader skips them.
 */
export function readSheetTable(sheet: Worksheet): SheetTable {
  const rows: SheetRow[] = [];
  const notes: CellNote[] = [];
  const merges = new Map<string, MergedRange>();
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const fields: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const reading = cellText(cell.value, cell.numFmt);
      fields[column - 1] = reading.text;
      if (reading.problem) notes.push({ line, columnIndex: column - 1, address: cell.address, problem: reading.problem });
      if (cell.isMerged) extendMerge(merges, cell.master.address, Number(cell.master.row), Number(cell.master.col), line, column);
    });
    if (fields.every((field) => field === undefined || field.trim() === '')) return;
    width = Math.max(width, fields.length);
    rows.push({ line, fields, hidden: row.hidden });
  });
  for (const row of rows) row.fields = Array.from({ length: width }, (_, i) => row.fields[i] ?? '');
  return { name: sheet.name, visible: sheet.state === 'visible', rows, notes, merges: [...merges.values()].filter(isRange) };
}

function extendMerge(merges: Map<string, MergedRange>, master: string, masterRow: number, masterColumn: number, line: number, column: number): void {
  const range = merges.get(master) ?? { master, top: masterRow, bottom: masterRow, left: masterColumn, right: masterColumn };
  range.bottom = Math.max(range.bottom, line);
  range.right = Math.max(range.right, column);
  merges.set(master, range);
}

function isRange(range: MergedRange): boolean {
  return range.bottom > range.top || range.right > range.left;
}

/** A range as Excel names it: A3:A5. */
export function rangeName(range: MergedRange): string {
  return `${range.master}:${columnLetters(range.right)}${range.bottom}`;
}

const LETTERS = 26;

export function columnLetters(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / LETTERS)) name = String.fromCharCode(65 + ((n - 1) % LETTERS)) + name;
  return name;
}
