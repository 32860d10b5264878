import type { CaseVectors, SparseVector } from './vectors.ts';

/**
 * A case's second theme is listed when it fits it almost as well as its own: at least this
 * share of its cosine with its own theme's centre (docs/corrections-and-categories.md).
 */
export const SECOND_THEME_RATIO = 0.6;
/** …and at least this cosine with the second theme's centre, so a case far from every theme names none. */
export const SECOND_THEME_FLOOR = 0.2;

/**
 * Of each theme's members, this share that fit it least (at least REVIEW_MIN, at most
 * REVIEW_MAX: more than a meeting reads) are kept for the meeting to review.
 */
export const REVIEW_SHARE = 0.2;
export const REVIEW_MIN = 25;
export const REVIEW_MAX = 200;

/** The members of one theme the meeting should look at first: the smallest margins over their nearest other theme. */
export function leastCertain(members: ReadonlyArray<{ id: string; margin: number }>): string[] {
  const keep = Math.min(REVIEW_MAX, Math.max(REVIEW_MIN, Math.ceil(REVIEW_SHARE * members.length)));
  return [...members].sort((a, b) => a.margin - b.margin || a.id.localeCompare(b.id)).slice(0, keep).map((m) => m.id);
}

/** Per case: the nearest theme other than its own (for an unassigned case, the nearest of all) and that cosine. */
export interface NearestOther {
  theme: Int32Array;
  similarity: Float64Array;
}

/**
 * Each case's nearest other theme by cosine with the themes' centres (one pass over the
 * case's terms per theme block: the centres are laid out term-major).
 */
export function nearestOther(data: CaseVectors, assignment: readonly number[], centroids: readonly SparseVector[]): NearestOther {
  const k = centroids.length;
  const dense = new Float64Array(data.vocabulary.length * k);
  centroids.forEach((c, t) => {
    for (const [j, w] of c) dense[j * k + t] = w;
  });
  const theme = new Int32Array(data.ids.length).fill(-1);
  const similarity = new Float64Array(data.ids.length);
  const scores = new Float64Array(k);
  data.vectors.forEach((v, i) => {
    scores.fill(0);
    for (const [j, w] of v) for (let t = 0; t < k; t++) scores[t] = (scores[t] as number) + w * (dense[j * k + t] as number);
    const own = assignment[i] as number;
    let best = -1;
    let bestSim = 0;
    for (let t = 0; t < k; t++) {
      if (t !== own && (scores[t] as number) > bestSim) [best, bestSim] = [t, scores[t] as number];
    }
    theme[i] = best;
    similarity[i] = bestSim;
  });
  return { theme, similarity };
}

/** Whether a member whose cosine with its own theme is `own` also belongs, second, to the theme it has cosine `other` with. */
export function isSecondTheme(own: number, other: number): boolean {
  return other >= SECOND_THEME_FLOOR && other >= SECOND_THEME_RATIO * own;
}

/** A case's nearest other theme (a clustering index) and its cosine, and whether it is a second theme of the case. */
export interface MemberReview {
  theme: number;
  similarity: number;
  second: boolean;
}

/**
 * Each theme's second members, and what the run keeps for the meeting to review: each
 * theme's least certain members, every second membership and every unassigned case's
 * nearest theme. `own` is a member's cosine with its own theme.
 */
export function memberReviews(ids: readonly string[], assignment: readonly number[], nearest: NearestOther, own: (theme: number, id: string) => number, themes: number): { seconds: string[][]; kept: Map<string, MemberReview> } {
  const seconds = Array.from({ length: themes }, () => [] as string[]);
  const margins = Array.from({ length: themes }, () => [] as Array<{ id: string; margin: number }>);
  const all = new Map<string, MemberReview>();
  const unassigned = new Set<string>();
  assignment.forEach((theme, i) => {
    const id = ids[i] as string;
    const other = nearest.theme[i] as number;
    const similarity = nearest.similarity[i] as number;
    if (theme < 0) unassigned.add(id);
    if (other < 0) return;
    const mine = theme >= 0 ? own(theme, id) : 0;
    const second = theme >= 0 && isSecondTheme(mine, similarity);
    all.set(id, { theme: other, similarity, second });
    if (second) seconds[other]?.push(id);
    if (theme >= 0) margins[theme]?.push({ id, margin: mine - similarity });
  });
  const leastSure = new Set(margins.flatMap(leastCertain));
  const kept = new Map<string, MemberReview>();
  for (const [id, r] of all) if (r.second || leastSure.has(id) || unassigned.has(id)) kept.set(id, r);
  return { seconds, kept };
}
