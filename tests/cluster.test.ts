import { describe, expect, it } from 'vitest';
import { ari } from '../pipelines/eval/clustering-metrics.ts';
import { guideVector } from '../pipelines/themes/cluster/guides.ts';
import { DEFAULT_METHOD, METHODS } from '../pipelines/themes/cluster/methods.ts';
import { TAKEN_OUT } from '../pipelines/themes/cluster/types.ts';
import { seededRandom } from '../pipelines/themes/cluster/random.ts';
import type { CaseVectors, SparseVector } from '../pipelines/themes/vectors.ts';
import { normalise } from '../pipelines/themes/vectors.ts';

/**
 * Four planted groups of 15 cases over their own ten terms (plus a term every group
 * shares), and six junk cases each with a term of its own that no other case uses.
 */
function planted(): { data: CaseVectors; truth: string[] } {
  const rand = seededRandom(99);
  const vectors: SparseVector[] = [];
  const truth: string[] = [];
  for (let group = 0; group < 4; group++) {
    for (let c = 0; c < 15; c++) {
      const weights = new Map<number, number>([[40, 0.3]]);
      while (weights.size < 5) weights.set(group * 10 + Math.floor(rand() * 10), 0.5 + rand());
      vectors.push(normalise(weights));
      truth.push(`g${group}`);
    }
  }
  for (let j = 0; j < 6; j++) {
    vectors.push(new Map([[41 + j, 1]]));
    truth.push('junk');
  }
  const vocabulary = Array.from({ length: 47 }, (_, i) => `t${i}`);
  return { data: { ids: truth.map((_, i) => `K-${i}`), vectors, vocabulary }, truth };
}

const methods = Object.entries(METHODS);

describe.each(methods)('%s', (_name, cluster) => {
  const { data, truth } = planted();

  it('recovers the four planted groups exactly and leaves the junk cases unassigned', () => {
    const result = cluster(data, { seed: 1 });
    expect(result.themes).toBe(4);
    expect(result.guided).toBe(0);
    const groupCases = truth.flatMap((t, i) => (t === 'junk' ? [] : [i]));
    expect(ari(groupCases.map((i) => truth[i] as string), groupCases.map((i) => String(result.assignment[i])))).toBe(1);
    expect(result.assignment.slice(60)).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it('gives the same themes for the same seed, whatever the seed', () => {
    for (const seed of [1, 7, 12345]) expect(cluster(data, { seed })).toEqual(cluster(data, { seed }));
  });

  it('keeps guides at their index, in the order given, gathering the cases nearest their terms', () => {
    const guides = [guideVector(['t20', 't21', 't22', 't23'], data.vocabulary), guideVector(['t5', 't6', 't7'], data.vocabulary), guideVector(['unknown'], data.vocabulary)];
    const result = cluster(data, { seed: 3, guides });
    expect(result.guided).toBe(3);
    expect(result.themes).toBe(5);
    const members = (theme: number) => truth.filter((_, i) => result.assignment[i] === theme);
    expect(members(0)).toEqual(Array(15).fill('g2'));
    expect(members(1)).toEqual(Array(15).fill('g0'));
    expect(members(2)).toEqual([]);
    expect(new Set([3, 4].map((t) => members(t)[0]))).toEqual(new Set(['g1', 'g3']));
  });

  it('keeps the cases the meeting fixed: an anchor holds them and draws in the like ones, a taken-out case joins no theme', () => {
    const fixed = new Int32Array(data.ids.length).fill(-1);
    for (const i of [0, 1, 2, 20]) fixed[i] = 0;
    fixed[30] = TAKEN_OUT;
    const result = cluster(data, { seed: 1, anchors: [new Map()], fixed });
    expect([result.guided, result.themes]).toEqual([1, 4]);
    const members = (theme: number) => data.ids.filter((_, i) => result.assignment[i] === theme);
    expect(members(0)).toEqual([...data.ids.slice(0, 15), 'K-20']);
    expect(result.assignment[30]).toBe(-1);
    const groups = [1, 2, 3].map((t) => [...new Set(members(t).map((id) => truth[data.ids.indexOf(id)]))].join() + `:${members(t).length}`);
    expect(groups.sort()).toEqual(['g1:14', 'g2:14', 'g3:15']);
  });

  it('handles no cases, and cases without terms', () => {
    expect(cluster({ ids: [], vectors: [], vocabulary: [] }, { seed: 1 })).toEqual({ assignment: [], themes: 0, guided: 0 });
    const empty = cluster({ ids: ['a', 'b'], vectors: [new Map(), new Map()], vocabulary: ['x'] }, { seed: 1 });
    expect(empty).toEqual({ assignment: [-1, -1], themes: 0, guided: 0 });
  });

  it('dissolves themes smaller than minThemeSize', () => {
    const result = cluster(data, { seed: 1, minThemeSize: 16 });
    expect(result.themes).toBe(0);
    expect(new Set(result.assignment)).toEqual(new Set([-1]));
  });
});

describe('the default method', () => {
  it('is one of the compared methods', () => {
    expect(Object.keys(METHODS)).toContain(DEFAULT_METHOD);
  });
});
