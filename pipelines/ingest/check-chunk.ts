import { parseCsvText, type BrokenRecord, type CsvRecord } from './parse-csv.ts';
import { internalRowError, unreadableRow } from './row-faults.ts';
import { validateRow, type RowResult, type RowRules } from './validate-row.ts';

/** A stretch of data lines, cut at a record boundary, with the number of its first line. */
export interface Chunk {
  text: string;
  firstLine: number;
}

export interface CheckedChunk {
  results: RowResult[];
  broken: BrokenRecord[];
}

export type RowProgress = (done: number, total: number) => void;

const PROGRESS_EVERY = 2000;

/** Parses and validates the data rows of one chunk: pure, and run the same in a worker. */
export function checkChunk(chunk: Chunk, rules: RowRules, onProgress?: RowProgress): CheckedChunk {
  const parsed = parseCsvText(chunk.text, { firstLine: chunk.firstLine, withHeader: false });
  return { results: validateRows(parsed.records, rules, onProgress), broken: parsed.broken };
}

export function validateRows(rows: readonly CsvRecord[], rules: RowRules, onProgress?: RowProgress): RowResult[] {
  const total = rows.length;
  return rows.map((row, index) => {
    const result = checkRow(row, rules);
    if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === total) onProgress?.(index + 1, total);
    return result;
  });
}

/** One row, isolated: whatever goes wrong while checking it refuses that row only. */
function checkRow(row: CsvRecord, rules: RowRules): RowResult {
  try {
    return unreadableRow(row, rules) ?? validateRow(row, rules);
  } catch (error) {
    return internalRowError(row, rules, error);
  }
}
