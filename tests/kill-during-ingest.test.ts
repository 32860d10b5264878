import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../pipelines/db/database.ts';
import { caseCsv, caseRow } from './helpers/case-csv.ts';
import { CLI, runCli } from './helpers/run-cli.ts';
import { queryRows, tempDir, type TempDir } from './helpers/temp-db.ts';

let dir: TempDir;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

async function snapshot(dbPath: string): Promise<string> {
  const db = await openDatabase(dbPath);
  try {
    const tables = ['uploads', 'cases', 'ingest_issues', 'pii_findings'];
    return JSON.stringify(await Promise.all(tables.map((t) => queryRows(db, `SELECT * FROM ${t} ORDER BY ALL`))));
  } finally {
    await db.close();
  }
}

/**
 * Starts an ingest and SIGKILLs it once it reports that it is storing rows: a file this
 * large is stored a stretch at a time, so by 10% of 取り込み some of its rows are in the
 * database's open transaction.
 */
function killWhileStoring(file: string, dbPath: string): Promise<{ signal: NodeJS.Signals | null; sawStore: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'ingest', file, '--db', dbPath, '--json']);
    let stderr = '';
    let sawStore = false;
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (!sawStore && /(保存|取り込み) [1-9]0%/.test(stderr)) {
        sawStore = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (_, signal) => resolve({ signal, sawStore }));
  });
}

describe('an ingest killed part-way', () => {
  it('leaves the database exactly as before, and usable', async () => {
    const dbPath = dir.path('kill.duckdb');
    const first = await runCli(['ingest', writeCsv('first.csv', 0, 50), '--db', dbPath, '--json']);
    expect(first.code).toBe(0);
    const before = await snapshot(dbPath);

    const big = writeCsv('big.csv', 1000, 60_000);
    const killed = await killWhileStoring(big, dbPath);
    expect(killed).toEqual({ signal: 'SIGKILL', sawStore: true });
    expect(await snapshot(dbPath)).toBe(before);

    const after = await runCli(['ingest', writeCsv('after.csv', 100, 10), '--db', dbPath, '--json']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ rows: 10, accepted: 10 });
    const db = await openDatabase(dbPath);
    try {
      expect(await queryRows(db, 'SELECT count(*)::INTEGER AS n FROM current_cases')).toEqual([{ n: 60 }]);
    } finally {
      await db.close();
    }
  });
});

function writeCsv(name: string, from: number, count: number): string {
  const rows = Array.from({ length: count }, (_, i) => caseRow(`K-${String(from + i).padStart(6, '0')}`));
  const path = dir.path(name);
  writeFileSync(path, caseCsv(rows));
  return path;
}
