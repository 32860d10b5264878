import { parse } from 'csv-parse/sync';
import { InvalidInputError } from './domain-error.ts';

/** A small CSV a council fills in by hand: its rows after the header, and a cell by column name. */
export interface CsvTable {
  /** Data rows, each with its line in the file (the header is line 1). */
  rows: Array<{ line: number; cell: (column: string) => string }>;
}

/**
 * Reads a CSV written in Excel (UTF-8, a BOM dropped, blank rows skipped) whose header names
 * its columns in any order: a required column missing, or more than `maxRows` rows, is refused
 * in words the secretariat can act on.
 */
export function readCsvTable(text: string, required: readonly string[], known: readonly string[], maxRows: number): CsvTable {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch {
    throw new InvalidInputError('file', 'CSV として読めません。引用符（"）の対応を確かめてください。');
  }
  const [header, ...body] = records;
  const at = new Map((header ?? []).map((h, i) => [h.trim(), i]));
  for (const column of required) if (!at.has(column)) throw new InvalidInputError('file', `1 行目に「${column}」の列がありません。列は ${known.join('、')} にしてください。`);
  if (body.length > maxRows) throw new InvalidInputError('file', `${maxRows} 行までにしてください（いまは ${body.length} 行です）。`);
  return { rows: body.map((row, i) => ({ line: i + 2, cell: (column) => (at.has(column) ? (row[at.get(column) as number] ?? '').trim() : '') })) };
}
