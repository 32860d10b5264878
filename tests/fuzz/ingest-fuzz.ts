/**
 * `npm run fuzz -- --n 10000 [--seed N] [--db-every K]`: the ingest fuzz test's property
 * (tests/ingest-fuzz.test.ts) over many more damaged files, with larger cells. Every K-th
 * case also goes through a database and the tokenizer. Prints the cases run, the
 * failures (0 expected; each one's bytes are kept under test-output/fuzz/), the time and
 * the slowest case. Exit status 1 when any case failed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { openDatabase, type Database } from '../../pipelines/db/database.ts';
import type { PiiMode } from '../../pipelines/ingest/issues.ts';
import { caseBytes, describeCase, fuzzCase, type FuzzCase, type FuzzLimits } from '../helpers/csv-mutations.ts';
import { checkPureIngest, checkStoredIngest, type CaseOutcome } from '../helpers/ingest-fuzz-check.ts';

/** Larger than a spread into a call survives (about 125,000 arguments on Node 20). */
const LIMITS: FuzzLimits = { maxPiiMatches: 150_000, maxCellLength: 200_000 };
const STORED_LIMITS: FuzzLimits = { maxPiiMatches: 5_000, maxCellLength: 20_000 };
/** Cases drawn at a time: all of a batch is held in memory at once. */
const BATCH = 100;
const FAILURE_DIR = 'test-output/fuzz';
const SHOWN_FAILURES = 10;

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    'db-every': { type: 'string', default: '100' },
  },
});
const runs = Number(values.n);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const dbEvery = Number(values['db-every']);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !Number.isInteger(dbEvery) || dbEvery < 0) {
  process.stderr.write('使い方: npm run fuzz -- [--n 件数] [--seed 整数] [--db-every K（0 でデータベースを使わない）]\n');
  process.exit(2);
}

interface Failure {
  index: number;
  description: string;
  reason: string;
}

const dbDir = mkdtempSync(join(tmpdir(), 'mieruka-fuzz-'));
const db: Database | null = dbEvery > 0 ? await openDatabase(join(dbDir, 'fuzz.duckdb')) : null;
const failures: Failure[] = [];
const outcomes = new Map<string, number>();
let slowest = { ms: 0, index: -1, description: '' };
const started = performance.now();

try {
  for (let done = 0; done < runs; done += BATCH) {
    const batch = Math.min(BATCH, runs - done);
    const cases = fc.sample(fc.tuple(fuzzCase(LIMITS), fuzzCase(STORED_LIMITS), fc.constantFrom<PiiMode>('mask', 'reject')), {
      seed: seed + done,
      numRuns: batch,
    });
    for (const [k, [c, small, piiMode]] of cases.entries()) {
      const index = done + k;
      const useDb = db !== null && index % dbEvery === 0;
      await runCase(index, useDb ? small : c, piiMode, useDb);
    }
    if ((done + batch) % 1000 === 0) process.stderr.write(`${done + batch} / ${runs}\n`);
  }
} finally {
  await db?.close();
  rmSync(dbDir, { recursive: true, force: true });
}

async function runCase(index: number, c: FuzzCase, piiMode: PiiMode, useDb: boolean): Promise<void> {
  const description = `${useDb ? 'database, ' : ''}${piiMode}, ${describeCase(c)}`;
  const bytes = caseBytes(c);
  const t = performance.now();
  try {
    const outcome: CaseOutcome = useDb && db ? await checkStoredIngest(db, bytes, piiMode) : checkPureIngest(bytes, piiMode);
    const key = 'fatal' in outcome ? `refused whole: ${outcome.fatal}` : outcome.rejected > 0 ? 'read, some rows refused' : 'read, no row refused';
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  } catch (error) {
    mkdirSync(FAILURE_DIR, { recursive: true });
    writeFileSync(join(FAILURE_DIR, `seed-${seed}-case-${index}.csv`), bytes);
    failures.push({ index, description, reason: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  const ms = performance.now() - t;
  if (ms > slowest.ms) slowest = { ms, index, description };
}

const seconds = (performance.now() - started) / 1000;
const lines = [
  `cases run: ${runs} (seed ${seed}; every ${dbEvery || '—'}th through the database)`,
  `failures: ${failures.length}`,
  `time: ${seconds.toFixed(1)} s (${((seconds * 1000) / runs).toFixed(1)} ms a case)`,
  `slowest case: #${slowest.index}, ${Math.round(slowest.ms)} ms — ${slowest.description}`,
  'outcomes:',
  ...[...outcomes].sort((a, b) => b[1] - a[1]).map(([key, count]) => `  ${key}: ${count}`),
  ...failures.slice(0, SHOWN_FAILURES).map((f) => `failure #${f.index} (${f.description}):\n  ${f.reason.split('\n').slice(0, 6).join('\n  ')}`),
];
if (failures.length > 0) lines.push(`failing files: ${FAILURE_DIR}/seed-${seed}-case-*.csv; repeat with --seed ${seed} --n ${runs}`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = failures.length > 0 ? 1 : 0;
