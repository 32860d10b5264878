import { readFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import type { IngestReport } from '../pipelines/ingest/store-upload.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { generateCases } from '../fixtures/generator/generate.ts';
import { renderCsv } from '../fixtures/generator/write-csv.ts';
import { csvRows, excelDate, workbookBytes } from './helpers/case-workbook.ts';
import { queryRows, tempDatabase, type TempDatabase } from './helpers/temp-db.ts';

const NOW = new Date('2026-11-21T09:00:00Z');
const DATE_COLUMN = 1;
const AGENCY_COLUMN = 2;
const AREA_COLUMN = 3;
const CONSULTATION_COLUMN = 6;
const WESTERN_DATE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;
const PLAIN_INTEGER = /^(?:0|[1-9]\d{0,14})$/;

let csvDb: TempDatabase;
let xlsxDb: TempDatabase;
beforeEach(async () => {
  [csvDb, xlsxDb] = await Promise.all([tempDatabase(), tempDatabase()]);
});
afterEach(async () => {
  await Promise.all([csvDb.close(), xlsxDb.close()]);
});

/** A date cell where the CSV holds a real western date; other spellings (令和…) stay text, as a person types them. */
function dateCell(text: string): ExcelJS.CellValue {
  const match = WESTERN_DATE.exec(text);
  if (!match) return text;
  const date = excelDate(text);
  return date.getUTCMonth() + 1 === Number(match[2]) && date.getUTCDate() === Number(match[3]) ? date : text;
}

/** Every cell typed as Excel would type it: dates as dates, plain integers as numbers. */
function typedCells(row: readonly string[]): ExcelJS.CellValue[] {
  return row.map((cell, i) => (i === DATE_COLUMN ? dateCell(cell) : PLAIN_INTEGER.test(cell) ? Number(cell) : cell));
}

const SOURCES: ReadonlyArray<[string, () => string]> = [
  ['fixtures/demo.csv', () => readFileSync(new URL('../fixtures/demo.csv', import.meta.url), 'utf8')],
  ['300 generated rows, a fifth with personal information', () => renderCsv(generateCases({ rows: 300, seed: 15, piiRate: 0.2, style: 'hard' }), 'utf-8').csv.toString('utf8')],
];

/** The rows a twin holds: the first records numbered as councils number them (12, 100000, 0042). */
function twinRows(source: string): string[][] {
  const rows = csvRows(source);
  const ids = ['12', '100000', '0042'];
  return rows.map((row, i) => (i >= 1 && i <= ids.length ? [ids[i - 1] as string, ...row.slice(1)] : row));
}

function csvText(rows: readonly string[][]): string {
  const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** The first two data rows (sheet rows) with the same 地区, to merge without changing what they say. */
function sameAreaPair(rows: readonly string[][]): number {
  const index = rows.findIndex((row, i) => i >= 2 && row[AREA_COLUMN] !== '' && row[AREA_COLUMN] === rows[i - 1]?.[AREA_COLUMN]);
  return index; // rows[index - 1] and rows[index] are sheet rows index and index + 1
}

/**
 * The twin workbook: the same records with 会議日 as Excel dates, numbers as numbers, one
 * agency code as a formula with its saved result, rich text, two equal 地区 cells merged,
 * and a hidden row after the last record (left out, so the stored cases stay the same).
 */
async function twinWorkbook(rows: readonly string[][]): Promise<{ bytes: Uint8Array; merged: number; hiddenLine: number }> {
  const merged = sameAreaPair(rows);
  const hiddenLine = rows.length + 1;
  const bytes = await workbookBytes((book) => {
    const sheet = book.addWorksheet('記録');
    sheet.addRow(rows[0] as string[]);
    for (const row of rows.slice(1)) sheet.addRow(typedCells(row));
    sheet.getCell(4, 1).value = 42;
    sheet.getCell(4, 1).numFmt = '0000';
    const agency = sheet.getCell(5, AGENCY_COLUMN + 1);
    agency.value = { formula: `"${String(agency.value)}"`, result: String(agency.value) } as ExcelJS.CellValue;
    const consultation = sheet.getCell(6, CONSULTATION_COLUMN + 1);
    const text = String(consultation.value);
    consultation.value = { richText: [{ text: text.slice(0, 4) }, { text: text.slice(4), font: { bold: true } }] };
    sheet.mergeCells(merged, AREA_COLUMN + 1, merged + 1, AREA_COLUMN + 1);
    sheet.addRow(typedCells(['K-HIDDEN', ...(rows[1] as string[]).slice(1)])).hidden = true;
  });
  return { bytes, merged, hiddenLine };
}

/**
 * A record's line in the CSV is the physical line it starts on, in the sheet its row: they part
 * after a cell holding a line break. The sheet row of each CSV line, from the CSV's own rows.
 */
function sheetLineOf(rows: readonly string[][]): (csvLine: number) => number {
  const byCsvLine = new Map<number, number>();
  let line = 1;
  rows.forEach((row, i) => {
    byCsvLine.set(line, i + 1);
    line += 1 + row.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
  });
  return (csvLine) => byCsvLine.get(csvLine) ?? Number.NaN;
}

const STORED = 'SELECT * EXCLUDE (upload_id) FROM cases ORDER BY record_id, version';
const upload = (db: TempDatabase, bytes: Uint8Array, fileName: string): Promise<IngestReport> =>
  ingestFile(db.db, bytes, { fileName, settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany: tokenizeInProcess, now: NOW });

describe('an .xlsx workbook and its CSV twin store the same cases', () => {
  it.each(SOURCES)('%s', async (_, source) => {
    const rows = twinRows(source());
    const twin = await twinWorkbook(rows);
    const fromCsv = await upload(csvDb, new TextEncoder().encode(csvText(rows)), 'twin.csv');
    const fromXlsx = await upload(xlsxDb, twin.bytes, 'twin.xlsx');
    const sheetLine = sheetLineOf(rows);

    const csvCases = (await queryRows(csvDb.db, STORED)).map((c) => ({ ...c, line: sheetLine(Number(c.line)) }));
    const xlsxCases = await queryRows(xlsxDb.db, STORED);
    expect(xlsxCases.length).toBe(fromCsv.accepted);
    expect(xlsxCases).toEqual(csvCases);
    expect(xlsxCases.filter((c) => ['12', '100000', '0042'].includes(String(c.record_id))).length).toBe(3);

    expect([fromXlsx.encoding, fromXlsx.sheet]).toEqual(['xlsx', '記録']);
    expect({ rows: fromXlsx.rows, accepted: fromXlsx.accepted, skipped: fromXlsx.skipped, rejected: fromXlsx.rejected }).toEqual({
      rows: fromCsv.rows + 1,
      accepted: fromCsv.accepted,
      skipped: fromCsv.skipped + 1,
      rejected: fromCsv.rejected,
    });
    const sheetOnly = new Set(['merged_cell', 'hidden_row']);
    expect(fromXlsx.issues.filter((i) => !sheetOnly.has(i.code))).toEqual(fromCsv.issues.map((i) => ({ ...i, line: i.line === 1 ? 1 : sheetLine(i.line) })));
    expect(fromXlsx.issues.filter((i) => sheetOnly.has(i.code)).map((i) => [i.line, i.code])).toEqual([
      [twin.merged + 1, 'merged_cell'],
      [twin.hiddenLine, 'hidden_row'],
    ]);
    expect(fromXlsx.pii).toEqual(fromCsv.pii.map((p) => ({ ...p, line: sheetLine(p.line) })));
  });
});
