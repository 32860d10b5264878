import type { SparseVector } from '../vectors.ts';
import { optimalAssignment } from './assignment.ts';
import { clusteredRecords, memberOverlap, termCosine, termWeights } from './theme-similarity.ts';

/** A theme as an earlier run stored it. */
export interface ThemeSnapshot {
  id: string;
  /** Over the vocabulary `terms`: index i weighs `terms[i]`. */
  centroid: SparseVector;
  terms: string[];
  /** Record ids. */
  members: ReadonlySet<string>;
}

/** A theme of the run being made, not yet given an id. */
export interface CurrentTheme {
  centroid: SparseVector;
  terms: string[];
  members: ReadonlySet<string>;
}

export interface IdentityMatch {
  /** Index into the current themes. */
  current: number;
  /** The earlier theme whose id this one keeps, or null for a new theme. */
  previousId: string | null;
  /** Cosine of the two centroids compared by term; 0 for a new theme. */
  similarity: number;
  /** Jaccard index of the members, new cases left out (see `memberOverlap`); 0 for a new theme. */
  overlap: number;
}

/** Share of the pair score that comes from the centroids; the rest comes from shared cases. */
export const CENTROID_SHARE = 0.5;

/**
 * Below this a pair is not the same theme. Identical centroids with no shared case score
 * 0.5 and fall short: an id carries the council's decisions, so it must also carry some
 * of the same evidence. A theme that kept only a third of its cases under a centroid
 * that moved to a cosine of 0.5 (0.42) falls short too.
 */
export const DEFAULT_MIN_SCORE = 0.55;

/** How alike two themes are, 0..1: the centroid cosine and the member overlap, weighted by `CENTROID_SHARE`. */
export function pairScore(similarity: number, overlap: number): number {
  return CENTROID_SHARE * similarity + (1 - CENTROID_SHARE) * overlap;
}

/**
 * Gives each current theme the id of the earlier theme it continues, or null when it is
 * new. The pairing is one-to-one and maximises the total pair score over the pairs that
 * reach `minScore` (so when a theme splits, the part most like it keeps the id; when two
 * merge, the merged theme keeps the id of the one it is most like). Returns one match
 * per current theme, in the order of `current`.
 *
 * Deterministic and independent of the order of `previous`: earlier themes are compared
 * in id order, so equally good pairings are always resolved the same way.
 */
export function matchThemes(
  previous: readonly ThemeSnapshot[],
  current: readonly CurrentTheme[],
  options: { minScore?: number } = {},
): IdentityMatch[] {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const earlier = [...previous].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const clusteredBefore = clusteredRecords(earlier);
  const earlierTerms = earlier.map((t) => termWeights(t.centroid, t.terms));
  const currentTerms = current.map((t) => termWeights(t.centroid, t.terms));

  const pairs = current.map((theme, j) =>
    earlier.map((before, i) => {
      const similarity = termCosine(currentTerms[j]!, earlierTerms[i]!);
      const overlap = memberOverlap(before.members, theme.members, clusteredBefore);
      return { similarity, overlap, score: pairScore(similarity, overlap) };
    }),
  );
  // A pair below the bar is worth nothing, so the solver gains nothing by using it.
  const scores = pairs.map((row) => row.map((p) => (p.score >= minScore ? p.score : 0)));
  const assignment = optimalAssignment(scores);

  return current.map((_, j) => {
    const i = assignment[j] ?? null;
    const pair = i === null ? undefined : pairs[j]?.[i];
    if (i === null || pair === undefined || pair.score < minScore) {
      return { current: j, previousId: null, similarity: 0, overlap: 0 };
    }
    return { current: j, previousId: earlier[i]!.id, similarity: pair.similarity, overlap: pair.overlap };
  });
}

/** The earlier themes that no current theme continues, in the order of `previous`. */
export function vanishedThemeIds(previous: readonly ThemeSnapshot[], matches: readonly IdentityMatch[]): string[] {
  const kept = new Set(matches.map((m) => m.previousId).filter((id): id is string => id !== null));
  return previous.map((t) => t.id).filter((id) => !kept.has(id));
}
