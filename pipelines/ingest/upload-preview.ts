import type { CouncilSettings } from '../council/settings.ts';
import { REQUIRED_HEADERS, STANDARD_HEADERS, type StandardHeader } from './columns.ts';
import type { SourceEncoding } from './decode.ts';
import { fileKind } from './file-kind.ts';
import { aliasTable, mapHeader, missingRequired, standardByName, type ColumnMapping } from './header.ts';
import { guessMapping } from './header-guess.ts';
import { headerRecord, readSource } from './ingest-file.ts';
import { standardHeaderTest } from './ingest-workbook.ts';
import { IngestFatalError } from './issues.ts';
import { parseCsvText, type CsvRecord } from './parse-csv.ts';
import { findPii, maskPii } from './pii.ts';
import { readWorkbook } from './read-workbook.ts';
import { asRecord, chooseTable } from './workbook-table.ts';

/** Rows shown under the mapping: enough to recognise the columns, few enough to glance at. */
export const PREVIEW_ROWS = 5;
/** Text read for a CSV's preview: the header and its first rows lie well within it. */
const PREVIEW_CHARS = 200_000;

/** What the upload screen needs to let a person map a file's columns, before anything is read for real. */
export interface UploadPreview {
  encoding: SourceEncoding;
  /** Sheets to choose from (a workbook's sheets with the standard header, else all with content); empty for a CSV. */
  sheets: string[];
  sheet: string | null;
  /** The file's header row, as it is. */
  headers: string[];
  /** The first data rows, personal information masked as ingest masks it. */
  rows: string[][];
  /** Per standard column, the file's column guessed for it (or null). */
  guess: ColumnMapping;
  /** Required columns the header lacks with the council's aliases alone: the mapping step is needed. */
  missing: StandardHeader[];
  /** Why the header cannot be read as it is (missing or repeated columns), or null. */
  headerProblem: string | null;
  standard: readonly StandardHeader[];
  required: readonly StandardHeader[];
}

/**
 * The header and first rows of a CSV (any encoding ingest reads) or a workbook's sheet, with a
 * guessed mapping. Computed in memory from the bytes and never stored; the rows are masked.
 */
export async function previewUpload(bytes: Uint8Array, settings: CouncilSettings, sheet?: string): Promise<UploadPreview> {
  const aliases = settings.headerAliases;
  let read: { encoding: SourceEncoding; sheets: string[]; sheet: string | null; header: CsvRecord | null; rows: CsvRecord[] };
  if (fileKind(bytes) === 'workbook') {
    const table = chooseTable(await readWorkbook(bytes), standardHeaderTest(aliases), sheet);
    const rows = table.rows.filter((row) => !row.hidden).slice(0, PREVIEW_ROWS).map(asRecord);
    read = { encoding: 'xlsx', sheets: table.candidates, sheet: table.sheet.name, header: table.header, rows };
  } else {
    const source = readSource(bytes);
    const parsed = parseCsvText(source.text.slice(0, PREVIEW_CHARS));
    read = { encoding: source.encoding, sheets: [], sheet: null, header: headerRecord(parsed), rows: parsed.records.slice(0, PREVIEW_ROWS) };
  }
  if (!read.header) throw new IngestFatalError('missing_header', '見出し行がありません。1 行目に「記録ID,会議日,…」の見出しを入れてください。');
  const headers = read.header.fields.map((field) => field.trim());
  const table = aliasTable(aliases);
  const found = new Set(headers.map((h) => standardByName(h, table)).filter((s): s is StandardHeader => s !== undefined));
  return {
    encoding: read.encoding,
    sheets: read.sheets,
    sheet: read.sheet,
    headers,
    rows: read.rows.map((row) => headers.map((_, i) => masked(row.fields[i] ?? ''))),
    guess: guessMapping(headers, aliases),
    missing: missingRequired(found),
    headerProblem: headerProblem(read.header, aliases),
    standard: STANDARD_HEADERS,
    required: REQUIRED_HEADERS,
  };
}

function masked(cell: string): string {
  const spans = findPii(cell);
  return spans.length === 0 ? cell : maskPii(cell, spans);
}

function headerProblem(header: CsvRecord, aliases: Readonly<Record<string, StandardHeader>>): string | null {
  try {
    mapHeader(header, aliases);
    return null;
  } catch (error) {
    if (error instanceof IngestFatalError) return error.message;
    throw error;
  }
}
