import { Worker } from 'node:worker_threads';
import { toCaseVectors, type CaseWeights } from './case-vectors.ts';
import { chooseMethod, poolMethod, type MethodName } from './cluster/methods.ts';
import type { CaseCorrections } from './case-corrections.ts';
import type { GuideTerms } from './guide-terms.ts';
import type { KeyedTermVectors } from './cluster/term-vector-source.ts';
import { formThemes, type FormedThemes } from './form-themes.ts';
import type { PreviousRun } from './previous-run.ts';
import { markStage } from '../stage-marks.ts';
import { workerEntry } from '../worker-entry.ts';

const WORKER_URL = workerEntry(import.meta.url, 'former-worker');

/** Everything forming themes needs, as plain data a worker thread can receive. */
export interface FormRequest {
  weights: CaseWeights;
  method: MethodName;
  seed: number;
  previous: PreviousRun | null;
  /** Seed name → the theme id it has had. */
  seedIds: Map<string, string>;
  /** The run's settings fingerprint: a change re-forms the themes. */
  fingerprint: string;
  full: boolean;
  /** The council's seed themes and categories, read as terms. */
  guides: GuideTerms[];
  /** The cached term vectors when still valid for these cases, else null (then learned if needed). */
  termVectors: KeyedTermVectors | null;
  /** The meeting's standing corrections. */
  corrections: CaseCorrections;
}

/** Clusters and describes the cases: in this thread, or in a worker so that the server keeps answering. */
export type ThemeFormer = (request: FormRequest) => Promise<FormedThemes>;

export const formInProcess: ThemeFormer = async (request) => {
  markStage('vectors');
  return formThemes(toCaseVectors(request.weights), {
    method: chooseMethod(request.method),
    poolMethod: poolMethod(request.method),
    seed: request.seed,
    guides: request.guides,
    previous: request.previous,
    seedIds: request.seedIds,
    settings: request.fingerprint,
    full: request.full,
    termVectors: request.termVectors,
    corrections: request.corrections,
  });
};

/** One worker thread per analysis: the matrix is handed over without copying and the memory is freed with the thread. */
export const formInWorker: ThemeFormer = (request) =>
  new Promise((resolve, reject) => {
    const { row, column, weight, noted } = request.weights;
    const worker = new Worker(WORKER_URL, { workerData: request, transferList: [row.buffer, column.buffer, weight.buffer, noted.buffer] as ArrayBuffer[] });
    let answered = false;
    worker.once('message', (reply: { formed: FormedThemes } | { error: string }) => {
      answered = true;
      if ('formed' in reply) resolve(reply.formed);
      else reject(new Error(reply.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`theme worker stopped with exit code ${code}`));
    });
  });
