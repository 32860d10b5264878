import { describe, expect, it } from 'vitest';
import { hartiganRefine } from '../pipelines/themes/cluster/hartigan.ts';
import { toCsr } from '../pipelines/themes/cluster/matrix.ts';
import { seededRandom } from '../pipelines/themes/cluster/random.ts';
import { chooseStableK, ladder, THEME_LEVEL } from '../pipelines/themes/cluster/stable-kmeans.ts';
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
  it('tries a geometric ladder of k up to one group per 15 cases, at most 40', () => {
    expect(ladder(618, THEME_LEVEL)).toEqual([6, 7, 8, 10, 12, 14, 17, 20, 24, 29, 35]);
    expect(ladder(100, THEME_LEVEL)).toEqual([6]);
    expect(ladder(10_000, THEME_LEVEL)).toEqual([6, 7, 8, 10, 12, 14, 17, 20, 24, 29, 35]);
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
