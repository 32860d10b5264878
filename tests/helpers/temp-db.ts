import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../pipelines/db/database.ts';

export interface TempDir {
  dir: string;
  path(name: string): string;
  remove(): void;
}

export function tempDir(prefix = 'mieruka-test-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real DuckDB file in a fresh temporary directory, migrated. */
export async function tempDatabase(): Promise<{ db: Database; dir: TempDir; close(): void }> {
  const dir = tempDir();
  const db = await openDatabase(dir.path('mieruka.duckdb'));
  return {
    db,
    dir,
    close() {
      db.close();
      dir.remove();
    },
  };
}

export async function queryRows(db: Database, sql: string, params: Array<string | number> = []): Promise<Record<string, unknown>[]> {
  return (await db.connection.runAndReadAll(sql, params)).getRowObjectsJson() as Record<string, unknown>[];
}
