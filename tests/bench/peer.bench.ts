/**
 * `npm run bench` (issue 16): the 20,000-case path against its peer. Cases recombined from
 * the hand-written notes go through `mieruka ingest` and `mieruka analyze` as a user runs
 * them (the compiled CLI, each its own process, timed and measured from outside, stages
 * from MIERUKA_STAGE_TIMES), and through MeCab + scikit-learn TF-IDF + k-means where those
 * are installed; then time, the ratio and NMI against the labels for both.
 *
 *   node --import tsx tests/bench/peer.bench.ts [--cases N] [--seed S]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { STAGE_TIMES_ENV } from '../../cli/stage-times.ts';
import { nmi } from '../../pipelines/eval/clustering-metrics.ts';
import { findPeer, runPeer, type PeerResult } from './peer-run.ts';
import { writeRecombinedNotes } from './recombined-notes.ts';
import { formatStageTable, runningOf, stageRows } from './stage-table.ts';
import { runTimed, type TimedRun } from './timed-process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'cli/mieruka.mjs');
const OUT_DIR = join(ROOT, 'test-output/bench');
const DEFAULT_CASES = 20_000;
const DEFAULT_SEED = 1;
/** `mieruka --help` is timed this many times; the median is reported. */
const HELP_RUNS = 3;
/** The target: mieruka's total at most this many times the peer's. */
const TARGET_RATIO = 1.5;
/** The cluster of cases no theme took, as pipelines/eval scores them. */
const UNASSIGNED = '-1';

interface AnalyzeJson {
  cases: number;
  themes: Array<{ id: string; caseIds: string[] }>;
  unassigned: string[];
}

const { values } = parseArgs({ options: { cases: { type: 'string' }, seed: { type: 'string' } } });
const cases = Number(values.cases ?? DEFAULT_CASES);
const seed = Number(values.seed ?? DEFAULT_SEED);
if (!Number.isInteger(cases) || cases < 1) throw new Error(`--cases must be a positive integer: ${values.cases}`);

function buildCompiled(): number {
  const start = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  return (performance.now() - start) / 1000;
}

async function cli(args: readonly string[]): Promise<TimedRun> {
  const run = await runTimed(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, [STAGE_TIMES_ENV]: '1' } });
  if (run.exitCode !== 0) throw new Error(`mieruka ${args[0]} failed (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr.map((l) => l.text).join('\n')}`);
  return run;
}

async function helpSeconds(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < HELP_RUNS; i++) times.push((await runTimed(process.execPath, [CLI, '--help'], { cwd: ROOT })).seconds);
  return times.sort((a, b) => a - b)[Math.floor(HELP_RUNS / 2)] as number;
}

/** One dictionary load on its own, in the compiled module a worker runs: the workers' loads are hidden inside tokenising. */
async function dictionarySeconds(): Promise<number> {
  const module = new URL('pipelines/text/tokenizer/fast-tokenizer.js', `file://${ROOT}`).href;
  const script = `const m = await import(${JSON.stringify(module)}); const t = performance.now(); await m.loadLatticeTokenizer(); console.log((performance.now() - t) / 1000);`;
  const run = await runTimed(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
  return Number(run.stdout.trim());
}

function readLabels(path: string): Map<string, string> {
  const rows = parse(readFileSync(path), { bom: true, columns: true }) as Array<Record<string, string>>;
  return new Map(rows.map((r) => [String(r['記録ID']), String(r.label)]));
}

function themeOf(result: AnalyzeJson): Map<string, string> {
  const theme = new Map<string, string>();
  for (const t of result.themes) for (const id of t.caseIds) theme.set(id, t.id);
  return theme;
}

/** NMI over every labelled case; a case in no theme (or not taken in) counts in the one cluster of the unassigned. */
function nmiAgainst(labels: ReadonlyMap<string, string>, assigned: ReadonlyMap<string, string>): number {
  const ids = [...labels.keys()];
  return nmi(
    ids.map((id) => labels.get(id) as string),
    ids.map((id) => assigned.get(id) ?? UNASSIGNED),
  );
}

const mb = (n: number | null) => (n === null ? 'n/a' : `${Math.round(n)} MB`);
const s2 = (n: number) => `${n.toFixed(2)} s`;

console.log(`\npeer.bench: ${cases.toLocaleString('en-US')} cases, seed ${seed}`);
const buildSeconds = buildCompiled();
mkdirSync(OUT_DIR, { recursive: true });
const corpus = writeRecombinedNotes(join(OUT_DIR, `recombined-${cases}-${seed}.csv`), cases, seed);
const labels = readLabels(corpus.labelsPath);
const clusters = new Set(labels.values()).size;
console.log(`corpus: ${corpus.source}; ${corpus.csvPath}, ${clusters} labels; compiled in ${s2(buildSeconds)}`);

const help = await helpSeconds();
const dictionary = await dictionarySeconds();
const dbDir = mkdtempSync(join(tmpdir(), 'mieruka-peer-bench-'));
let ingest: TimedRun;
let analyze: TimedRun;
try {
  const db = join(dbDir, 'bench.duckdb');
  ingest = await cli(['ingest', corpus.csvPath, '--db', db, '--json']);
  analyze = await cli(['analyze', '--db', db, '--json']);
} finally {
  rmSync(dbDir, { recursive: true, force: true });
}
const ingestReport = JSON.parse(ingest.stdout) as { accepted: number; rejected: number; skipped: number };
const analysis = JSON.parse(analyze.stdout) as AnalyzeJson;
const mierukaSeconds = ingest.seconds + analyze.seconds;
const mierukaNmi = nmiAgainst(labels, themeOf(analysis));

const probe = findPeer();
let peer: PeerResult | null = null;
if ('python' in probe) peer = await runPeer(probe.python, corpus.csvPath, clusters);
const peerNmi = peer ? nmiAgainst(labels, peer.assignments) : null;
const ratio = peer ? mierukaSeconds / peer.seconds : null;

const rows = [...stageRows('ingest', ingest), ...stageRows('analyze', analyze)];
console.log(`\nmieruka (${runningOf(ingest)}), stage by stage:`);
console.log(formatStageTable(rows, mierukaSeconds));
console.log(`  process start alone (mieruka --help, median of ${HELP_RUNS}): ${s2(help)}; one dictionary load alone: ${s2(dictionary)} (each tokenizer worker loads one)`);
console.log(
  `\nmieruka: ingest ${s2(ingest.seconds)} (peak RSS ${mb(ingest.peakRssMb)}; accepted ${ingestReport.accepted}, refused ${ingestReport.rejected}, skipped ${ingestReport.skipped})` +
    ` + analyze ${s2(analyze.seconds)} (peak RSS ${mb(analyze.peakRssMb)}; ${analysis.themes.length} themes, ${analysis.unassigned.length} unassigned) = ${s2(mierukaSeconds)}; NMI ${mierukaNmi.toFixed(3)}`,
);
if (peer && ratio !== null && peerNmi !== null) {
  const i = peer.inside;
  console.log(
    `peer (MeCab + scikit-learn TF-IDF + k-means, k=${clusters}, n_init=${peer.nInit}, ${peer.python}): ${s2(peer.seconds)} whole process (peak RSS ${mb(peer.peakRssMb)};` +
      ` read ${s2(i.read)}, MeCab ${s2(i.tokenise)}, TF-IDF ${s2(i.vectorise)} over ${peer.vocabulary} terms, k-means ${s2(i.cluster)}); NMI ${peerNmi.toFixed(3)}`,
  );
  console.log(`ratio mieruka / peer: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}); NMI ${mierukaNmi.toFixed(3)} vs ${peerNmi.toFixed(3)} (target: at least the peer's)`);
} else if ('missing' in probe) {
  console.log(`peer skipped: ${probe.missing}`);
}

const figures = {
  cases,
  seed,
  corpus: corpus.source,
  running: runningOf(ingest),
  processStartSeconds: help,
  dictionaryLoadSeconds: dictionary,
  stages: rows,
  mieruka: { seconds: mierukaSeconds, ingest: { seconds: ingest.seconds, peakRssMb: ingest.peakRssMb, ...ingestReport }, analyze: { seconds: analyze.seconds, peakRssMb: analyze.peakRssMb, themes: analysis.themes.length, unassigned: analysis.unassigned.length }, nmi: mierukaNmi },
  peer: peer ? { seconds: peer.seconds, peakRssMb: peer.peakRssMb, inside: peer.inside, k: clusters, nInit: peer.nInit, vocabulary: peer.vocabulary, nmi: peerNmi } : { skipped: 'missing' in probe ? probe.missing : null },
  ratio,
};
writeFileSync(join(OUT_DIR, 'peer.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log(`figures: ${join(OUT_DIR, 'peer.json')}`);
