import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workerEntry } from '../pipelines/worker-entry.ts';
import { runCli } from './helpers/run-cli.ts';
import { tempDir, type TempDir } from './helpers/temp-db.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['cli', 'server', 'pipelines', 'shared'];
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

let copy: TempDir;
const bin = () => copy.path('cli/mieruka.mjs');

function removeTypeScript(): number {
  let removed = 0;
  for (const folder of SOURCES) {
    for (const name of readdirSync(copy.path(folder), { recursive: true }) as string[]) {
      if (!name.endsWith('.ts')) continue;
      rmSync(copy.path(`${folder}/${name}`));
      removed++;
    }
  }
  return removed;
}

describe('the bin runs compiled JavaScript', () => {
  /** A copy of the project's sources, compiled there as `npm install`'s prepare step compiles them. */
  beforeEach(() => {
    copy = tempDir('mieruka-compiled-');
    for (const folder of [...SOURCES, 'fixtures']) cpSync(join(ROOT, folder), copy.path(folder), { recursive: true, filter: (path) => !path.endsWith('.js') });
    for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) cpSync(join(ROOT, file), copy.path(file));
    symlinkSync(join(ROOT, 'node_modules'), copy.path('node_modules'));
    execFileSync(process.execPath, [TSC, '-p', 'tsconfig.build.json'], { cwd: copy.dir });
  });
  afterEach(() => copy.remove());
  it('takes in and analyses the demo with no TypeScript left, its workers started from their compiled modules', async () => {
    expect(removeTypeScript()).toBeGreaterThan(200);
    const help = await runCli(['--help'], {}, bin());
    expect([help.code, help.stdout.startsWith('使い方:')]).toEqual([0, true]);
    const db = copy.path('demo.duckdb');
    const ingested = await runCli(['ingest', copy.path('fixtures/demo.csv'), '--db', db, '--json'], {}, bin());
    expect([ingested.code, (JSON.parse(ingested.stdout) as { accepted: number }).accepted]).toEqual([0, 300]);
    const analysed = await runCli(['analyze', '--db', db, '--json'], {}, bin());
    expect([analysed.code, (JSON.parse(analysed.stdout) as { cases: number }).cases]).toEqual([0, 300]);
  }, 120_000);

  it('runs a source edited after the build through tsx, not its stale compiled sibling', async () => {
    const usage = copy.path('cli/usage.ts');
    writeFileSync(usage, readFileSync(usage, 'utf8').replace('使い方:', '使い方（編集後）:'));
    const later = new Date(Date.now() + 60_000);
    utimesSync(usage, later, later);
    const help = await runCli(['--help'], {}, bin());
    expect([help.code, help.stdout.startsWith('使い方（編集後）:')]).toEqual([0, true]);
  }, 60_000);
});

describe('workerEntry', () => {
  it('starts a worker from its compiled module when the code runs compiled, else from its tsx boot file', () => {
    expect(workerEntry('file:///app/pipelines/ingest/parallel-check.js', 'check-worker').href).toBe('file:///app/pipelines/ingest/check-worker.js');
    expect(workerEntry('file:///app/pipelines/ingest/parallel-check.ts', 'check-worker').href).toBe('file:///app/pipelines/ingest/check-worker.mjs');
  });
});
