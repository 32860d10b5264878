import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_COUNCIL } from '../council/settings.ts';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/database.ts';
import { correctCase } from '../review/correct-case.ts';
import { reviewQueue } from '../review/review-queue.ts';
import { latestRunTheme } from '../review/theme-state.ts';
import { analyze } from '../themes/analyze.ts';
import type { AnalysisResult } from '../themes/theme-result.ts';
import type { TokenizeMany } from '../text/tokenize-texts.ts';
import { ONE_OFF_LABELS } from './analysis-eval.ts';
import { ari, nmi } from './clustering-metrics.ts';
import { loadLabelledCorpus } from './labelled-corpus.ts';

/** The shares of cases the simulated meeting has corrected when the themes are measured again. */
export const TEACH_STEPS = [0, 0.02, 0.05, 0.1];
const UNASSIGNED = '-1';
const SIMULATED_USER = 'teach-eval';

export interface TeachPoint {
  share: number;
  corrections: number;
  nmi: number;
  ari: number;
  themes: number;
  oneOffsOut: number | null;
}

/**
 * A meeting simulated on a labelled corpus: after each analysis it goes down the review
 * queue (each theme's least certain member in turn, then the unassigned cases nearest a
 * theme) and corrects what the labels say is wrong, as a meeting that knows its cases
 * would: a one-off matter in a theme is taken out; a case of wall L outside the theme that
 * holds most of L's cases is moved there. Then it analyses again (incrementally, or with
 * `full` from scratch) and measures.
 */
export async function evaluateTeaching(casesPath: string, labelsPath: string | null, tokenizeMany: TokenizeMany, full: boolean, seed = 1): Promise<TeachPoint[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-teach-eval-'));
  const db = await openDatabase(join(dir, 'teach.duckdb'));
  try {
    const labels = await loadLabelledCorpus(db, casesPath, labelsPath, tokenizeMany);
    const run = (again: boolean) => analyze(db, { settings: DEFAULT_COUNCIL, tokenizeMany, seed, full: again && full });
    let result = await run(false);
    const points = [measure(result, labels, 0, 0)];
    let corrections = 0;
    for (const share of TEACH_STEPS.slice(1)) {
      corrections += await correctFromQueue(db, result, labels, Math.round(share * labels.size) - corrections);
      result = await run(true);
      points.push(measure(result, labels, share, corrections));
    }
    return points;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function correctFromQueue(db: Database, result: AnalysisResult, labels: ReadonlyMap<string, string>, budget: number): Promise<number> {
  const queue = await db.read((scope) => reviewQueue(scope, result.runId));
  const counts = new Map<string, Map<string, number>>();
  for (const theme of result.themes) {
    for (const id of theme.caseIds) {
      const label = labels.get(id) ?? '';
      const perTheme = counts.get(label) ?? new Map<string, number>();
      perTheme.set(theme.id, (perTheme.get(theme.id) ?? 0) + 1);
      counts.set(label, perTheme);
    }
  }
  const home = (label: string) => [...(counts.get(label) ?? [])].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  const revisions = new Map<string, number>();
  for (const theme of result.themes) revisions.set(theme.id, (await db.read((scope) => latestRunTheme(scope, theme.id))).revision);
  let done = 0;
  for (const item of queue) {
    if (done >= budget) break;
    const label = labels.get(item.recordId) ?? '';
    const base = { recordId: item.recordId, from: item.themeId, revision: item.themeId === null ? null : (revisions.get(item.themeId) ?? 0), userId: SIMULATED_USER, now: new Date() };
    if (ONE_OFF_LABELS.has(label)) {
      if (item.themeId === null) continue;
      await correctCase(db, { ...base, kind: 'take_out', to: null });
    } else {
      const to = home(label);
      if (to === null || to === item.themeId) continue;
      await correctCase(db, { ...base, kind: 'move', to });
    }
    done++;
  }
  return done;
}

function measure(result: AnalysisResult, labels: ReadonlyMap<string, string>, share: number, corrections: number): TeachPoint {
  const themeOf = new Map<string, string>();
  for (const theme of result.themes) for (const id of theme.caseIds) themeOf.set(id, theme.id);
  const ids = [...labels.keys()].sort();
  const truth = ids.map((id) => labels.get(id) as string);
  const predicted = ids.map((id) => themeOf.get(id) ?? UNASSIGNED);
  const oneOffs = ids.filter((id) => ONE_OFF_LABELS.has(labels.get(id) as string));
  return {
    share,
    corrections,
    nmi: nmi(truth, predicted),
    ari: ari(truth, predicted),
    themes: result.themes.length,
    oneOffsOut: oneOffs.length === 0 ? null : oneOffs.filter((id) => !themeOf.has(id)).length / oneOffs.length,
  };
}

/** The teach curve as `npm run eval -- teach` prints it. */
export function formatTeachTable(rows: ReadonlyArray<{ corpus: string; mode: string; points: readonly TeachPoint[] }>): string {
  const width = Math.max(6, ...rows.map((r) => r.corpus.length));
  const head = `  ${'corpus'.padEnd(width)}  ${'re-analysis'.padEnd(11)}  ${TEACH_STEPS.map((s) => `${Math.round(s * 100)}% corrected`.padStart(22)).join('')}`;
  const cell = (p: TeachPoint) => `${p.nmi.toFixed(3)} (${p.corrections} / ${p.themes})`.padStart(22);
  const lines = rows.map((r) => `  ${r.corpus.padEnd(width)}  ${r.mode.padEnd(11)}  ${r.points.map(cell).join('')}`);
  return ['\n会議の修正から学ぶ / teach — NMI (corrections made / themes) after each step', head, ...lines].join('\n');
}
