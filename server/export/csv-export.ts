import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

// OWASP's list, plus the full-width forms: Japanese input often produces them and
// Apple Numbers (per csv-stringify's own escape_formulas) treats them as formula starts.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

// Leading whitespace (full-width spaces included) is looked past: LibreOffice's and
// Google Sheets' imports can trim it, turning " =cmd" back into a live formula, and a
// stray apostrophe on a rare text cell costs nothing.
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) || FORMULA_START.test(text.trimStart()) ? `'${text}` : text;
}

function cellText(cell: CsvCell, row: number, column: number): string | number | null {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) {
      throw new RangeError(`CSV data row ${row + 1}, column ${column + 1} is not a finite number: ${cell}`);
    }
    return cell;
  }
  return cell === null ? null : neutraliseFormula(cell);
}

/**
 * A CSV that Excel opens correctly (UTF-8 with BOM, CRLF) and that cannot run formulas:
 * text starting with a formula character, even after whitespace, is prefixed with `'`.
 * JavaScript numbers are written as numbers, so `-3` stays a negative number.
 */
export function toExcelCsv(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvCell>>): Uint8Array {
  const records: CsvCell[][] = [headers.map(neutraliseFormula)];
  rows.forEach((row, r) => {
    if (row.length !== headers.length) {
      throw new RangeError(`CSV data row ${r + 1} has ${row.length} cells but there are ${headers.length} headers`);
    }
    records.push(row.map((cell, c) => cellText(cell, r, c)));
  });
  // Setting record_delimiter turns off csv-stringify's quoting of lone \n and \r unless asked for.
  const text = stringify(records, { bom: true, record_delimiter: 'windows', quote_record_delimiter: true, eof: true });
  return new TextEncoder().encode(text);
}
