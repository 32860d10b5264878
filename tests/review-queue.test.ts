import { describe, expect, it } from 'vitest';
import { reviewOrder, reviewQueue, type ReviewItem } from '../pipelines/review/review-queue.ts';
import { isSecondTheme, leastCertain, nearestOther, REVIEW_MAX, REVIEW_MIN, REVIEW_SHARE } from '../pipelines/themes/second-theme.ts';
import { normalise } from '../pipelines/themes/vectors.ts';
import { queryRows, tempDatabase } from './helpers/temp-db.ts';

const item = (recordId: string, themeId: string | null, similarity: number, otherSimilarity: number): ReviewItem => ({ recordId, themeId, similarity, otherTheme: 'T-9', otherSimilarity });

describe('the review queue', () => {
  it('takes one case of each theme in turn, the one that fits its theme least first, then the unassigned nearest a theme', () => {
    const order = reviewOrder([
      item('a1', 'T-1', 0.9, 0.1),
      item('a2', 'T-1', 0.5, 0.45),
      item('a3', 'T-1', 0.6, 0.2),
      item('b1', 'T-2', 0.4, 0.5),
      item('b2', 'T-2', 0.8, 0.3),
      item('u1', null, 0, 0.2),
      item('u2', null, 0, 0.35),
    ]);
    expect(order.map((i) => i.recordId)).toEqual(['a2', 'b1', 'a3', 'b2', 'a1', 'u2', 'u1']);
  });

  it('reads each theme\'s least certain members and every unassigned case of the latest run, with its nearest other theme', async () => {
    const temp = await tempDatabase('demo');
    try {
      const run = String((await queryRows(temp.db, 'SELECT run_id FROM analysis_runs'))[0]?.run_id);
      const queue = await temp.db.read((scope) => reviewQueue(scope, run));
      const [members, left] = await Promise.all([
        queryRows(temp.db, 'SELECT count(*)::INTEGER AS n FROM member_reviews WHERE run_id = $1', [run]),
        queryRows(temp.db, 'SELECT count(*)::INTEGER AS n FROM run_unassigned WHERE run_id = $1 AND NOT individual AND nearest_theme IS NOT NULL', [run]),
      ]);
      expect(queue.length).toBe(Number(members[0]?.n) + Number(left[0]?.n));
      for (const i of queue) expect(i.otherTheme === null || (i.otherTheme !== i.themeId && /^T-\d{4}$/.test(i.otherTheme))).toBe(true);
      expect(queue.filter((i) => i.themeId !== null).every((i) => i.otherTheme !== null)).toBe(true);
      const sizes = await queryRows(temp.db, 'SELECT theme_id, count(*)::INTEGER AS n FROM theme_members WHERE run_id = $1 GROUP BY theme_id', [run]);
      const kept = new Map(sizes.map((r) => [String(r.theme_id), Math.min(Number(r.n), REVIEW_MAX, Math.max(REVIEW_MIN, Math.ceil(REVIEW_SHARE * Number(r.n))))]));
      for (const [theme, n] of kept) expect(queue.filter((i) => i.themeId === theme).length).toBeGreaterThanOrEqual(n - 1);
    } finally {
      await temp.close();
    }
  });
});

describe('second themes', () => {
  const data = {
    ids: ['a', 'b', 'c', 'd'],
    vocabulary: ['x', 'y', 'z'],
    vectors: [new Map([[0, 1]]), normalise(new Map([[0, 1], [1, 1]])), new Map([[1, 1]]), new Map([[2, 1]])],
  };
  const centroids = [new Map([[0, 1]]), new Map([[1, 1]])];

  it('finds each case\'s nearest theme other than its own (none when it shares no term), and the nearest of all for an unassigned case', () => {
    const nearest = nearestOther(data, [0, 0, 1, -1], centroids);
    expect(Array.from(nearest.theme)).toEqual([-1, 1, -1, -1]);
    expect(Array.from(nearest.similarity).map((s) => Number(s.toFixed(3)))).toEqual([0, 0.707, 0, 0]);
    expect(Array.from(nearestOther(data, [-1, -1, -1, -1], centroids).theme)).toEqual([0, 0, 1, -1]);
  });

  it('keeps for review the fifth of a theme\'s members that fit it least, at least 25 and at most 200', () => {
    const members = Array.from({ length: 200 }, (_, i) => ({ id: `c${String(i).padStart(3, '0')}`, margin: (i * 37) % 200 }));
    const kept = leastCertain(members);
    expect(kept.length).toBe(40);
    expect(kept.slice(0, 3)).toEqual(['c000', 'c173', 'c146']);
    expect(leastCertain(members.slice(0, 30)).length).toBe(25);
    expect(leastCertain(Array.from({ length: 5000 }, (_, i) => ({ id: String(i), margin: i }))).length).toBe(200);
  });

  it('lists a second theme only when the case fits it nearly as well as its own, and not faintly', () => {
    expect([isSecondTheme(0.7, 0.7), isSecondTheme(0.5, 0.3), isSecondTheme(0.5, 0.29), isSecondTheme(0.25, 0.19)]).toEqual([true, true, false, false]);
  });
});
