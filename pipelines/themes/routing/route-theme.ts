import type { Subcommittee } from '../../council/settings.ts';
import { matchStrength, termForms } from './term-match.ts';
import type { Canonicalise } from './term-match.ts';

/** The subcommittee a theme is suggested to go to. */
export interface Routing {
  subcommittee: string;
  /** The theme's terms that matched the subcommittee's seed terms, strongest first, at most `MAX_REASONS`. */
  reason: string[];
  /** 0..1: see `routingConfidence`. */
  confidence: number;
}

export const MAX_REASONS = 5;

/** A best score below this share of the theme's weight is noise, not a reason to route. */
export const MIN_ROUTING_SCORE = 0.05;

interface WeightedTerm {
  term: string;
  weight: number;
  forms: string[];
}

/**
 * Suggests the subcommittee whose seed terms best cover the theme's weighted terms.
 *
 * A subcommittee's score is the share of the theme's weight that its seeds match: each
 * theme term adds its weight times its best `matchStrength` against any seed (1 when
 * equal after canonicalisation, a fraction when one contains the other), and the sum is
 * divided by the theme's total weight. Terms with the same canonical form are counted
 * once, with their weights added; terms with weight ≤ 0 are ignored.
 *
 * Returns null when no subcommittee reaches `MIN_ROUTING_SCORE`. Equal scores go to the
 * subcommittee listed first in the council's settings.
 */
export function routeTheme(
  themeTerms: ReadonlyArray<{ term: string; weight: number }>,
  subcommittees: readonly Subcommittee[],
  canonical?: (word: string) => string | null,
): Routing | null {
  const terms = mergeByCanonical(themeTerms, canonical);
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  if (total <= 0 || subcommittees.length === 0) return null;

  const scored = subcommittees.map((subcommittee) => {
    const seeds = subcommittee.terms.map((seed) => termForms(seed, canonical));
    const matches = terms
      .map((t, order) => ({ term: t.term, order, value: t.weight * bestStrength(t.forms, seeds) }))
      .filter((m) => m.value > 0);
    const score = matches.reduce((sum, m) => sum + m.value, 0) / total;
    return { subcommittee, matches, score };
  });

  let best = scored[0]!;
  for (const candidate of scored) if (candidate.score > best.score) best = candidate;
  if (best.score < MIN_ROUTING_SCORE) return null;
  const others = scored.filter((s) => s !== best).map((s) => s.score);

  const reason = [...best.matches]
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .slice(0, MAX_REASONS)
    .map((m) => m.term);
  return {
    subcommittee: best.subcommittee.name,
    reason,
    confidence: routingConfidence(best.score, others),
  };
}

/**
 * How clearly the winner wins, 0..1: the mean of its share of all subcommittees' scores
 * and its margin over the runner-up relative to its own score. A winner alone gets 1;
 * a tie of two gets (½ + 0) / 2 = 0.25; a tie of three, 1/6.
 */
export function routingConfidence(best: number, others: readonly number[]): number {
  if (best <= 0) return 0;
  const runnerUp = others.reduce((max, s) => Math.max(max, s), 0);
  const share = best / (best + others.reduce((sum, s) => sum + s, 0));
  const margin = (best - runnerUp) / best;
  return (share + margin) / 2;
}

function bestStrength(forms: readonly string[], seeds: readonly (readonly string[])[]): number {
  let best = 0;
  for (const seed of seeds) best = Math.max(best, matchStrength(forms, seed));
  return best;
}

function mergeByCanonical(
  themeTerms: ReadonlyArray<{ term: string; weight: number }>,
  canonical: Canonicalise | undefined,
): WeightedTerm[] {
  const byKey = new Map<string, WeightedTerm>();
  for (const { term, weight } of themeTerms) {
    if (!(weight > 0)) continue;
    const forms = termForms(term, canonical);
    const key = forms[0]!;
    if (key === '') continue;
    const seen = byKey.get(key);
    if (seen) seen.weight += weight;
    else byKey.set(key, { term, weight, forms });
  }
  return [...byKey.values()];
}
