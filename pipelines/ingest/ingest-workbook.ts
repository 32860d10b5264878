import { createHash } from 'node:crypto';
import type { StandardHeader } from './columns.ts';
import { validateRows } from './check-chunk.ts';
import { mapHeader, type ColumnMapping, type HeaderMap } from './header.ts';
import { assembleOutcome, rowRules, type IngestOptions, type IngestOutcome } from './ingest-file.ts';
import { IngestFatalError } from './issues.ts';
import type { CsvRecord } from './parse-csv.ts';
import { readWorkbook } from './read-workbook.ts';
import { hiddenRowIssues, mergedCellIssues, withCellNotes } from './sheet-issues.ts';
import type { CellNote, SheetTable } from './sheet-table.ts';
import { asRecord, chooseTable, sheetList, type HeaderTest } from './workbook-table.ts';

/**
 * An .xlsx workbook through the same checks as a CSV: its sheet is read into the records the
 * CSV reader gives (the sheet's row number is the line), mapped by the same header rules and
 * validated row by row; then merged cells, hidden rows (left out, counted as skipped) and
 * cells without a value are added to the report. Pure: bytes in, outcome out.
 */
export async function ingestWorkbookBytes(bytes: Uint8Array, options: IngestOptions): Promise<IngestOutcome> {
  const sheets = await readWorkbook(bytes);
  const aliases = options.settings.headerAliases;
  const table = chooseTable(sheets, standardHeaderTest(aliases, options.mapping), options.sheet);
  const header = mapSheetHeader(table.header, table.sheet, sheets, aliases, options);
  const headerRow = table.header as CsvRecord;
  const source = { checksum: createHash('sha256').update(bytes).digest('hex'), encoding: 'xlsx' as const };

  const shown = table.rows.filter((row) => !row.hidden).map(asRecord);
  const hidden = table.rows.filter((row) => row.hidden).map(asRecord);
  const notes = notesByLine(table.sheet.notes);
  const results = validateRows(shown, rowRules(header, options, { encoding: 'xlsx' }), (done, total) =>
    options.onProgress?.({ stage: 'validate', done, total }),
  ).map((result, i) => {
    const record = shown[i] as CsvRecord;
    return withCellNotes(result, record, notes.get(record.line) ?? [], header);
  });
  const sheetIssues = [...mergedCellIssues(table.sheet.merges, shown, header, headerRow), ...hiddenRowIssues(hidden, header)];
  const outcome = assembleOutcome(options.fileName, source, { ...header, issues: [...header.issues, ...sheetIssues] }, [], results);
  return { ...outcome, sheet: table.sheet.name, rows: outcome.rows + hidden.length, skipped: outcome.skipped + hidden.length };
}

/** Whether a row, read as the header, gives every required column: the rules of mapHeader itself. */
export function standardHeaderTest(aliases: Readonly<Record<string, StandardHeader>>, mapping?: ColumnMapping): HeaderTest {
  return (row) => {
    try {
      mapHeader(row, aliases, mapping);
      return true;
    } catch (error) {
      if (error instanceof IngestFatalError) return false;
      throw error;
    }
  };
}

/** The header's mapping; when it fails, the message says which sheet was read, and which others there are. */
function mapSheetHeader(
  row: CsvRecord | null,
  sheet: SheetTable,
  sheets: readonly SheetTable[],
  aliases: Readonly<Record<string, StandardHeader>>,
  options: IngestOptions,
): HeaderMap {
  try {
    return mapHeader(row, aliases, options.mapping);
  } catch (error) {
    if (!(error instanceof IngestFatalError)) throw error;
    const where =
      options.sheet === undefined
        ? `このブックのシート（${sheetList(sheets)}）のどれにも標準の見出し行が見つかりませんでした。シート「${sheet.name}」の ${row?.line ?? 1} 行目を見出し行として読むと: `
        : `シート「${sheet.name}」の ${row?.line ?? 1} 行目を見出し行として読むと: `;
    throw new IngestFatalError(error.code, `${where}${error.message}`);
  }
}

function notesByLine(notes: readonly CellNote[]): Map<number, CellNote[]> {
  const byLine = new Map<number, CellNote[]>();
  for (const note of notes) byLine.set(note.line, [...(byLine.get(note.line) ?? []), note]);
  return byLine;
}
