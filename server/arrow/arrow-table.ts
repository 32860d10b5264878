import {
  Bool, DateDay, Field, Float64, Int32, RecordBatch, Schema, Struct, Table, Utf8, makeBuilder, makeData, tableToIPC,
} from 'apache-arrow';
import type { Data, DataType } from 'apache-arrow';

export const ARROW_MEDIA_TYPE = 'application/vnd.apache.arrow.stream';

export type ArrowColumnType = 'utf8' | 'int32' | 'float64' | 'date' | 'bool';

/**
 * One column of a table to send. `null` and `undefined` are nulls. Accepted values:
 * utf8 → string; int32 → integer number or bigint within int32; float64 → number, or
 * bigint within ±2^53; date → 'YYYY-MM-DD' or a Date at UTC midnight; bool → boolean.
 */
export interface ArrowColumn {
  name: string;
  type: ArrowColumnType;
  values: ReadonlyArray<unknown>;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function arrowType(type: ArrowColumnType): DataType {
  switch (type) {
    case 'utf8':
      return new Utf8();
    case 'int32':
      return new Int32();
    case 'float64':
      return new Float64();
    case 'date':
      return new DateDay();
    case 'bool':
      return new Bool();
  }
}

function isoDayToDate(text: string): Date | undefined {
  const match = ISO_DAY.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const exact = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exact ? date : undefined;
}

// Returns undefined when the value does not belong in a column of this type.
function arrowValue(type: ArrowColumnType, value: unknown): unknown {
  switch (type) {
    case 'utf8':
      return typeof value === 'string' ? value : undefined;
    case 'int32': {
      const n = typeof value === 'bigint' ? Number(value) : value;
      return typeof n === 'number' && Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX ? n : undefined;
    }
    case 'float64':
      if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : undefined;
      return typeof value === 'number' ? value : undefined;
    case 'date':
      if (typeof value === 'string') return isoDayToDate(value);
      // A Date at local midnight in Japan is the previous UTC day; refuse it rather than shift it.
      return value instanceof Date && value.getTime() % MS_PER_DAY === 0 ? value : undefined;
    case 'bool':
      return typeof value === 'boolean' ? value : undefined;
  }
}

function shown(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return typeof value === 'object' ? Object.prototype.toString.call(value) : JSON.stringify(value) ?? String(value);
}

function buildColumn(column: ArrowColumn): Data {
  const builder = makeBuilder({ type: arrowType(column.type), nullValues: [null, undefined] });
  column.values.forEach((value, row) => {
    if (value === null || value === undefined) {
      builder.append(null);
      return;
    }
    const converted = arrowValue(column.type, value);
    if (converted === undefined) {
      throw new TypeError(`Column "${column.name}", row ${row}: ${shown(value)} is not a valid ${column.type} value`);
    }
    builder.append(converted);
  });
  return builder.finish().flush();
}

/** One record batch, as an Arrow IPC stream the browser decodes with `tableFromIPC`. */
export function toArrowStream(columns: ReadonlyArray<ArrowColumn>): Uint8Array {
  const length = columns[0]?.values.length ?? 0;
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column.name)) throw new Error(`Column name "${column.name}" appears twice; give each column its own name`);
    seen.add(column.name);
    if (column.values.length !== length) {
      throw new RangeError(`Column "${column.name}" has ${column.values.length} values but the first column has ${length}`);
    }
  }
  const fields = columns.map((column) => new Field(column.name, arrowType(column.type), true));
  const data = makeData({ type: new Struct(fields), length, nullCount: 0, children: columns.map(buildColumn) });
  const schema = new Schema(fields);
  return tableToIPC(new Table(schema, new RecordBatch(schema, data)), 'stream');
}
