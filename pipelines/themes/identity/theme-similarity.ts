import type { SparseVector } from '../vectors.ts';

/** A centroid keyed by term rather than by index, so that two runs' vocabularies can be compared. */
export type TermWeights = ReadonlyMap<string, number>;

/** Maps a centroid's indices through its vocabulary; a term listed twice adds up. */
export function termWeights(centroid: SparseVector, terms: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [index, weight] of centroid) {
    const term = terms[index];
    if (term === undefined) throw new RangeError(`centroid index ${index} is outside its vocabulary of ${terms.length} terms`);
    out.set(term, (out.get(term) ?? 0) + weight);
  }
  return out;
}

/**
 * Cosine of two term-keyed centroids, 0 when either is empty. Computed with the norms
 * rather than assumed to be 1: a stored centroid may be truncated to its top terms.
 */
export function termCosine(a: TermWeights, b: TermWeights): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let product = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) product += weight * other;
  }
  const norms = norm(a) * norm(b);
  if (norms === 0) return 0;
  return Math.min(1, Math.max(0, product / norms));
}

function norm(v: TermWeights): number {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  return Math.sqrt(sum);
}

/**
 * Jaccard index of an earlier theme's members and a current theme's members, leaving out
 * of the current side the records the earlier run had put in no theme (`clusteredBefore`
 * lacks them): cases added since then could not have been in the earlier theme, so
 * growth does not count against continuity. Earlier members that left count against it.
 * Jaccard rather than |A∩B| / min(|A|,|B|): the latter is 1 for both halves of a split
 * and for a merged theme against both its parts, so it cannot tell which one continues.
 * 0 when either side has nothing left.
 */
export function memberOverlap(
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
  clusteredBefore: ReadonlySet<string>,
): number {
  let shared = 0;
  let carried = 0;
  for (const id of after) {
    if (!clusteredBefore.has(id)) continue;
    carried++;
    if (before.has(id)) shared++;
  }
  if (before.size === 0 || carried === 0) return 0;
  return shared / (before.size + carried - shared);
}

/** Records that some theme of the earlier run held. */
export function clusteredRecords(themes: Iterable<{ members: ReadonlySet<string> }>): Set<string> {
  const ids = new Set<string>();
  for (const theme of themes) for (const id of theme.members) ids.add(id);
  return ids;
}
