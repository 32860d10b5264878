import { describe, expect, it } from 'vitest';
import { toCsr, type Csr } from '../pipelines/themes/cluster/matrix.ts';
import { seededRandom } from '../pipelines/themes/cluster/random.ts';
import { helpWith, runAll, runOne, type RunSpec, type SharedRuns } from '../pipelines/themes/cluster/shared-runs.ts';

/** Rows drawn around `groups` centres over `dims` terms, each row a few terms of its group and one stray. */
function groupedRows(rows: number, groups: number, dims: number, seed: number): Csr {
  const rand = seededRandom(seed);
  const vectors = Array.from({ length: rows }, (_, r) => {
    const g = r % groups;
    const v = new Map<number, number>();
    for (let i = 0; i < 4; i++) v.set((g * 7 + Math.floor(rand() * 7)) % dims, 1 + rand());
    v.set(Math.floor(rand() * dims), rand());
    const norm = Math.hypot(...v.values());
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  return toCsr(vectors, dims);
}

const specs = (ks: number[], runs: number): RunSpec[] => ks.flatMap((k, i) => Array.from({ length: runs }, (_, r) => ({ k, seed: 1_000 * i + r + 1 })));

describe('runs shared with a helper thread', () => {
  it('the helper takes every run left and writes each where the caller reads it', () => {
    const m = groupedRows(60, 4, 30, 1);
    const runs = specs([3, 4, 5], 2);
    const shared: SharedRuns = { m, specs: runs, restarts: 2, control: new Int32Array(new SharedArrayBuffer(4 * (1 + runs.length))), results: new Int32Array(new SharedArrayBuffer(4 * m.rows * runs.length)) };
    Atomics.store(shared.control, 0, 2);
    helpWith(shared);
    expect(Array.from(shared.control)).toEqual([runs.length + 1, 0, 0, 1, 1, 1, 1]);
    for (let j = 2; j < runs.length; j++) expect(Array.from(shared.results.subarray(j * m.rows, (j + 1) * m.rows))).toEqual(Array.from(runOne(m, runs[j]!, 2)));
    expect(Array.from(shared.results.subarray(0, 2 * m.rows)).every((g) => g === 0)).toBe(true);
  });

  it('gives each run the groups its own seed gives, whichever thread ran it', () => {
    const m = groupedRows(1_200, 12, 120, 2);
    const runs = specs([8, 10, 12, 14], 6);
    const together = runAll(m, runs, 2);
    expect(together).toHaveLength(runs.length);
    together.forEach((groups, j) => expect(Array.from(groups)).toEqual(Array.from(runOne(m, runs[j]!, 2))));
  });
});
