import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCases } from '../../fixtures/generator/generate.ts';
import { writeCasesCsv } from '../../fixtures/generator/write-csv.ts';
import { openDatabase } from '../db/database.ts';
import { loadCouncilSettings } from '../council/settings.ts';
import { loadWelfareDictionary } from '../text/dictionary/load-dictionary.ts';
import { tokenizeInProcess } from '../text/tokenize-in-process.ts';
import { fullGuardFinder } from './guard-finder.ts';
import { loadLabelledCorpus } from './labelled-corpus.ts';
import { evaluatePiiProbe, formatPiiProbeReport } from './pii-probe.ts';
import { evaluateTermVariants, termVariants } from './term-quality.ts';
import { runMethodComparison } from './method-comparison.ts';
import { evaluateAnalysis, formatScoreTable } from './analysis-eval.ts';
import { evaluateTeaching, formatTeachTable } from './teach-eval.ts';
import { evaluateSecondThemes, formatSecondThemes } from './second-theme-eval.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const PROBES = ['pii-probe.csv', 'pii-holdout.csv', 'pii-names-probe.csv'].map((f) => here(`../../fixtures/${f}`));
const MEDWEB = here('../../fixtures/medweb/medweb_ja_topic.csv');
/** casenotes_dev's walls as a council would write them as categories: one line each, from its README's table. */
const CATEGORIES = here('../../fixtures/casenotes-categories.json');
/** The hand-written notes, beside the checkout when the shared folder is there. */
const CASENOTES_DEV = here('../../../shared/eval/casenotes_dev/');

/**
 * `npm run eval`: the personal-information guard on the probe files, and what the welfare
 * dictionary and shortage terms do to how well terms separate labelled cases (generated
 * fixtures and the medweb corpus).
 * `npm run eval -- FILE.csv [LABELS.csv]`: the theme method on one labelled corpus (a case CSV
 * with a labels file, or an id,text,label corpus); `npm run eval -- pii PROBE.csv...` and
 * `npm run eval -- terms FILE.csv [LABELS.csv]` for the other parts.
 */
async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'pii') return evaluateProbes(argv.slice(1).length > 0 ? argv.slice(1) : PROBES);
  if (argv[0] === 'terms' && argv[1]) return evaluateTerms(argv[1], argv[2] ?? null);
  if (argv[0] === 'methods') return runMethodComparison(argv.slice(1));
  if (argv[0] === 'teach') return teach(Number(argv[1] ?? 1));
  if (argv[0] === 'categories') return categories();
  if (argv[0] === 'secondary') return secondThemes();
  if (argv.length > 0) {
    process.stdout.write(`${formatScoreTable(await evaluateAnalysis(argv[0] as string, argv[0] as string, argv[1] ?? null, tokenizeInProcess))}\n`);
    return 0;
  }
  await evaluateProbes(PROBES);
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-eval-'));
  try {
    const corpora: Array<{ name: string; cases: string; labels: string | null }> = [];
    if (existsSync(CASENOTES_DEV)) corpora.push({ name: 'casenotes_dev (618 hand-written)', cases: join(CASENOTES_DEV, 'cases.csv'), labels: join(CASENOTES_DEV, 'labels.csv') });
    corpora.push({ name: 'medweb_ja (1,174 tweets)', cases: MEDWEB, labels: null });
    for (const style of ['plain', 'hard'] as const) {
      for (const seed of [7, 8]) {
        const generated = join(dir, `generated-${style}-${seed}.csv`);
        writeCasesCsv(generateCases({ rows: 2000, seed, style }), generated, 'utf-8');
        corpora.push({ name: `generated 2,000 ${style} (seed ${seed})`, cases: generated, labels: join(dir, `generated-${style}-${seed}.labels.csv`) });
      }
    }
    const rows = [];
    for (const c of corpora) rows.push(...(await evaluateAnalysis(c.name, c.cases, c.labels, tokenizeInProcess)));
    process.stdout.write(`${formatScoreTable(rows)}\n`);
    for (const c of corpora) await evaluateTerms(c.cases, c.labels, c.name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}

/** `npm run eval -- teach [SEED]`: the meeting simulated on casenotes_dev and the hard generator, incremental and full re-analyses. */
async function teach(seed: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-eval-'));
  try {
    const corpora: Array<{ corpus: string; cases: string; labels: string }> = [];
    if (existsSync(CASENOTES_DEV)) corpora.push({ corpus: 'casenotes_dev', cases: join(CASENOTES_DEV, 'cases.csv'), labels: join(CASENOTES_DEV, 'labels.csv') });
    const generated = join(dir, 'generated-hard-7.csv');
    writeCasesCsv(generateCases({ rows: 2000, seed: 7, style: 'hard' }), generated, 'utf-8');
    corpora.push({ corpus: 'generated 2,000 hard (seed 7)', cases: generated, labels: join(dir, 'generated-hard-7.labels.csv') });
    const rows = [];
    for (const c of corpora) {
      for (const full of [false, true]) rows.push({ corpus: c.corpus, mode: full ? 'full' : 'incremental', points: await evaluateTeaching(c.cases, c.labels, tokenizeInProcess, full, seed) });
    }
    process.stdout.write(`${formatTeachTable(rows)}\n`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run eval -- categories`: casenotes_dev analysed without and with categories written from its README's table of walls. */
async function categories(): Promise<number> {
  if (!existsSync(CASENOTES_DEV)) throw new Error(`${CASENOTES_DEV} is not there`);
  const [cases, labels] = [join(CASENOTES_DEV, 'cases.csv'), join(CASENOTES_DEV, 'labels.csv')];
  const council = await loadCouncilSettings(CATEGORIES);
  const rows = [
    ...(await evaluateAnalysis('casenotes_dev', cases, labels, tokenizeInProcess)),
    ...(await evaluateAnalysis('casenotes_dev', cases, labels, tokenizeInProcess, council, `with ${council.categories?.length ?? 0} categories`)).slice(0, 1),
  ];
  process.stdout.write(`${formatScoreTable(rows)}\n`);
  return 0;
}

/** `npm run eval -- secondary`: second themes on casenotes_dev against its secondary_label. */
async function secondThemes(): Promise<number> {
  if (!existsSync(CASENOTES_DEV)) throw new Error(`${CASENOTES_DEV} is not there`);
  const score = await evaluateSecondThemes(join(CASENOTES_DEV, 'cases.csv'), join(CASENOTES_DEV, 'labels.csv'), tokenizeInProcess);
  process.stdout.write(`${formatSecondThemes('casenotes_dev', score)}\n`);
  return 0;
}

async function evaluateProbes(paths: readonly string[]): Promise<number> {
  for (const path of paths) {
    const text = await readFile(path, 'utf8');
    process.stdout.write(`\n${path} — パターンのみ / patterns only\n${formatPiiProbeReport(evaluatePiiProbe(text))}\n`);
    const full = evaluatePiiProbe(text, await fullGuardFinder(text, tokenizeInProcess));
    process.stdout.write(`\n${path} — パターン＋形態素解析の人名 / patterns, then kuromoji names (as ingest runs it)\n${formatPiiProbeReport(full)}\n`);
  }
  return 0;
}

async function evaluateTerms(casesPath: string, labelsPath: string | null, title = casesPath): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-eval-db-'));
  const db = await openDatabase(join(dir, 'eval.duckdb'));
  try {
    const started = performance.now();
    const labels = await loadLabelledCorpus(db, casesPath, labelsPath, tokenizeInProcess);
    const loaded = performance.now();
    const { terms, stopWords } = await loadWelfareDictionary();
    const results = await evaluateTermVariants(db, labels, termVariants({ dictionary: terms, stopWords, shortageTerms: true }), tokenizeInProcess);
    const k = new Set(labels.values()).size;
    const lines = [
      `\n語の質 / term quality — ${title}`,
      `  事例 ${labels.size} 件、正解ラベル ${k} 種。TF-IDF + 球面 k-means（k=${k} を与える）/ spherical k-means told k`,
      `  ${'variant'.padEnd(44)} ${'NMI (±sd, 8 seeds)'.padStart(18)} ${'ARI (±sd)'.padStart(16)} ${'terms'.padStart(6)}`,
      ...results.map(
        (r) =>
          `  ${r.name.padEnd(44)} ${`${r.nmi.toFixed(3)} ±${r.nmiSd.toFixed(3)}`.padStart(18)} ${`${r.ari.toFixed(3)} ±${r.ariSd.toFixed(3)}`.padStart(16)} ${String(r.vocabulary).padStart(6)}`,
      ),
      `  time: load ${((loaded - started) / 1000).toFixed(1)} s, variants ${((performance.now() - loaded) / 1000).toFixed(1)} s`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
