import { afterEach, describe, expect, it } from 'vitest';
import { DB_MEMORY_MAX_MB, DB_MEMORY_MIN_MB, defaultDbMemoryMb, openDatabase, type Database } from '../pipelines/db/database.ts';
import { tempDir, type TempDir } from './helpers/temp-db.ts';

const GIB = 1024 ** 3;

let dir: TempDir | null = null;
let db: Database | null = null;
afterEach(async () => {
  await db?.close();
  dir?.remove();
  db = null;
  dir = null;
});

const setting = async (name: string) => String((await (db as Database).read((scope) => scope.rows('SELECT current_setting($1) AS v', [name])))[0]?.v);

describe("DuckDB's own memory", () => {
  it('is a quarter of the machine’s, at least 256 MB and at most 1 GB', () => {
    expect([DB_MEMORY_MIN_MB, DB_MEMORY_MAX_MB]).toEqual([256, 1024]);
    expect(defaultDbMemoryMb(0.5 * GIB)).toBe(256);
    expect(defaultDbMemoryMb(2 * GIB)).toBe(512);
    expect(defaultDbMemoryMb(3 * GIB)).toBe(768);
    expect(defaultDbMemoryMb(4 * GIB)).toBe(1024);
    expect(defaultDbMemoryMb(23 * GIB)).toBe(1024);
  });

  it('is the limit the database is opened with, spilling beside the database file', async () => {
    dir = tempDir();
    db = await openDatabase(dir.path('limited.duckdb'), { memoryMb: 300 });
    expect(await setting('memory_limit')).toBe('300.0 MiB');
    expect(await setting('temp_directory')).toBe(`${dir.path('limited.duckdb')}.tmp`);
  });

  it('is the default when none is asked for', async () => {
    dir = tempDir();
    db = await openDatabase(dir.path('default.duckdb'));
    const expected = await (db as Database).read((scope) => scope.rows('SELECT format_bytes($1::BIGINT * 1024 * 1024) AS v', [defaultDbMemoryMb()]));
    expect(await setting('memory_limit')).toBe(expected[0]?.v);
  });
});
