import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBValue } from '@duckdb/node-api';
import { Type, tableFromIPC } from 'apache-arrow';
import type { Table } from 'apache-arrow';
import { openDatabase, type Database } from '../pipelines/db/database.ts';
import { ARROW_MEDIA_TYPE, toArrowStream } from '../server/arrow/arrow-table.ts';
import { queryToArrow as sendAsArrow } from '../server/arrow/duckdb-columns.ts';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

function shape(table: Table): Array<{ name: string; type: string; typeId: Type; nullable: boolean }> {
  return table.schema.fields.map((f) => ({ name: f.name, type: String(f.type), typeId: f.type.typeId, nullable: f.nullable }));
}

function columnValues(table: Table): Record<string, unknown[]> {
  return Object.fromEntries(table.schema.fields.map((f) => [f.name, [...(table.getChild(f.name) ?? [])]]));
}

let db: Database;
const queryToArrow = (sql: string, params?: DuckDBValue[]) => db.read((scope) => sendAsArrow(scope, sql, params));

beforeAll(async () => {
  db = await openDatabase(':memory:');
  await db.write((scope) => scope.run(`
    CREATE TABLE sample (record_id VARCHAR, area VARCHAR, age_band_rank INTEGER, score DOUBLE,
                        conference_date DATE, urgent BOOLEAN, created TIMESTAMP);
    INSERT INTO sample VALUES
      ('K-0001', '中央', 1, 0.25, DATE '2024-04-12', true, TIMESTAMP '2024-04-12 10:00:00'),
      ('K-0002', NULL, NULL, NULL, NULL, NULL, NULL),
      ('K-0003', '北部', -7, -1.5, DATE '1969-12-31', false, NULL),
      ('K-0004', '中央', 3, 1e300, DATE '2025-03-02', true, NULL);
  `));
});

afterAll(() => db.close());

describe('queryToArrow', () => {
  it('sends each column type with its values and nulls', async () => {
    const bytes = await queryToArrow(
      `SELECT record_id AS 記録ID, area, age_band_rank, score, conference_date, urgent
         FROM sample WHERE record_id <> $1 ORDER BY record_id`,
      ['K-9999'],
    );
    const table = tableFromIPC(bytes);
    expect(shape(table)).toEqual([
      { name: '記録ID', type: 'Utf8', typeId: Type.Utf8, nullable: true },
      { name: 'area', type: 'Utf8', typeId: Type.Utf8, nullable: true },
      { name: 'age_band_rank', type: 'Int32', typeId: Type.Int, nullable: true },
      { name: 'score', type: 'Float64', typeId: Type.Float, nullable: true },
      { name: 'conference_date', type: 'Date32<DAY>', typeId: Type.Date, nullable: true },
      { name: 'urgent', type: 'Bool', typeId: Type.Bool, nullable: true },
    ]);
    expect(table.numRows).toBe(4);
    expect(columnValues(table)).toEqual({
      記録ID: ['K-0001', 'K-0002', 'K-0003', 'K-0004'],
      area: ['中央', null, '北部', '中央'],
      age_band_rank: [1, null, -7, 3],
      score: [0.25, null, -1.5, 1e300],
      conference_date: [day('2024-04-12'), null, day('1969-12-31'), day('2025-03-02')],
      urgent: [true, null, false, true],
    });
  });

  it('sends BIGINT and HUGEINT counts as int32 when they fit, float64 when not, and DECIMAL as float64', async () => {
    const table = tableFromIPC(
      await queryToArrow(
        `SELECT area, count(*) AS cases, sum(age_band_rank) AS rank_sum, count(*) * 4000000000 AS big, 0.5 AS half
           FROM sample GROUP BY area ORDER BY area NULLS LAST`,
      ),
    );
    expect(shape(table).map((f) => [f.name, f.type])).toEqual([
      ['area', 'Utf8'],
      ['cases', 'Int32'],
      ['rank_sum', 'Int32'],
      ['big', 'Float64'],
      ['half', 'Float64'],
    ]);
    expect(columnValues(table)).toEqual({
      area: ['中央', '北部', null],
      cases: [2, 1, 1],
      rank_sum: [4, -7, null],
      big: [8e9, 4e9, 4e9],
      half: [0.5, 0.5, 0.5],
    });
  });

  it('refuses integers a browser number cannot hold exactly', async () => {
    await expect(queryToArrow('SELECT 9007199254740993::BIGINT AS too_big')).rejects.toThrow(
      /Column "too_big" holds 9007199254740993, beyond ±2\^53/,
    );
  });

  it('sends an empty result as a valid stream with the schema and no rows', async () => {
    const sql = 'SELECT record_id, conference_date, count(*) AS n FROM sample WHERE false GROUP BY ALL';
    const table = tableFromIPC(await queryToArrow(sql));
    expect(table.numRows).toBe(0);
    expect(shape(table).map((f) => [f.name, f.type])).toEqual([
      ['record_id', 'Utf8'],
      ['conference_date', 'Date32<DAY>'],
      ['n', 'Int32'],
    ]);
  });

  it('names the column whose DuckDB type has no mapping', async () => {
    await expect(queryToArrow('SELECT record_id, created FROM sample')).rejects.toThrow(
      /Column "created" has DuckDB type TIMESTAMP, which cannot be sent as Arrow/,
    );
    await expect(queryToArrow('SELECT [1, 2] AS pair WHERE false')).rejects.toThrow(
      /Column "pair" has DuckDB type INTEGER\[\]/,
    );
  });
});

describe('toArrowStream', () => {
  it('builds every column type from JavaScript values', () => {
    const table = tableFromIPC(
      toArrowStream([
        { name: '地区', type: 'utf8', values: ['中央', null, '北部'] },
        { name: '2024', type: 'int32', values: [1, 2n, undefined] },
        { name: 'trend', type: 'float64', values: [0.4, null, -1] },
        { name: 'firstSeen', type: 'date', values: ['2023-04-18', new Date(Date.UTC(2025, 2, 2)), null] },
        { name: 'rising', type: 'bool', values: [false, true, null] },
      ]),
    );
    expect(table.schema.fields.map((f) => f.name)).toEqual(['地区', '2024', 'trend', 'firstSeen', 'rising']);
    expect(columnValues(table)).toEqual({
      地区: ['中央', null, '北部'],
      2024: [1, 2, null],
      trend: [0.4, null, -1],
      firstSeen: [day('2023-04-18'), day('2025-03-02'), null],
      rising: [false, true, null],
    });
  });

  it('builds a zero-row stream that keeps the schema', () => {
    const table = tableFromIPC(toArrowStream([{ name: 'n', type: 'int32', values: [] }]));
    expect(table.numRows).toBe(0);
    expect(shape(table)).toEqual([{ name: 'n', type: 'Int32', typeId: Type.Int, nullable: true }]);
  });

  it('names the column and row of a value that does not fit the type', () => {
    expect(() => toArrowStream([{ name: 'n', type: 'int32', values: [1, 2 ** 31] }])).toThrow(
      'Column "n", row 1: 2147483648 is not a valid int32 value',
    );
    expect(() => toArrowStream([{ name: 'n', type: 'int32', values: [1.5] }])).toThrow(/row 0: 1.5 is not a valid int32/);
    expect(() => toArrowStream([{ name: 'd', type: 'date', values: ['2023-02-29'] }])).toThrow(/Column "d", row 0: "2023-02-29"/);
    expect(() => toArrowStream([{ name: 's', type: 'utf8', values: [3] }])).toThrow(/Column "s", row 0: 3 is not a valid utf8/);
    expect(() => toArrowStream([{ name: 'd', type: 'date', values: [new Date('2024-04-12T00:00:00+09:00')] }])).toThrow(
      'Column "d", row 0: 2024-04-11T15:00:00.000Z is not a valid date value',
    );
  });

  it('refuses duplicate names and columns of different lengths', () => {
    const twice = [{ name: 'a', type: 'bool', values: [] }, { name: 'a', type: 'bool', values: [] }] as const;
    expect(() => toArrowStream(twice)).toThrow(/"a" appears twice/);
    const ragged = [{ name: 'a', type: 'bool', values: [true] }, { name: 'b', type: 'bool', values: [] }] as const;
    expect(() => toArrowStream(ragged)).toThrow(/"b" has 0 values/);
  });

  it('has the media type the browser expects', () => {
    expect(ARROW_MEDIA_TYPE).toBe('application/vnd.apache.arrow.stream');
  });
});
