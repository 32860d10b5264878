import { describe, expect, it } from 'vitest';
import { hartiganRefine } from '../pipelines/themes/cluster/hartigan.ts';
import { toCsr } from '../pipelines/themes/cluster/matrix.ts';
import { seededRandom } from '../pipelines/themes/cluster/random.ts';
import { chooseStableK, ladder, stabilityRuns, THEME_LEVEL } from '../pipelines/themes/cluster/stable-kmeans.ts';
import { ppmiTermVectors, smoothCases } from '../pipelines/themes/cluster/term-vectors.ts';
import { setAsideIndividualMatters } from '../pipelines/themes/individual-matters.ts';

const unit = (...pairs: Array<[number, number]>) => {
  const norm = Math.hypot(...pairs.map(([, w]) => w));
  return new Map(pairs.map(([i, w]) => [i, w / norm]));
};

describe('hartiganRefine', () => {
  it('moves a case to the group it raises the objective most in, and reports the objective', () => {
    const m = toCsr([unit([0, 1]), unit([0, 1]), unit([0, 1]), unit([1, 1]), unit([1, 1]), unit([1, 1])], 2);
    const out = hartiganRefine(m, [0, 0, 1, 1, 1, 1], 2);
    expect(Array.from(out.assignment)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(out.cohesion).toBeCloseTo(6, 12);
  });

  it('never empties a group and leaves unassigned and empty cases where they are', () => {
    const m = toCsr([unit([0, 1]), unit([0, 1]), new Map(), unit([0, 1])], 1);
    const out = hartiganRefine(m, [0, 1, 0, -1], 2);
    expect(Array.from(out.assignment)).toEqual([0, 1, 0, -1]);
    expect(out.cohesion).toBeCloseTo(2, 12);
  });

  it('moves a case whose own group would be better off without it (two terms shared unevenly)', () => {
    const m = toCsr([unit([0, 1]), unit([0, 1]), unit([0, 1], [1, 1]), unit([1, 1]), unit([1, 1]), unit([1, 1])], 2);
    const out = hartiganRefine(m, [0, 0, 1, 1, 1, 0], 2);
    expect(Array.from(out.assignment)).toEqual([0, 0, 0, 1, 1, 1]);
  });
});

describe('stable k', () => {
  it('gives a sample smaller than the selection sample more runs per k, at most three times as many', () => {
    expect(stabilityRuns(1_000, THEME_LEVEL)).toBe(4);
    expect(stabilityRuns(5_000, THEME_LEVEL)).toBe(4);
    expect(stabilityRuns(618, THEME_LEVEL)).toBe(6);
    expect(stabilityRuns(500, THEME_LEVEL)).toBe(8);
    expect(stabilityRuns(100, THEME_LEVEL)).toBe(12);
  });

  it('tries a geometric ladder of k up to one group per 15 cases, at most 40', () => {
    expect(ladder(618, THEME_LEVEL)).toEqual([6, 8, 10, 13, 16, 20, 25, 31, 39]);
    expect(ladder(100, THEME_LEVEL)).toEqual([6]);
    expect(ladder(10_000, THEME_LEVEL)).toEqual([6, 8, 10, 13, 16, 20, 25, 31, 39]);
    expect(ladder(60, { minK: 2, maxK: 8, casesPerGroup: 10 })).toEqual([2, 3, 4, 5, 6]);
  });

  it('chooses the k whose runs from different seeds agree: three planted groups', () => {
    const vectors = [];
    for (let g = 0; g < 3; g++) for (let i = 0; i < 12; i++) vectors.push(unit([g * 3, 1], [g * 3 + 1 + (i % 2), 0.6]));
    const choice = chooseStableK(toCsr(vectors, 9), { minK: 2, maxK: 6, casesPerGroup: 5, runs: 4, selectionSample: 1_000, restarts: 2, maxFit: 1_000 }, seededRandom(3));
    expect(choice.k).toBe(3);
    expect(choice.stability.map((s) => s.k)).toEqual([2, 3, 4, 5, 6]);
    expect(choice.stability[1]?.stability).toBe(1);
  });
});

describe('setAsideIndividualMatters', () => {
  const clustering = { assignment: [0, 0, 0, 1, 1, 1, 2, 2], themes: 3, guided: 0 };

  it('takes out a theme where staff wrote (almost) no 地域課題メモ, renumbering the rest', () => {
    const out = setAsideIndividualMatters(clustering, Uint8Array.from([1, 0, 1, 0, 0, 0, 1, 1]));
    expect(out.individual).toEqual([3, 4, 5]);
    expect(out.clustering).toEqual({ assignment: [0, 0, 0, -1, -1, -1, 1, 1], themes: 2, guided: 0 });
  });

  it('sets nothing aside where the council hardly uses the memo, and never a guide', () => {
    expect(setAsideIndividualMatters(clustering, new Uint8Array(8)).individual).toEqual([]);
    expect(setAsideIndividualMatters({ ...clustering, guided: 2 }, Uint8Array.from([1, 0, 1, 0, 0, 0, 1, 1])).individual).toEqual([]);
    expect(setAsideIndividualMatters(clustering, undefined).clustering).toBe(clustering);
  });
});

describe('PPMI term vectors', () => {
  // a and b never meet, but both keep company with c; d and e keep to themselves.
  const docs = [unit([0, 1], [2, 1]), unit([0, 1], [2, 1]), unit([1, 1], [2, 1]), unit([1, 1], [2, 1]), unit([3, 1], [4, 1]), unit([3, 1], [4, 1])];
  const m = toCsr(docs, 5);
  const tv = ppmiTermVectors(m, { terms: 5, rank: 4, share: 0.5 }, seededRandom(1));
  const vector = (term: number) => {
    const i = Array.from(tv.columns).indexOf(term);
    return Array.from(tv.vectors.subarray(i * tv.rank, (i + 1) * tv.rank));
  };
  const cosine = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * (y[i] as number), 0);

  it('gives terms that keep the same company close vectors', () => {
    expect(Array.from(tv.columns)).toEqual([0, 1, 2, 3, 4]);
    expect(cosine(vector(0), vector(1))).toBeGreaterThan(0.99);
    expect(Math.abs(cosine(vector(0), vector(3)))).toBeLessThan(0.01);
  });

  it('adds to each case its terms\' mean vector at the given share of its length', () => {
    const smoothed = smoothCases(toCsr([unit([0, 1]), unit([1, 1]), unit([3, 1])], 5), tv, 0.5);
    const row = (r: number) => new Map(Array.from(smoothed.indices.subarray(smoothed.indptr[r], smoothed.indptr[r + 1])).map((d, i) => [d, smoothed.values[(smoothed.indptr[r] as number) + i] as number]));
    const dotRows = (a: number, b: number) => [...row(a)].reduce((s, [d, v]) => s + v * (row(b).get(d) ?? 0), 0);
    expect(smoothed.dims).toBe(5 + tv.rank);
    expect(dotRows(0, 0)).toBeCloseTo(1, 12);
    expect([...row(0)].filter(([d]) => d >= 5).reduce((s, [, v]) => s + v * v, 0)).toBeCloseTo(0.5, 12);
    expect(dotRows(0, 1)).toBeGreaterThan(0.49);
    expect(Math.abs(dotRows(0, 2))).toBeLessThan(0.01);
  });
});
