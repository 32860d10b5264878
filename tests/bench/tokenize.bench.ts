/**
 * Tokeniser speed and memory: stock kuromoji, the fast tokenizer, the worker pool and, when it
 * is installed, MeCab, all on the same generated case text plus the MedWeb tweets.
 * Each measurement runs in a child process of its own, so that its peak RSS is its own.
 *   node --import tsx tests/bench/tokenize.bench.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { generateCases } from '../../fixtures/generator/generate.ts';
import { loadFastTokenizer } from '../../pipelines/text/tokenizer/fast-tokenizer.ts';
import { loadStockTokenizer } from '../../pipelines/text/tokenizer/stock-tokenizer.ts';
import { createTokenizerPool, defaultPoolSize } from '../../pipelines/text/tokenizer/tokenizer-pool.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 25_000);
const PASSES = Number(process.env.BENCH_PASSES ?? 3);
const SEED = 1;
const MEDWEB = new URL('../../fixtures/medweb/medweb_ja_topic.csv', import.meta.url);

type Mode = 'stock' | 'fast' | 'pool';

interface Measurement {
  mode: Mode;
  workers: number;
  loadSeconds: number;
  /** Median of the timed passes over the whole corpus. */
  seconds: number;
  tokens: number;
  peakRssMb: number;
}

function buildCorpus(): string[] {
  const texts: string[] = [];
  for (const { record } of generateCases({ rows: ROWS, seed: SEED, piiRate: 0.01 })) {
    texts.push(record.相談内容, record.課題, record.対応・支援内容, record.地域課題メモ);
  }
  if (existsSync(MEDWEB)) {
    const records = parse(readFileSync(MEDWEB), { bom: true, columns: true }) as Record<string, string>[];
    for (const r of records) texts.push(r.text ?? '');
  }
  return texts;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Child: load one tokenizer, warm it up on a few texts, then time whole passes over the corpus. */
async function measure(mode: Mode, corpusFile: string): Promise<Measurement> {
  const texts = JSON.parse(readFileSync(corpusFile, 'utf8')) as string[];
  const warmUp = texts.slice(0, 2000);
  const t0 = performance.now();
  let run: () => Promise<number>;
  let close = async () => {};
  let workers = 0;
  if (mode === 'pool') {
    const pool = createTokenizerPool({ size: Number(process.env.BENCH_POOL_SIZE ?? defaultPoolSize()) });
    workers = pool.size;
    // Enough text for a batch on every worker, so that all of them have loaded their dictionary.
    await pool.tokenizeMany(texts.slice(0, 1000 * pool.size));
    run = async () => count(await pool.tokenizeMany(texts));
    close = () => pool.close();
  } else {
    const tokenizer = mode === 'stock' ? await loadStockTokenizer() : await loadFastTokenizer();
    for (const text of warmUp) tokenizer.tokenize(text);
    run = async () => {
      let tokens = 0;
      for (const text of texts) tokens += tokenizer.tokenize(text).length;
      return tokens;
    };
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  const times: number[] = [];
  let tokens = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const start = performance.now();
    tokens = await run();
    times.push((performance.now() - start) / 1000);
  }
  await close();
  return { mode, workers, loadSeconds, seconds: median(times), tokens, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

function count(results: readonly unknown[][]): number {
  let tokens = 0;
  for (const r of results) tokens += r.length;
  return tokens;
}

function inChild(mode: Mode, corpusFile: string): Measurement {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, '--child', mode, corpusFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as Measurement;
}

interface MecabRun {
  seconds: number;
  dictionary: string;
}

/** The whole mecab process, dictionary included, over the corpus as one text per line. */
function runMecab(texts: readonly string[]): MecabRun | null {
  // `mecab -D` prints the dictionary's header but exits with status 1.
  const probe = spawnSync('mecab', ['-D'], { encoding: 'utf8' });
  if (probe.error) return null;
  const dictionary = /filename:\s*(\S+)/.exec(probe.stdout)?.[1] ?? '?';
  const input = `${texts.map((t) => t.replace(/[\r\n]+/g, ' ')).join('\n')}\n`;
  const times: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const start = performance.now();
    const run = spawnSync('mecab', [], { input, stdio: ['pipe', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    if (run.error || run.status !== 0) return null;
    times.push((performance.now() - start) / 1000);
  }
  return { seconds: median(times), dictionary };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-tokenize-bench-'));
  try {
    const texts = buildCorpus();
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const corpusFile = join(dir, 'corpus.json');
    writeFileSync(corpusFile, JSON.stringify(texts));
    console.log(`mieruka tokeniser benchmark — Node ${process.version}, ${availableParallelism()} cores, median of ${PASSES} passes`);
    console.log(`corpus: ${fmt(texts.length)} texts, ${fmt(chars)} characters (${fmt(ROWS)} generated rows × 4 text fields + MedWeb tweets)\n`);

    const line = (title: string, m: Measurement) =>
      `${title.padEnd(28)} ${fmt(chars / m.seconds).padStart(11)} chars/s  ${fmt(m.seconds, 2).padStart(6)} s  load ${fmt(m.loadSeconds, 2)} s  peak RSS ${fmt(m.peakRssMb)} MB  (${fmt(m.tokens)} tokens)`;
    const stock = inChild('stock', corpusFile);
    console.log(line('stock kuromoji, 1 thread', stock));
    const fast = inChild('fast', corpusFile);
    console.log(line('fast tokenizer, 1 thread', fast));
    const pool = inChild('pool', corpusFile);
    console.log(line(`pool, ${pool.workers} workers`, pool));
    console.log(`\nfast / stock: ${fmt(stock.seconds / fast.seconds, 2)}×   pool / stock: ${fmt(stock.seconds / pool.seconds, 2)}×   pool / fast: ${fmt(fast.seconds / pool.seconds, 2)}×`);
    if (fast.tokens !== stock.tokens) console.log(`WARNING: token counts differ (stock ${stock.tokens}, fast ${fast.tokens})`);

    const mecab = runMecab(texts);
    if (mecab) {
      console.log(`\nMeCab (${mecab.dictionary}), whole process: ${fmt(chars / mecab.seconds)} chars/s  ${fmt(mecab.seconds, 2)} s`);
      console.log(`fast / MeCab: ${fmt(mecab.seconds / fast.seconds, 2)}   stock / MeCab: ${fmt(mecab.seconds / stock.seconds, 2)}   pool / MeCab: ${fmt(mecab.seconds / pool.seconds, 2)}`);
    } else {
      console.log('\nMeCab: not on PATH, skipped');
    }
    console.log('\ntarget: the fast tokenizer at least 2× stock kuromoji per core, identical tokens; the pool under 2 GB peak RSS');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [mode, corpusFile] = process.argv.slice(3);
  if ((mode !== 'stock' && mode !== 'fast' && mode !== 'pool') || !corpusFile) throw new Error('--child stock|fast|pool CORPUS');
  const result = await measure(mode, corpusFile);
  process.stdout.write(JSON.stringify(result));
} else {
  await main();
}
