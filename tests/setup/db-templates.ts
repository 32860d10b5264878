import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEFAULT_COUNCIL } from '../../pipelines/council/settings.ts';
import { openDatabase } from '../../pipelines/db/database.ts';
import { ingestFile } from '../../pipelines/ingest/ingest.ts';
import { analyze } from '../../pipelines/themes/analyze.ts';
import { tokenizeInProcess } from '../../pipelines/text/tokenize-in-process.ts';
import { createUser } from '../../server/accounts/accounts.ts';
import { scryptHasher } from '../../server/accounts/password.ts';
import { ROLES } from '../../shared/vocabulary.ts';

/** The database files tests start from, made once per run and copied by each test. */
export interface DbTemplates {
  /** Migrated, nothing in it. */
  empty: string;
  /** With one account per role (login = the role, password TEST_PASSWORD). */
  accounts: string;
  /** With the accounts and the 300 demo cases ingested and analysed. */
  demo: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplates: DbTemplates;
  }
}

export const TEST_PASSWORD = 'correct horse battery';
export const TEST_NOW = new Date('2026-11-21T09:00:00Z');
/** scrypt at a low cost: the same code as for real accounts, fast enough for hundreds of sign-ins. */
export const TEST_HASHER = scryptHasher(2 ** 10);

/** Copies a DuckDB file (and its write-ahead log, should one be left) to `target`. */
export function copyDatabase(source: string, target: string): void {
  copyFileSync(source, target);
  if (existsSync(`${source}.wal`)) copyFileSync(`${source}.wal`, `${target}.wal`);
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-templates-'));
  const empty = join(dir, 'empty.duckdb');
  await (await openDatabase(empty)).close();
  const accounts = join(dir, 'accounts.duckdb');
  copyDatabase(empty, accounts);
  const db = await openDatabase(accounts);
  for (const role of ROLES) await createUser(db, { login: role, displayName: role, role, password: TEST_PASSWORD }, TEST_NOW, { hasher: TEST_HASHER });
  await db.close();
  const demo = join(dir, 'demo.duckdb');
  copyDatabase(accounts, demo);
  const demoDb = await openDatabase(demo);
  const bytes = readFileSync(new URL('../../fixtures/demo.csv', import.meta.url));
  await ingestFile(demoDb, bytes, { fileName: 'demo.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany: tokenizeInProcess, now: TEST_NOW });
  await analyze(demoDb, { settings: DEFAULT_COUNCIL, tokenizeMany: tokenizeInProcess, now: TEST_NOW });
  await demoDb.close();
  project.provide('dbTemplates', { empty, accounts, demo });
  return () => rmSync(dir, { recursive: true, force: true });
}
