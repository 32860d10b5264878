/**
 * `npm run bench -- --1m` (issue 16, not in CI): one million cases end to end. The
 * generator's hard, real-notes-like setting writes them (once; the file is kept in
 * test-output/bench), then the compiled `mieruka ingest` and `mieruka analyze` run on them
 * as a user runs them, each its own process, timed with its peak RSS from outside.
 *
 *   node --import tsx tests/bench/million.bench.ts [--cases N] [--seed S]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { STAGE_TIMES_ENV } from '../../cli/stage-times.ts';
import { generateCases } from '../../fixtures/generator/generate.ts';
import { writeCasesCsv } from '../../fixtures/generator/write-csv.ts';
import { formatStageTable, stageRows } from './stage-table.ts';
import { canMeasureRss, runTimed, type TimedRun } from './timed-process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'cli/mieruka.mjs');
const OUT_DIR = join(ROOT, 'test-output/bench');
const DEFAULT_CASES = 1_000_000;
const DEFAULT_SEED = 11;
/** The targets on a 2-core machine. */
const TARGET_SECONDS = 15 * 60;
const TARGET_PEAK_MB = 3 * 1024;

const { values } = parseArgs({ options: { cases: { type: 'string' }, seed: { type: 'string' } } });
const cases = Number(values.cases ?? DEFAULT_CASES);
const seed = Number(values.seed ?? DEFAULT_SEED);
if (!Number.isInteger(cases) || cases < 1) throw new Error(`--cases must be a positive integer: ${values.cases}`);

function corpusPath(): string {
  const path = join(OUT_DIR, `hard-${cases}-${seed}.csv`);
  if (existsSync(path)) return path;
  mkdirSync(OUT_DIR, { recursive: true });
  const start = performance.now();
  writeCasesCsv(generateCases({ rows: cases, seed, style: 'hard' }), path, 'utf-8', { secondaryLabels: true });
  console.log(`generated ${path} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return path;
}

async function cli(args: readonly string[]): Promise<TimedRun> {
  const run = await runTimed(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, [STAGE_TIMES_ENV]: '1' } });
  if (run.exitCode !== 0) throw new Error(`mieruka ${args[0]} failed (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr.map((l) => l.text).join('\n')}`);
  return run;
}

const mb = (n: number | null) => (n === null ? 'n/a (no /usr/bin/time)' : `${Math.round(n)} MB`);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

console.log(`\nmillion.bench: ${cases.toLocaleString('en-US')} hard cases, seed ${seed}`);
execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
const csv = corpusPath();
const dbDir = mkdtempSync(join(tmpdir(), 'mieruka-million-'));
let ingest: TimedRun;
let analyze: TimedRun;
try {
  const db = join(dbDir, 'million.duckdb');
  ingest = await cli(['ingest', csv, '--db', db, '--json']);
  analyze = await cli(['analyze', '--db', db, '--json']);
} finally {
  rmSync(dbDir, { recursive: true, force: true });
}
const report = JSON.parse(ingest.stdout) as { rows: number; accepted: number };
const analysis = JSON.parse(analyze.stdout) as { themes: unknown[] };
const seconds = ingest.seconds + analyze.seconds;
const peak = canMeasureRss() ? Math.max(ingest.peakRssMb ?? 0, analyze.peakRssMb ?? 0) : null;

console.log(formatStageTable([...stageRows('ingest', ingest), ...stageRows('analyze', analyze)], seconds));
console.log(`ingest ${ingest.seconds.toFixed(1)} s (peak RSS ${mb(ingest.peakRssMb)}; ${report.accepted.toLocaleString('en-US')} of ${report.rows.toLocaleString('en-US')} rows taken in)`);
console.log(`analyze ${analyze.seconds.toFixed(1)} s (peak RSS ${mb(analyze.peakRssMb)}; ${analysis.themes.length} themes)`);
console.log(`end to end ${seconds.toFixed(1)} s: ${verdict(seconds <= TARGET_SECONDS)} (target ≤ ${TARGET_SECONDS} s); peak RSS ${mb(peak)}: ${peak === null ? 'unmeasured' : verdict(peak <= TARGET_PEAK_MB)} (target ≤ ${TARGET_PEAK_MB} MB)`);
const figures = { cases, seed, seconds, peakRssMb: peak, ingest: { seconds: ingest.seconds, peakRssMb: ingest.peakRssMb }, analyze: { seconds: analyze.seconds, peakRssMb: analyze.peakRssMb, themes: analysis.themes.length } };
writeFileSync(join(OUT_DIR, 'million.json'), `${JSON.stringify(figures, null, 2)}\n`);
