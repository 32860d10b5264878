import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../fixtures/generator/generate.ts';
import { renderCsv } from '../fixtures/generator/write-csv.ts';
import { openDatabase } from '../pipelines/db/database.ts';
import { CLI, runCli } from './helpers/run-cli.ts';
import { queryRows, tempDir, type TempDir } from './helpers/temp-db.ts';

let dir: TempDir;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

/** Everything an analysis's store writes, and the term index it reads. */
const TABLES = ['analysis_runs', 'themes', 'theme_snapshots', 'theme_terms', 'theme_members', 'run_unassigned', 'audit_log', 'case_terms', 'indexed_cases', 'text_tokens'];

async function snapshot(dbPath: string): Promise<string> {
  const db = await openDatabase(dbPath);
  try {
    return JSON.stringify(await Promise.all(TABLES.map((t) => queryRows(db, `SELECT * FROM ${t} ORDER BY ALL`))));
  } finally {
    await db.close();
  }
}

/**
 * Starts an analysis and, as soon as it says it is storing (inside its write, before the
 * first row), stops it where it stands and kills it.
 */
function killWhileStoring(dbPath: string): Promise<{ signal: NodeJS.Signals | null; sawStore: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'analyze', '--db', dbPath, '--json']);
    let stderr = '';
    let sawStore = false;
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (!sawStore && stderr.includes('保存…')) {
        sawStore = true;
        child.kill('SIGSTOP');
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (_, signal) => resolve({ signal, sawStore }));
  });
}

function writeCases(name: string, rows: number, seed: number, prefix: string): string {
  const cases = [...generateCases({ rows, seed })].map((c) => ({ ...c, record: { ...c.record, 記録ID: c.record.記録ID.replace('K-', prefix) } }));
  const path = dir.path(name);
  writeFileSync(path, renderCsv(cases, 'utf-8').csv);
  return path;
}

describe('an analysis killed while it stores', () => {
  it('leaves the database exactly as before, and the next analysis works', async () => {
    const dbPath = dir.path('kill.duckdb');
    expect((await runCli(['ingest', writeCases('first.csv', 3000, 5, 'A-'), '--db', dbPath, '--json'])).code).toBe(0);
    expect((await runCli(['analyze', '--db', dbPath, '--json'])).code).toBe(0);
    expect((await runCli(['ingest', writeCases('more.csv', 1500, 6, 'B-'), '--db', dbPath, '--json'])).code).toBe(0);
    // Indexing the new cases' terms is a write of its own; `terms` does it now, so that the
    // analysis below writes only its run.
    expect((await runCli(['terms', '--db', dbPath, '--json'])).code).toBe(0);
    const before = await snapshot(dbPath);

    expect(await killWhileStoring(dbPath)).toEqual({ signal: 'SIGKILL', sawStore: true });
    expect(await snapshot(dbPath)).toBe(before);

    const after = await runCli(['analyze', '--db', dbPath, '--json']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ cases: 4500 });
    const db = await openDatabase(dbPath);
    try {
      expect(await queryRows(db, 'SELECT count(*)::INTEGER AS n FROM analysis_runs')).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
    }
  });
});
