/**
 * `npm run bench`: ingest speed and memory on generated case records.
 * Each measured ingest runs in a child process of its own, so that its peak RSS is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_COUNCIL } from '../../pipelines/council/settings.ts';
import { openDatabase } from '../../pipelines/db/database.ts';
import { ingestFile, type IngestStage } from '../../pipelines/ingest/ingest.ts';
import { createTokenizerPool } from '../../pipelines/text/tokenizer/tokenizer-pool.ts';
import { generateCases } from '../../fixtures/generator/generate.ts';
import { writeCasesCsv, type OutputEncoding } from '../../fixtures/generator/write-csv.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SEED = 1;

interface Measurement {
  rows: number;
  accepted: number;
  skipped: number;
  checkSeconds: number;
  tokenizeSeconds: number;
  storeSeconds: number;
  peakRssMb: number;
}

/**
 * Child: one ingest of one file into one database, as the CLI runs it (worker pool for
 * the tokenizer). Stages are timed from the progress events: checking ends when the
 * tokenizer (or, with nothing to tokenise, the store) first reports.
 */
async function measure(file: string, dbPath: string): Promise<Measurement> {
  const bytes = readFileSync(file);
  const db = await openDatabase(dbPath);
  const pool = createTokenizerPool();
  try {
    const firstSeen = new Map<IngestStage, number>();
    const t0 = performance.now();
    const report = await ingestFile(db, bytes, {
      fileName: 'bench.csv',
      settings: DEFAULT_COUNCIL,
      piiMode: 'mask',
      tokenizeMany: pool.tokenizeMany,
      onProgress: (stage) => {
        if (!firstSeen.has(stage)) firstSeen.set(stage, performance.now());
      },
    });
    const t3 = performance.now();
    const t2 = firstSeen.get('store') ?? t3;
    const t1 = firstSeen.get('tokenize') ?? t2;
    return {
      rows: report.rows,
      accepted: report.accepted,
      skipped: report.skipped,
      checkSeconds: (t1 - t0) / 1000,
      tokenizeSeconds: (t2 - t1) / 1000,
      storeSeconds: (t3 - t2) / 1000,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await pool.close();
    await db.close();
  }
}

function inChild(file: string, dbPath: string): Measurement {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, '--child', file, dbPath], { encoding: 'utf8' });
  return JSON.parse(out) as Measurement;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function line(title: string, m: Measurement): string {
  const total = m.checkSeconds + m.tokenizeSeconds + m.storeSeconds;
  return [
    `${title}`,
    `  check (decode, parse, validate, PII patterns; ${availableParallelism()} threads): ${fmt(m.checkSeconds, 2)} s  ${fmt(m.rows / m.checkSeconds)} rows/s`,
    `  tokenise new texts + name guard (worker pool, cache lookup): ${fmt(m.tokenizeSeconds, 2)} s`,
    `  store (appender, compare, tokens, one transaction): ${fmt(m.storeSeconds, 2)} s  (${fmt(m.accepted)} accepted, ${fmt(m.skipped)} skipped)`,
    `  total: ${fmt(total, 2)} s  ${fmt(m.rows / total)} rows/s  peak RSS ${fmt(m.peakRssMb)} MB`,
  ].join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-bench-'));
  try {
    const files = {} as Record<OutputEncoding, string>;
    for (const encoding of ['utf-8', 'shift_jis'] as const) {
      files[encoding] = join(dir, `cases-${encoding}.csv`);
      writeCasesCsv(generateCases({ rows: ROWS, seed: SEED, piiRate: 0.01 }), files[encoding], encoding);
    }
    const mb = (f: string) => fmt(statSync(f).size / 1024 / 1024, 1);
    console.log(`mieruka ingest benchmark — ${fmt(ROWS)} generated rows (seed ${SEED}, 1% with personal information), Node ${process.version}`);
    console.log(line(`\nUTF-8 file (${mb(files['utf-8'])} MB) into an empty database`, inChild(files['utf-8'], join(dir, 'a.duckdb'))));
    console.log(line(`\nthe same file again (every row unchanged, every text already tokenised)`, inChild(files['utf-8'], join(dir, 'a.duckdb'))));
    console.log(line(`\nShift_JIS twin (${mb(files.shift_jis)} MB) into an empty database`, inChild(files.shift_jis, join(dir, 'b.duckdb'))));
    console.log('\ntarget (case-record ingest issue): at least 20,000 rows/s for checking and storing on this 2-core machine');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [file, dbPath] = process.argv.slice(3);
  if (!file || !dbPath) throw new Error('--child FILE DB');
  process.stdout.write(JSON.stringify(await measure(file, dbPath)));
} else {
  await main();
}
