import { Worker } from 'node:worker_threads';
import { bestRun } from './best-run.ts';
import type { Csr } from './matrix.ts';
import { seededRandom } from './random.ts';
import { workerEntry } from '../../worker-entry.ts';

export interface RunSpec {
  k: number;
  seed: number;
}

/** What the helper thread receives: the matrix, the runs, and the shared memory it reports in. */
export interface SharedRuns {
  m: Csr;
  specs: RunSpec[];
  restarts: number;
  /** [0]: the next run to take; [1 + j]: 1 once the helper has written run j. */
  control: Int32Array;
  /** Run j's groups at rows j × m.rows … */
  results: Int32Array;
}

const HELPER_URL = workerEntry(import.meta.url, 'shared-runs-worker');
/** Below this many case-runs (cases × runs) a second thread costs more to start than it saves. */
const PARALLEL_MIN_CASE_RUNS = 20_000;
/** A run the helper took is waited for this long beyond the slowest run done here, then done here. */
const HELPER_GRACE_MS = 2_000;

export const runOne = (m: Csr, spec: RunSpec, restarts: number): Int32Array => bestRun(m, spec.k, restarts, seededRandom(spec.seed)).assignment;

/**
 * The runs' groups, each from its own seed, shared with a helper thread: both take the
 * next run from one counter, so the helper joins whenever it has started and nothing waits
 * for it to start. Should it stop, the runs it took are done here. The same groups come
 * back whichever thread ran them.
 */
export function runAll(m: Csr, specs: RunSpec[], restarts: number): Int32Array[] {
  if (specs.length < 2 || m.rows * specs.length < PARALLEL_MIN_CASE_RUNS) return specs.map((s) => runOne(m, s, restarts));
  const shared: SharedRuns = {
    m,
    specs,
    restarts,
    control: new Int32Array(new SharedArrayBuffer(4 * (1 + specs.length))),
    results: new Int32Array(new SharedArrayBuffer(4 * m.rows * specs.length)),
  };
  const helper = startHelper(shared);
  const out: Array<Int32Array | null> = specs.map(() => null);
  let slowest = 0;
  for (let j = Atomics.add(shared.control, 0, 1); j < specs.length; j = Atomics.add(shared.control, 0, 1)) {
    const started = performance.now();
    out[j] = runOne(m, specs[j]!, restarts);
    slowest = Math.max(slowest, performance.now() - started);
  }
  const result = out.map((own, j) => own ?? waitFor(shared, j, HELPER_GRACE_MS + 4 * slowest) ?? runOne(m, specs[j]!, restarts));
  void helper?.terminate();
  return result;
}

/** The helper's part: take the next run until none is left, report each in the shared memory. */
export function helpWith(shared: SharedRuns): void {
  const { m, specs, restarts, control, results } = shared;
  for (let j = Atomics.add(control, 0, 1); j < specs.length; j = Atomics.add(control, 0, 1)) {
    results.set(runOne(m, specs[j]!, restarts), j * m.rows);
    Atomics.store(control, 1 + j, 1);
    Atomics.notify(control, 1 + j);
  }
}

function startHelper(shared: SharedRuns): Worker | null {
  try {
    const helper = new Worker(HELPER_URL, { workerData: shared });
    helper.unref();
    // A helper that fails leaves its runs to this thread (see runAll).
    helper.on('error', () => undefined);
    return helper;
  } catch {
    return null;
  }
}

function waitFor(shared: SharedRuns, j: number, timeoutMs: number): Int32Array | null {
  const deadline = performance.now() + timeoutMs;
  while (Atomics.load(shared.control, 1 + j) === 0) {
    const left = deadline - performance.now();
    if (left <= 0) return null;
    Atomics.wait(shared.control, 1 + j, 0, left);
  }
  return shared.results.slice(j * shared.m.rows, (j + 1) * shared.m.rows);
}
