import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCases } from '../../fixtures/generator/generate.ts';
import { writeCasesCsv } from '../../fixtures/generator/write-csv.ts';
import { METHODS } from '../themes/cluster/methods.ts';
import type { ClusterMethod } from '../themes/cluster/types.ts';
import type { CaseVectors } from '../themes/vectors.ts';
import { tokenizeInProcess } from '../text/tokenize-in-process.ts';
import { ari, nmi } from './clustering-metrics.ts';
import { labelledVectors } from './labelled-vectors.ts';
import { sphericalKMeans } from './spherical-kmeans.ts';

export { chooseMethod, DEFAULT_METHOD } from '../themes/cluster/methods.ts';

const MEDWEB = fileURLToPath(new URL('../../../shared/eval/medweb_ja/medweb_ja_topic.csv', import.meta.url));

/** A labelled corpus; several files are scored separately and averaged (small councils vary). */
export interface CorpusSpec {
  name: string;
  files: Array<{ cases: string; labels: string | null }>;
}

export interface ComparisonRow {
  method: string;
  corpus: string;
  /** Means over seeds and files; unassigned cases count as one more cluster ('-1'). */
  nmi: number;
  nmiMin: number;
  nmiMax: number;
  ari: number;
  /** NMI over the assigned cases only. */
  nmiAssigned: number;
  themes: { min: number; max: number };
  unassigned: number;
  /** Share of the generator's one-off ('individual') cases left unassigned; null without such cases. */
  individualUnassigned: number | null;
  /** Seconds per clustering run (vectors already built). */
  seconds: number;
}

interface Labelled {
  data: CaseVectors;
  labels: string[];
}

/** Generated corpora (2,000 rows, seeds 7 and 8; 10,000 rows; five councils of 30) and medweb. */
export function comparisonCorpora(dir: string): CorpusSpec[] {
  const generated = (rows: number, seed: number) => {
    const cases = join(dir, `generated-${rows}-${seed}.csv`);
    writeCasesCsv(generateCases({ rows, seed }), cases, 'utf-8');
    return { cases, labels: cases.replace(/\.csv$/, '.labels.csv') };
  };
  return [
    { name: 'generated 2,000 (seed 7)', files: [generated(2000, 7)] },
    { name: 'generated 2,000 (seed 8)', files: [generated(2000, 8)] },
    { name: 'generated 10,000 (seed 9)', files: [generated(10000, 9)] },
    { name: 'medweb_ja (1,174 tweets)', files: [{ cases: MEDWEB, labels: null }] },
    { name: 'generated 30 × 5 councils', files: [21, 22, 23, 24, 25].map((seed) => generated(30, seed)) },
  ];
}

export interface CompareOptions {
  methods?: Readonly<Record<string, ClusterMethod>>;
  seeds?: readonly number[];
  /** Also score spherical k-means told the true number of labels, the figure to beat. */
  reference?: boolean;
  log?: (line: string) => void;
}

export const REFERENCE = 'k-means told k (reference)';

/** Every method on every corpus with every seed, through the real pipeline's vectors. */
export async function compareMethods(corpora: readonly CorpusSpec[], options: CompareOptions = {}): Promise<ComparisonRow[]> {
  const { methods = METHODS, seeds = [1, 2, 3], reference = true, log = () => {} } = options;
  const rows: ComparisonRow[] = [];
  for (const corpus of corpora) {
    const loaded: Labelled[] = [];
    for (const file of corpus.files) loaded.push(await labelledVectors(file.cases, file.labels, tokenizeInProcess));
    log(`${corpus.name}: ${loaded.reduce((s, l) => s + l.data.ids.length, 0)} cases, ${loaded[0]?.data.vocabulary.length ?? 0} terms`);
    const scored = Object.entries(methods).map(([method, cluster]) => scoreMethod(method, corpus.name, () => cluster, loaded, seeds));
    if (reference) scored.push(scoreMethod(REFERENCE, corpus.name, toldK, loaded, seeds));
    for (const row of scored) log(`  ${row.method}: NMI ${row.nmi.toFixed(3)}, ${row.seconds.toFixed(2)} s`);
    rows.push(...scored);
  }
  return rows;
}

/** The baseline of the term-quality evaluation: spherical k-means given the true k, every case assigned. */
function toldK(labels: readonly string[]): ClusterMethod {
  const k = new Set(labels).size;
  return (data, { seed }) => ({
    assignment: sphericalKMeans(data.vectors, data.vocabulary.length, { k, seed, restarts: 5, iterations: 60 }),
    themes: k,
    guided: 0,
  });
}

function scoreMethod(
  method: string,
  corpus: string,
  methodFor: (labels: readonly string[]) => ClusterMethod,
  loaded: readonly Labelled[],
  seeds: readonly number[],
): ComparisonRow {
  const runs: Array<Omit<ComparisonRow, 'method' | 'corpus' | 'nmiMin' | 'nmiMax' | 'themes'> & { themes: number }> = [];
  for (const { data, labels } of loaded) {
    const cluster = methodFor(labels);
    for (const seed of seeds) {
      const started = performance.now();
      const result = cluster(data, { seed });
      const seconds = (performance.now() - started) / 1000;
      const predicted = result.assignment.map(String);
      const assigned = result.assignment.flatMap((t, i) => (t >= 0 ? [i] : []));
      const individual = labels.flatMap((l, i) => (l === 'individual' ? [i] : []));
      runs.push({
        nmi: nmi(labels, predicted),
        ari: ari(labels, predicted),
        nmiAssigned: nmi(assigned.map((i) => labels[i] as string), assigned.map((i) => predicted[i] as string)),
        themes: result.themes,
        unassigned: 1 - assigned.length / labels.length,
        individualUnassigned: individual.length === 0 ? null : individual.filter((i) => result.assignment[i] === -1).length / individual.length,
        seconds,
      });
    }
  }
  const mean = (pick: (r: (typeof runs)[number]) => number) => runs.reduce((s, r) => s + pick(r), 0) / runs.length;
  const withIndividual = runs.filter((r) => r.individualUnassigned !== null);
  return {
    method,
    corpus,
    nmi: mean((r) => r.nmi),
    nmiMin: Math.min(...runs.map((r) => r.nmi)),
    nmiMax: Math.max(...runs.map((r) => r.nmi)),
    ari: mean((r) => r.ari),
    nmiAssigned: mean((r) => r.nmiAssigned),
    themes: { min: Math.min(...runs.map((r) => r.themes)), max: Math.max(...runs.map((r) => r.themes)) },
    unassigned: mean((r) => r.unassigned),
    individualUnassigned: withIndividual.length === 0 ? null : withIndividual.reduce((s, r) => s + (r.individualUnassigned ?? 0), 0) / withIndividual.length,
    seconds: mean((r) => r.seconds),
  };
}

/** The comparison as a Markdown table (the form docs/clustering.md quotes). */
export function formatComparison(rows: readonly ComparisonRow[]): string {
  const head = '| method | corpus | NMI (min–max) | ARI | NMI assigned | themes | unassigned | one-off unassigned | s/run |';
  const lines = rows.map((r) =>
    [
      r.method,
      r.corpus,
      `${r.nmi.toFixed(3)} (${r.nmiMin.toFixed(3)}–${r.nmiMax.toFixed(3)})`,
      r.ari.toFixed(3),
      r.nmiAssigned.toFixed(3),
      r.themes.min === r.themes.max ? String(r.themes.min) : `${r.themes.min}–${r.themes.max}`,
      `${(r.unassigned * 100).toFixed(1)}%`,
      r.individualUnassigned === null ? '—' : `${(r.individualUnassigned * 100).toFixed(0)}%`,
      r.seconds.toFixed(2),
    ].join(' | '),
  );
  return [head, `|${'---|'.repeat(9)}`, ...lines.map((l) => `| ${l} |`)].join('\n');
}

/**
 * Time and memory of the methods on `rows` generated cases (through the real pipeline);
 * `copies` > 1 then repeats those vectors to project a larger council's clustering time.
 */
export async function measureScale(rows: number, copies: number, methods: Readonly<Record<string, ClusterMethod>>, log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-scale-'));
  try {
    const cases = join(dir, 'generated.csv');
    writeCasesCsv(generateCases({ rows, seed: 41 }), cases, 'utf-8');
    const loaded = await labelledVectors(cases, cases.replace(/\.csv$/, '.labels.csv'), tokenizeInProcess);
    const nnz = loaded.data.vectors.reduce((s, v) => s + v.size, 0) / loaded.data.vectors.length;
    log(`${rows} cases built in ${loaded.seconds.toFixed(1)} s: ${loaded.data.vocabulary.length} terms, ${nnz.toFixed(1)} non-zeros per case`);
    const data: CaseVectors = copies <= 1 ? loaded.data : repeat(loaded.data, copies);
    const labels = Array.from({ length: copies }, () => loaded.labels).flat();
    for (const [method, cluster] of Object.entries(methods)) {
      const rss = process.memoryUsage().rss;
      const started = performance.now();
      const result = cluster(data, { seed: 1 });
      const seconds = (performance.now() - started) / 1000;
      const peak = process.resourceUsage().maxRSS * 1024;
      log(
        `${method} on ${data.ids.length} cases: ${seconds.toFixed(1)} s, NMI ${nmi(labels, result.assignment.map(String)).toFixed(3)}, ` +
          `${result.themes} themes, ${(result.assignment.filter((t) => t === -1).length / data.ids.length * 100).toFixed(1)}% unassigned; ` +
          `resident ${(rss / 1e6).toFixed(0)} MB before, peak ${(peak / 1e6).toFixed(0)} MB (peak covers every run so far)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function repeat(data: CaseVectors, copies: number): CaseVectors {
  return {
    ids: Array.from({ length: copies }, (_, c) => data.ids.map((id) => `${id}#${c}`)).flat(),
    vectors: Array.from({ length: copies }, () => data.vectors).flat(),
    vocabulary: data.vocabulary,
  };
}

/**
 * `npm run eval -- methods` (or `node --import tsx pipelines/eval/method-comparison.ts`)
 * prints the comparison table;
 * `… --scale 100000 [--copies 10] [--methods louvain-knn]` measures time and memory.
 */
export async function runMethodComparison(argv: string[]): Promise<number> {
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const names = option('--methods')?.split(',') ?? Object.keys(METHODS);
  const unknown = names.filter((n) => !(n in METHODS));
  if (unknown.length > 0) {
    process.stderr.write(`unknown method ${unknown.join(', ')}; known: ${Object.keys(METHODS).join(', ')}\n`);
    return 2;
  }
  const methods = Object.fromEntries(names.map((n) => [n, METHODS[n as keyof typeof METHODS]]));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const scale = option('--scale');
  if (scale !== undefined) {
    await measureScale(Number(scale), Number(option('--copies') ?? 1), methods, (line) => process.stdout.write(`${line}\n`));
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-methods-'));
  try {
    process.stdout.write(`${formatComparison(await compareMethods(comparisonCorpora(dir), { methods, log }))}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await runMethodComparison(process.argv.slice(2));
