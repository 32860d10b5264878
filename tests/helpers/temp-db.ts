import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, inject } from 'vitest';
import { openDatabase, type Database } from '../../pipelines/db/database.ts';
import { copyDatabase, type DbTemplates } from '../setup/db-templates.ts';

export interface TempDir {
  dir: string;
  path(name: string): string;
  remove(): void;
}

export function tempDir(prefix = 'mieruka-test-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TempDatabase {
  db: Database;
  dir: TempDir;
  close(): Promise<void>;
}

/**
 * A real DuckDB file of this test's own in a fresh temporary directory, copied from one
 * of the run's prepared files (tests/setup/db-templates.ts): `empty`, `accounts` (one
 * account per role) or `demo` (the accounts and the demo cases, ingested and analysed).
 */
export async function tempDatabase(template: keyof DbTemplates = 'empty'): Promise<TempDatabase> {
  const dir = tempDir();
  copyDatabase(inject('dbTemplates')[template], dir.path('mieruka.duckdb'));
  const db = await openDatabase(dir.path('mieruka.duckdb'));
  return {
    db,
    dir,
    async close() {
      await db.close();
      dir.remove();
    },
  };
}

/**
 * For a test file whose tests each open databases of their own: `fresh()` opens one, and
 * every database a test opened is closed and removed after it.
 */
export function freshDatabases(): () => Promise<Database> {
  let open: TempDatabase[] = [];
  beforeEach(() => {
    open = [];
  });
  afterEach(async () => {
    await Promise.all(open.map((t) => t.close()));
  });
  return async () => {
    const t = await tempDatabase();
    open.push(t);
    return t.db;
  };
}

export async function queryRows(db: Database, sql: string, params: Array<string | number> = []): Promise<Record<string, unknown>[]> {
  return db.read((scope) => scope.rows(sql, params));
}
