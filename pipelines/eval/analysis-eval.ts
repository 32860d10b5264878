import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_COUNCIL, type CouncilSettings } from '../council/settings.ts';
import { openDatabase } from '../db/database.ts';
import { loadCaseVectors } from '../themes/case-vectors.ts';
import { analyze } from '../themes/analyze.ts';
import type { TokenizeMany } from '../text/tokenize-texts.ts';
import { ari, nmi } from './clustering-metrics.ts';
import { loadLabelledCorpus } from './labelled-corpus.ts';
import { sphericalKMeans } from './spherical-kmeans.ts';

/** Labels of the one-off individual matters a good method leaves out of every theme. */
export const ONE_OFF_LABELS: ReadonlySet<string> = new Set(['NONE', 'individual']);
/** The told-k reference is averaged over this many k-means seeds. */
const REFERENCE_SEEDS = [1, 2, 3];
const REFERENCE_RESTARTS = 5;
const REFERENCE_ITERATIONS = 50;
const UNASSIGNED = '-1';

export interface ScoreRow {
  corpus: string;
  method: string;
  nmi: number;
  /** Unassigned cases count as one more cluster. */
  ari: number;
  nmiAssigned: number;
  themes: number;
  labels: number;
  /** Share of the one-off cases (NONE, individual) left out of every theme; null without such cases. */
  oneOffsOut: number | null;
  seconds: number;
}

function scores(corpus: string, method: string, truth: readonly string[], predicted: readonly string[], themes: number, seconds: number): ScoreRow {
  const assigned = predicted.flatMap((p, i) => (p === UNASSIGNED ? [] : [i]));
  const oneOffs = truth.flatMap((t, i) => (ONE_OFF_LABELS.has(t) ? [i] : []));
  return {
    corpus,
    method,
    nmi: nmi(truth, predicted),
    ari: ari(truth, predicted),
    nmiAssigned: nmi(
      assigned.map((i) => truth[i] as string),
      assigned.map((i) => predicted[i] as string),
    ),
    themes,
    labels: new Set(truth).size,
    oneOffsOut: oneOffs.length === 0 ? null : oneOffs.filter((i) => predicted[i] === UNASSIGNED).length / oneOffs.length,
    seconds,
  };
}

/**
 * A labelled corpus measured as the council would meet it: ingested and analysed with the
 * default `analyze` (exactly what `mieruka ingest` + `mieruka analyze` do), and beside it the
 * told-k reference — spherical k-means on the same TF-IDF vectors, told the number of labels.
 */
export async function evaluateAnalysis(corpus: string, casesPath: string, labelsPath: string | null, tokenizeMany: TokenizeMany, settings: CouncilSettings = DEFAULT_COUNCIL, method = 'mieruka analyze'): Promise<ScoreRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-analysis-eval-'));
  const db = await openDatabase(join(dir, 'eval.duckdb'));
  try {
    const labels = await loadLabelledCorpus(db, casesPath, labelsPath, tokenizeMany);
    const started = performance.now();
    const result = await analyze(db, { settings, tokenizeMany });
    const seconds = (performance.now() - started) / 1000;
    const themeOf = new Map<string, string>();
    for (const theme of result.themes) for (const id of theme.caseIds) themeOf.set(id, theme.id);
    const data = await db.read((scope) => loadCaseVectors(scope));
    const truth = data.ids.map((id) => labels.get(id) ?? '(no label)');
    const rows = [scores(corpus, method, truth, data.ids.map((id) => themeOf.get(id) ?? UNASSIGNED), result.themes.length, seconds)];
    const k = new Set(truth).size;
    const referenceStarted = performance.now();
    const references = REFERENCE_SEEDS.map((seed) =>
      sphericalKMeans(data.vectors, data.vocabulary.length, { k, seed, restarts: REFERENCE_RESTARTS, iterations: REFERENCE_ITERATIONS }).map(String),
    );
    const referenceSeconds = (performance.now() - referenceStarted) / 1000 / REFERENCE_SEEDS.length;
    const each = references.map((r) => scores(corpus, '', truth, r, k, referenceSeconds));
    const mean = (pick: (s: ScoreRow) => number) => each.reduce((n, s) => n + pick(s), 0) / each.length;
    rows.push({ ...(each[0] as ScoreRow), method: `TF-IDF + k-means, told k (${REFERENCE_SEEDS.length} seeds)`, nmi: mean((s) => s.nmi), ari: mean((s) => s.ari), nmiAssigned: mean((s) => s.nmiAssigned) });
    return rows;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(100 * v)}%`);

/** The one table `npm run eval` prints for the theme method. */
export function formatScoreTable(rows: readonly ScoreRow[]): string {
  const corpusWidth = Math.max(6, ...rows.map((r) => r.corpus.length));
  const methodWidth = Math.max(6, ...rows.map((r) => r.method.length));
  const head = `  ${'corpus'.padEnd(corpusWidth)}  ${'method'.padEnd(methodWidth)}    NMI    ARI  NMI(assigned)  themes/labels  one-offs out  seconds`;
  const lines = rows.map(
    (r) =>
      `  ${r.corpus.padEnd(corpusWidth)}  ${r.method.padEnd(methodWidth)}  ${r.nmi.toFixed(3)}  ${r.ari.toFixed(3)}  ${r.nmiAssigned.toFixed(3).padStart(13)}  ${`${r.themes}/${r.labels}`.padStart(13)}  ${pct(r.oneOffsOut).padStart(12)}  ${r.seconds.toFixed(2).padStart(7)}`,
  );
  return ['\nテーマ抽出 / themes — mieruka analyze (the number of themes chosen by itself) and the told-k reference', head, ...lines].join('\n');
}
