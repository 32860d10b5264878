/**
 * End to end: ingest + tokenise + analyse generated cases, as the CLI runs them, each
 * measurement in a child process of its own (peak RSS is its own).
 *   node --import tsx tests/bench/themes.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_COUNCIL } from '../../pipelines/council/settings.ts';
import { DEFAULT_METHOD } from '../../pipelines/themes/cluster/methods.ts';
import { openDatabase } from '../../pipelines/db/database.ts';
import { ingestFile } from '../../pipelines/ingest/ingest.ts';
import { analyze } from '../../pipelines/themes/analyze.ts';
import { createTokenizerPool } from '../../pipelines/text/tokenizer/tokenizer-pool.ts';
import { generateCases } from '../../fixtures/generator/generate.ts';
import { writeCasesCsv } from '../../fixtures/generator/write-csv.ts';

interface Measurement {
  ingestSeconds: number;
  analyseSeconds: number;
  themes: number;
  peakRssMb: number;
}

/** Child: ingest the files in order, then analyse once. */
async function measure(dbPath: string, files: string[]): Promise<Measurement> {
  const db = await openDatabase(dbPath);
  const pool = createTokenizerPool();
  try {
    const t0 = performance.now();
    for (const file of files) {
      await ingestFile(db, await readFile(file), { fileName: file, settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany: pool.tokenizeMany });
    }
    const t1 = performance.now();
    const result = await analyze(db, { settings: DEFAULT_COUNCIL, tokenizeMany: pool.tokenizeMany });
    const t2 = performance.now();
    return { ingestSeconds: (t1 - t0) / 1000, analyseSeconds: (t2 - t1) / 1000, themes: result.themes.length, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    await pool.close();
    await db.close();
  }
}

function inChild(dbPath: string, files: string[]): Measurement {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', dbPath, ...files], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out) as Measurement;
}

const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

function writeRange(path: string, rows: number, from: number, count: number): string {
  let i = 0;
  const slice = (function* () {
    for (const c of generateCases({ rows, seed: 3 })) {
      if (i >= from && i < from + count) yield c;
      i++;
    }
  })();
  writeCasesCsv(slice, path, 'utf-8');
  return path;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-bench-themes-'));
  try {
    console.log(`mieruka end-to-end benchmark — ingest + tokenise + analyse (${DEFAULT_METHOD}), Node ${process.version}`);
    for (const rows of [10_000, 100_000]) {
      const file = writeRange(join(dir, `cases-${rows}.csv`), rows + 500, 0, rows);
      const m = inChild(join(dir, `db-${rows}.duckdb`), [file]);
      console.log(
        `\n${rows.toLocaleString('en-US')} cases: total ${fmt(m.ingestSeconds + m.analyseSeconds)} s (ingest ${fmt(m.ingestSeconds)} s, analyse ${fmt(m.analyseSeconds)} s), ${m.themes} themes, peak RSS ${fmt(m.peakRssMb, 0)} MB`,
      );
      if (rows === 100_000) {
        const more = writeRange(join(dir, 'more-500.csv'), rows + 500, rows, 500);
        const again = inChild(join(dir, `db-${rows}.duckdb`), [more]);
        console.log(
          `  + 500 new cases: ingest ${fmt(again.ingestSeconds)} s, re-analyse ${fmt(again.analyseSeconds)} s (total ${fmt(again.ingestSeconds + again.analyseSeconds)} s), ${again.themes} themes, peak RSS ${fmt(again.peakRssMb, 0)} MB`,
        );
      }
    }
    console.log('\ntargets: 10,000 cases under 10 s, 100,000 under 90 s, peak RSS under 3 GB; +500 cases re-analysed under 10 s');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [dbPath, ...files] = process.argv.slice(3);
  if (!dbPath || files.length === 0) throw new Error('--child DB FILE...');
  process.stdout.write(JSON.stringify(await measure(dbPath, files)));
} else {
  await main();
}
