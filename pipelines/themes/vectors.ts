/**
 * A case as a sparse vector over the term vocabulary: term index → weight, L2-normalised
 * (so a dot product is a cosine similarity).
 */
export type SparseVector = ReadonlyMap<number, number>;

export interface CaseVectors {
  /** Record ids, in the order of `vectors`. */
  ids: string[];
  vectors: SparseVector[];
  /** Term of each vocabulary index. */
  vocabulary: string[];
  /** Vocabulary indices of terms that are only verbs or adjectives: never in a label. */
  predicates?: ReadonlySet<number>;
  /** 1 for each case whose 地域課題メモ is written (absent: not known). */
  noted?: Uint8Array;
}

export function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [i, w] of small) {
    const v = large.get(i);
    if (v !== undefined) s += w * v;
  }
  return s;
}

export function normalise(weights: ReadonlyMap<number, number>): Map<number, number> {
  let norm = 0;
  for (const w of weights.values()) norm += w * w;
  norm = Math.sqrt(norm);
  const out = new Map<number, number>();
  if (norm === 0) return out;
  for (const [i, w] of weights) out.set(i, w / norm);
  return out;
}
