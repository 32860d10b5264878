import { describe, expect, it } from 'vitest';
import { assignmentTotal, optimalAssignment } from '../pipelines/themes/identity/assignment.ts';
import { matchThemes, vanishedThemeIds } from '../pipelines/themes/identity/match-themes.ts';
import type { CurrentTheme, ThemeSnapshot } from '../pipelines/themes/identity/match-themes.ts';
import { memberOverlap, termCosine, termWeights } from '../pipelines/themes/identity/theme-similarity.ts';
import { seededRandom } from '../pipelines/themes/cluster/random.ts';
import { normalise } from '../pipelines/themes/vectors.ts';

const random = seededRandom;

function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every permutation's total, to check the solver against on small matrices. */
function bruteForceBest(scores: number[][]): number {
  const rows = scores.length;
  const columns = scores[0]?.length ?? 0;
  let best = 0;
  const used = new Array<boolean>(columns).fill(false);
  const walk = (row: number, total: number): void => {
    if (row === rows) {
      best = Math.max(best, total);
      return;
    }
    if (rows > columns) walk(row + 1, total);
    for (let c = 0; c < columns; c++) {
      if (used[c]) continue;
      used[c] = true;
      walk(row + 1, total + scores[row]![c]!);
      used[c] = false;
    }
  };
  walk(0, 0);
  return best;
}

describe('optimalAssignment', () => {
  it('pairs a rank-one matrix along its diagonal', () => {
    expect(optimalAssignment([[1, 2, 3], [2, 4, 6], [3, 6, 9]])).toEqual([0, 1, 2]);
  });

  it('beats the greedy choice', () => {
    // Greedy takes 10 and is left with 1 (11); crossing gives 18.
    expect(optimalAssignment([[10, 9], [9, 1]])).toEqual([1, 0]);
  });

  it('solves a wide matrix (more columns than rows)', () => {
    // Greedy: 8 then 1 (9). Best: 7 + 7.
    expect(optimalAssignment([[8, 7, 1], [7, 1, 1]])).toEqual([1, 0]);
  });

  it('solves a tall matrix (more rows than columns), leaving rows unassigned', () => {
    // Best: row 1 → 0 (6) and row 2 → 1 (4); row 0 gets nothing.
    expect(optimalAssignment([[5, 1], [6, 2], [1, 4]])).toEqual([null, 0, 1]);
  });

  it('handles empty matrices', () => {
    expect(optimalAssignment([])).toEqual([]);
    expect(optimalAssignment([[], []])).toEqual([null, null]);
  });

  it('refuses ragged rows', () => {
    expect(() => optimalAssignment([[1, 2], [3]])).toThrow(RangeError);
  });

  it('finds the best total on random matrices, square and rectangular', () => {
    const rng = random(7);
    for (let n = 0; n < 60; n++) {
      const rows = 1 + Math.floor(rng() * 6);
      const columns = 1 + Math.floor(rng() * 6);
      const scores = Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.round(rng() * 20) / 4));
      const assignment = optimalAssignment(scores);
      const assigned = assignment.filter((c): c is number => c !== null);
      expect(new Set(assigned).size).toBe(assigned.length);
      expect(assigned.length).toBe(Math.min(rows, columns));
      expect(assignmentTotal(scores, assignment)).toBeCloseTo(bruteForceBest(scores), 9);
    }
  });
});

describe('theme similarity', () => {
  it('compares centroids by term whatever their indices', () => {
    const a = termWeights(new Map([[0, 3], [1, 4]]), ['グループホーム', '空き']);
    const b = termWeights(new Map([[5, 4], [2, 3]]), ['x', 'y', 'グループホーム', 'z', 'w', '空き']);
    expect(termCosine(a, b)).toBeCloseTo(1, 12);
    expect(termCosine(a, termWeights(new Map([[0, 1]]), ['送迎']))).toBe(0);
    expect(() => termWeights(new Map([[2, 1]]), ['a'])).toThrow(RangeError);
  });

  it('does not count new cases against continuity, but counts cases that left', () => {
    const before = new Set(['a', 'b', 'c', 'd']);
    const clustered = new Set(['a', 'b', 'c', 'd', 'e']);
    expect(memberOverlap(before, new Set(['a', 'b', 'c', 'd', 'new1', 'new2']), clustered)).toBe(1);
    expect(memberOverlap(before, new Set(['a', 'b', 'new1']), clustered)).toBe(2 / 4);
    expect(memberOverlap(before, new Set(['a', 'b', 'e']), clustered)).toBe(2 / 5);
    expect(memberOverlap(before, new Set(['new1']), clustered)).toBe(0);
  });
});

/** A theme's centroid over a run's whole vocabulary, L2-normalised as the clustering stage leaves it. */
function overVocabulary(weights: ReadonlyMap<string, number>, vocabulary: readonly string[]) {
  const index = new Map(vocabulary.map((term, i) => [term, i]));
  const raw = new Map<number, number>();
  for (const [term, weight] of weights) raw.set(index.get(term)!, weight);
  return { centroid: normalise(raw), terms: [...vocabulary] };
}

function vocabularyOf(themes: Iterable<ReadonlyMap<string, number>>): string[] {
  const terms = new Set<string>();
  for (const weights of themes) for (const term of weights.keys()) terms.add(term);
  return [...terms];
}

const SHARED_TERMS = ['支援', '相談', '家族'];

/**
 * Twenty earlier themes: five terms of their own, two of the next theme's (so neighbours
 * look alike, a cosine near 0.4) and a little of the shared terms; 20 to 200 cases each.
 */
function earlierRun(rng: () => number) {
  const sizes = [20, 24, 31, 38, 45, 52, 60, 68, 75, 84, 92, 100, 110, 120, 135, 150, 160, 175, 190, 200];
  let next = 0;
  const themes = sizes.map((size, i) => {
    const weights = new Map<string, number>();
    for (let k = 0; k < 5; k++) weights.set(`課題${i}-${k}`, 1 + 2 * rng());
    weights.set(`課題${(i + 1) % sizes.length}-0`, 1.5);
    weights.set(`課題${(i + 1) % sizes.length}-1`, 1.5);
    for (const term of SHARED_TERMS) weights.set(term, 0.3 * rng());
    const members = Array.from({ length: size }, () => `K-${String(next++).padStart(4, '0')}`);
    return { id: `T-${String(i).padStart(2, '0')}`, weights, members };
  });
  return themes;
}

describe('matchThemes', () => {
  it('matches identical runs one to one with similarity 1, whatever the order of the vocabulary', () => {
    const rng = random(1);
    const earlier = earlierRun(rng);
    const vocabulary = vocabularyOf(earlier.map((t) => t.weights));
    const previous: ThemeSnapshot[] = earlier.map((t) => ({ id: t.id, members: new Set(t.members), ...overVocabulary(t.weights, vocabulary) }));
    const reordered = shuffled(vocabulary, rng);
    const current: CurrentTheme[] = earlier.map((t) => ({ members: new Set(t.members), ...overVocabulary(t.weights, reordered) }));

    const matches = matchThemes(previous, current);
    expect(matches.map((m) => m.previousId)).toEqual(earlier.map((t) => t.id));
    for (const m of matches) {
      expect(m.similarity).toBeCloseTo(1, 12);
      expect(m.overlap).toBe(1);
    }
    expect(vanishedThemeIds(previous, matches)).toEqual([]);
  });

  it('keeps ids after the newest 10% of cases, a split, a merge, a vanished and a new theme', () => {
    const rng = random(20240412);
    const earlier = earlierRun(rng);
    const SPLIT = 15; // 150 cases
    const MERGED_INTO = 13; // 120 cases
    const MERGED_AWAY = 5; // 52 cases
    const VANISHED = 3; // 38 cases
    let fresh = 0;
    const newCases = (n: number) => Array.from({ length: n }, () => `N-${String(fresh++).padStart(4, '0')}`);
    const drift = (weights: ReadonlyMap<string, number>, scale: (term: string) => number = () => 1) =>
      new Map([...weights].map(([term, w]) => [term, w * scale(term) * (0.75 + 0.5 * rng())] as const));
    const themeOf = (i: number) => earlier[i]!;

    type Next = { label: string; weights: Map<string, number>; members: string[] };
    const next: Next[] = [];
    const regular = earlier.map((_, i) => i).filter((i) => ![SPLIT, MERGED_INTO, MERGED_AWAY, VANISHED].includes(i));
    // Each regular theme loses its first two cases to the regular theme after it and gains 10% new ones.
    for (const [r, i] of regular.entries()) {
      const from = themeOf(regular[(r + regular.length - 1) % regular.length]!);
      const t = themeOf(i);
      const weights = drift(t.weights);
      if (i % 2 === 0) weights.set(`新語${i}`, 0.5);
      next.push({
        label: t.id,
        weights,
        members: [...t.members.slice(2), ...from.members.slice(0, 2), ...newCases(Math.round(t.members.length / 10))],
      });
    }

    const split = themeOf(SPLIT);
    const firstPart = (term: string) => /-[012]$/.test(term);
    next.push({
      label: 'split: larger part',
      weights: drift(split.weights, (term) => (firstPart(term) ? 1.3 : 0.5)),
      members: [...split.members.slice(0, 90), ...newCases(9)],
    });
    next.push({
      label: 'split: smaller part',
      weights: new Map([...drift(split.weights, (term) => (firstPart(term) ? 0.3 : 1.5)), ['新語-分割', 1]]),
      members: [...split.members.slice(90), ...newCases(6)],
    });

    const into = themeOf(MERGED_INTO);
    const away = themeOf(MERGED_AWAY);
    // The merged centroid is the mean of the two, weighted by their numbers of cases.
    const merged = new Map<string, number>();
    for (const t of [into, away]) {
      const norm = Math.hypot(...t.weights.values());
      for (const [term, w] of t.weights) merged.set(term, (merged.get(term) ?? 0) + (w / norm) * t.members.length);
    }
    next.push({ label: 'merged', weights: drift(merged), members: [...into.members, ...away.members, ...newCases(17)] });

    const vanished = themeOf(VANISHED);
    next.push({
      label: 'new',
      weights: new Map([['新課題-0', 3], ['新課題-1', 2], ['新課題-2', 2], ['新課題-3', 1], ['支援', 0.3]]),
      members: [...newCases(30), ...vanished.members.slice(0, 3)],
    });

    const previousVocabulary = vocabularyOf(earlier.map((t) => t.weights));
    const previous: ThemeSnapshot[] = earlier.map((t) => ({
      id: t.id,
      members: new Set(t.members),
      ...overVocabulary(t.weights, previousVocabulary),
    }));
    const nextInOrder = shuffled(next, rng);
    const currentVocabulary = shuffled(vocabularyOf(nextInOrder.map((t) => t.weights)), rng);
    const current: CurrentTheme[] = nextInOrder.map((t) => ({
      members: new Set(t.members),
      ...overVocabulary(t.weights, currentVocabulary),
    }));

    const matches = matchThemes(previous, current);
    const expected = nextInOrder.map(({ label }) => {
      if (label.startsWith('T-')) return label;
      if (label === 'split: larger part') return split.id;
      if (label === 'merged') return into.id;
      return null;
    });
    expect(matches.map((m) => m.previousId)).toEqual(expected);
    expect(matches.map((m) => m.current)).toEqual(nextInOrder.map((_, j) => j));
    expect(vanishedThemeIds(previous, matches)).toEqual([vanished.id, away.id]);

    // The target: at least 90% of the earlier themes keep their id, each with most of its cases.
    const kept = matches.filter((m) => {
      if (m.previousId === null) return false;
      const before = previous.find((t) => t.id === m.previousId)!.members;
      const after = current[m.current]!.members;
      return [...before].filter((id) => after.has(id)).length > before.size / 2;
    });
    expect(kept.length / previous.length).toBeGreaterThanOrEqual(0.9);

    // The order in which earlier themes are given does not matter.
    const again = matchThemes(shuffled(previous, rng), current);
    expect(again).toEqual(matches);
  });

  it('leaves a pair below minScore unmatched', () => {
    const one = (id: string, members: string[], weights: Record<string, number>): ThemeSnapshot => {
      const terms = Object.keys(weights);
      return { id, members: new Set(members), terms, centroid: normalise(new Map(terms.map((t, i) => [i, weights[t]!]))) };
    };
    const before = one('T-1', ['a', 'b', 'c', 'd'], { グループホーム: 2, 空き: 1 });
    // Same words, none of the same cases: 0.5 × 1 + 0.5 × 0.
    const sameWordsOtherCases = one('_', ['e', 'f'], { グループホーム: 2, 空き: 1 });
    expect(matchThemes([before], [sameWordsOtherCases])).toEqual([{ current: 0, previousId: null, similarity: 0, overlap: 0 }]);
    const [loose] = matchThemes([before], [sameWordsOtherCases], { minScore: 0.5 });
    expect(loose?.previousId).toBe('T-1');
    expect(loose?.similarity).toBeCloseTo(1, 12);
    expect(vanishedThemeIds([before], [])).toEqual(['T-1']);
    expect(matchThemes([], [sameWordsOtherCases])).toEqual([{ current: 0, previousId: null, similarity: 0, overlap: 0 }]);
    expect(matchThemes([before], [])).toEqual([]);
  });
});
