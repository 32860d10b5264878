import type { DuckDBAppender } from '@duckdb/node-api';
import type { WriteScope } from './scope.ts';

const PROGRESS_EVERY = 5000;

export interface AppendOptions {
  /** `temp` for a temporary table of this write. */
  catalog?: 'temp';
  onProgress?: (done: number, total: number) => void;
}

/** Loads rows with DuckDB's appender, inside the write: far faster than one INSERT per row. */
export async function appendRows<T>(
  scope: WriteScope,
  table: string,
  rows: readonly T[],
  append: (appender: DuckDBAppender, row: T, index: number) => void,
  options: AppendOptions = {},
): Promise<void> {
  const appender = await scope.appender(table, options.catalog);
  try {
    rows.forEach((row, index) => {
      append(appender, row, index);
      appender.endRow();
      if ((index + 1) % PROGRESS_EVERY === 0) options.onProgress?.(index + 1, rows.length);
    });
    appender.flushSync();
    options.onProgress?.(rows.length, rows.length);
  } finally {
    appender.closeSync();
  }
}

export function appendText(appender: DuckDBAppender, value: string | null): void {
  if (value === null) appender.appendNull();
  else appender.appendVarchar(value);
}
