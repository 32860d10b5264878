import { parse } from 'csv-parse/sync';
import { DictionaryError, fileOrigin } from './dictionary-error.ts';
import type { Origin } from './dictionary-error.ts';
import type { TermEntry, TermKind } from './term-dictionary.ts';

/**
 * Reads the two dictionary CSVs a council secretariat edits in Excel: UTF-8 (a BOM is
 * expected and dropped), any line ending, a header row naming the columns in any order
 * (further columns are ignored), rows that are wholly blank skipped.
 */

export interface SourcedEntry {
  entry: TermEntry;
  origin: Origin;
}

export interface SourcedStopWord {
  word: string;
  origin: Origin;
}

export const TERM_COLUMNS = ['正規形', '表記ゆれ', '種類', 'メモ'] as const;
export const STOP_WORD_COLUMNS = ['語', 'メモ'] as const;
export const CONCEPT_COLUMNS = ['概念', '言い回し', 'メモ'] as const;

export const KIND_LABELS: ReadonlyMap<string, TermKind> = new Map([
  ['同義語', 'synonym'],
  ['複合語', 'compound'],
]);

const VARIANT_SEPARATOR = /[|｜]/;

export function parseTermsCsv(text: string, file: string): SourcedEntry[] {
  const rows = readRows(text, file, TERM_COLUMNS, ['正規形', '表記ゆれ', '種類']);
  return rows.map(({ cells, origin }) => {
    const canonical = cells.正規形;
    if (canonical === '') throw new DictionaryError(origin, '正規形', '正規形が空です');
    const kindLabel = cells.種類;
    const kind = KIND_LABELS.get(kindLabel);
    if (kind === undefined) {
      const shown = kindLabel === '' ? '種類が空です' : `「${kindLabel}」は種類として使えません`;
      throw new DictionaryError(origin, '種類', `${shown}。「同義語」か「複合語」と書いてください`);
    }
    const variants = cells.表記ゆれ.split(VARIANT_SEPARATOR).map((v) => v.trim()).filter((v) => v !== '');
    if (kind === 'synonym' && variants.length === 0) {
      throw new DictionaryError(origin, '表記ゆれ', '同義語には表記ゆれを1つ以上書いてください（なければ種類を「複合語」に）');
    }
    const entry: TermEntry = { canonical, variants, kind };
    if (cells.メモ !== '') entry.note = cells.メモ;
    return { entry, origin };
  });
}

/**
 * The concept thesaurus: one row per way of writing a concept, grouped into one entry per
 * concept (its name is one of its forms too).
 */
export function parseConceptsCsv(text: string, file: string): SourcedEntry[] {
  const byConcept = new Map<string, SourcedEntry>();
  for (const { cells, origin } of readRows(text, file, CONCEPT_COLUMNS, ['概念', '言い回し'])) {
    if (cells.概念 === '') throw new DictionaryError(origin, '概念', '概念が空です');
    if (cells.言い回し === '') throw new DictionaryError(origin, '言い回し', '言い回しが空です');
    const found = byConcept.get(cells.概念) ?? { entry: { canonical: cells.概念, variants: [], kind: 'synonym' as const }, origin };
    found.entry.variants.push(cells.言い回し);
    byConcept.set(cells.概念, found);
  }
  return [...byConcept.values()];
}

export function parseStopWordsCsv(text: string, file: string): SourcedStopWord[] {
  const rows = readRows(text, file, STOP_WORD_COLUMNS, ['語']);
  return rows.map(({ cells, origin }) => {
    if (cells.語 === '') throw new DictionaryError(origin, '語', '語が空です');
    return { word: cells.語, origin };
  });
}

interface Row<C extends string> {
  cells: Record<C, string>;
  origin: Origin;
}

function readRows<C extends string>(
  text: string,
  file: string,
  columns: readonly C[],
  required: readonly C[],
): Row<C>[] {
  const records: string[][] = [];
  try {
    parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[]) => {
        records.push(record);
        return null;
      },
    });
  } catch (error) {
    // The record that broke starts on the line after the last one read.
    const line = records.reduce((sum, record) => sum + 1 + lineBreaks(record), 1);
    throw new DictionaryError(fileOrigin(file, line), null, csvProblem((error as { code?: unknown }).code));
  }
  const [header, ...body] = records;
  const headerNames = (header ?? []).map((name) => name.trim());
  const indexOf = new Map<C, number>();
  for (const column of columns) {
    const index = headerNames.indexOf(column);
    if (index >= 0) indexOf.set(column, index);
    else if (required.includes(column)) {
      throw new DictionaryError(fileOrigin(file, 1), null, `見出しに「${column}」がありません（${columns.join(',')} の列が必要です）`);
    }
  }

  const rows: Row<C>[] = [];
  // csv-parse counts a CRLF inside a quoted cell as two lines, so lines are counted here.
  let line = 1 + lineBreaks(header ?? []);
  for (const record of body) {
    line += 1;
    const origin = fileOrigin(file, line);
    line += lineBreaks(record);
    if (record.every((cell) => cell.trim() === '')) continue;
    const cells = {} as Record<C, string>;
    for (const column of columns) {
      const index = indexOf.get(column);
      cells[column] = index === undefined ? '' : (record[index] ?? '').trim();
    }
    rows.push({ cells, origin });
  }
  return rows;
}

function csvProblem(code: unknown): string {
  if (code === 'CSV_QUOTE_NOT_CLOSED') return '「"」で始まったセルが閉じられていません';
  if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
    return '「"」の位置が正しくありません（セルの中の「"」は「""」と二つ重ねてください）';
  }
  return 'CSV として読めません';
}

function lineBreaks(record: readonly string[]): number {
  let count = 0;
  for (const cell of record) count += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  return count;
}
