import { DuckDBDateValue, DuckDBDecimalValue, DuckDBTypeId } from '@duckdb/node-api';
import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import type { ReadScope } from '../../pipelines/db/database.ts';
import { toArrowStream, type ArrowColumn, type ArrowColumnType } from './arrow-table.ts';

const MS_PER_DAY = 86_400_000;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const FIXED_TYPES = new Map<DuckDBTypeId, ArrowColumnType>([
  [DuckDBTypeId.VARCHAR, 'utf8'],
  [DuckDBTypeId.BOOLEAN, 'bool'],
  [DuckDBTypeId.TINYINT, 'int32'],
  [DuckDBTypeId.SMALLINT, 'int32'],
  [DuckDBTypeId.INTEGER, 'int32'],
  [DuckDBTypeId.UTINYINT, 'int32'],
  [DuckDBTypeId.USMALLINT, 'int32'],
  [DuckDBTypeId.FLOAT, 'float64'],
  [DuckDBTypeId.DOUBLE, 'float64'],
  // A literal such as 0.5 and round(x, 2) are DECIMAL in DuckDB; charts want plain numbers.
  [DuckDBTypeId.DECIMAL, 'float64'],
  [DuckDBTypeId.DATE, 'date'],
]);

// count(*) is BIGINT and sum() of integers is HUGEINT, so these arrive as bigint.
const WIDE_INTEGER_TYPES = new Set([
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
]);

function unsupported(name: string, type: DuckDBType): Error {
  return new TypeError(
    `Column "${name}" has DuckDB type ${type.toString()}, which cannot be sent as Arrow; ` +
      'cast it in SQL to VARCHAR, INTEGER, BIGINT, DOUBLE, DATE or BOOLEAN',
  );
}

/**
 * Wide integers become int32 when every value fits, otherwise float64 while every value
 * is exact as a double (|n| ≤ 2^53); beyond that the column is refused rather than rounded.
 */
function wideIntegerColumn(name: string, values: DuckDBValue[]): ArrowColumn {
  const numbers = values.map((value) => (value === null ? null : BigInt(value as bigint | number)));
  const present = numbers.filter((n): n is bigint => n !== null);
  if (present.every((n) => n >= INT32_MIN && n <= INT32_MAX)) {
    return { name, type: 'int32', values: numbers.map((n) => (n === null ? null : Number(n))) };
  }
  const unsafe = present.find((n) => !Number.isSafeInteger(Number(n)));
  if (unsafe !== undefined) {
    throw new RangeError(
      `Column "${name}" holds ${unsafe}, beyond ±2^53, which a browser number cannot hold exactly; ` +
        'cast it in SQL to VARCHAR or DOUBLE',
    );
  }
  return { name, type: 'float64', values: numbers.map((n) => (n === null ? null : Number(n))) };
}

function toArrowValue(name: string, value: DuckDBValue): unknown {
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (value instanceof DuckDBDateValue) {
    if (!value.isFinite) throw new RangeError(`Column "${name}" holds the date ${value.toString()}, which Arrow cannot represent`);
    return new Date(value.days * MS_PER_DAY);
  }
  return value;
}

/** Runs the query and returns its columns typed for `toArrowStream`, nulls kept. */
export async function readDuckDBColumns(scope: ReadScope, sql: string, params?: DuckDBValue[]): Promise<ArrowColumn[]> {
  const reader = await scope.result(sql, params);
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const plans = names.map((name, i) => {
    const type = types[i];
    if (type === undefined) throw new Error(`DuckDB reported no type for column "${name}"`);
    const fixed = FIXED_TYPES.get(type.typeId);
    if (fixed === undefined && !WIDE_INTEGER_TYPES.has(type.typeId)) throw unsupported(name, type);
    return { name, fixed };
  });
  // With no rows getColumns() returns [] rather than one empty array per column.
  const columns = reader.getColumns();
  return plans.map(({ name, fixed }, i) => {
    const values = columns[i] ?? [];
    if (fixed === undefined) return wideIntegerColumn(name, values);
    return { name, type: fixed, values: values.map((value) => toArrowValue(name, value)) };
  });
}

/** Runs a query (values bound as parameters) and sends its result as an Arrow IPC stream. */
export async function queryToArrow(scope: ReadScope, sql: string, params?: DuckDBValue[]): Promise<Uint8Array> {
  return toArrowStream(await readDuckDBColumns(scope, sql, params));
}
