import { dot, normalise, type CaseVectors, type SparseVector } from './vectors.ts';

export interface WeightedTerm {
  term: string;
  weight: number;
  /** A verb or adjective: counted, never a label. */
  predicate?: boolean;
}

export interface ThemeDescription {
  /** Distinctive terms by class-based TF-IDF, strongest first. */
  terms: WeightedTerm[];
  /** A short label from the top terms, e.g. グループホーム・空き. */
  label: string;
  /** The members' mean direction, L2-normalised. */
  centroid: SparseVector;
  /** Each member's cosine similarity to the centroid, by record id. */
  similarity: Map<string, number>;
  /** Members nearest the centre, most typical first. */
  representatives: string[];
  /** Share of the members in which each of `terms` occurs. */
  coverage: Map<string, number>;
}

export interface DescribeOptions {
  topTerms: number;
  representatives: number;
  labelTerms: number;
}

export const DEFAULT_DESCRIBE: DescribeOptions = { topTerms: 10, representatives: 3, labelTerms: 2 };

/**
 * Evidence for each theme: its distinctive terms by class-based TF-IDF (as BERTopic's
 * c-TF-IDF: a term's mass in the theme × log(1 + average theme mass / the term's mass
 * over all themes)), a label from the top terms, the centroid and the cases nearest it.
 */
export function describeThemes(data: CaseVectors, assignment: readonly number[], themes: number, options = DEFAULT_DESCRIBE): ThemeDescription[] {
  const mass = Array.from({ length: themes }, () => new Map<number, number>());
  const members = Array.from({ length: themes }, () => [] as number[]);
  assignment.forEach((theme, i) => {
    if (theme < 0 || theme >= themes) return;
    members[theme]?.push(i);
    const m = mass[theme] as Map<number, number>;
    for (const [t, w] of data.vectors[i] as SparseVector) m.set(t, (m.get(t) ?? 0) + w);
  });
  const termTotal = new Map<number, number>();
  let allMass = 0;
  for (const m of mass) {
    for (const [t, w] of m) {
      termTotal.set(t, (termTotal.get(t) ?? 0) + w);
      allMass += w;
    }
  }
  const averageMass = allMass / Math.max(1, themes);
  const indexOf = new Map(data.vocabulary.map((term, i) => [term, i]));

  return mass.map((m, theme) => {
    const classMass = [...m.values()].reduce((a, b) => a + b, 0) || 1;
    const terms = [...m]
      .map(([t, w]) => ({
        term: data.vocabulary[t] as string,
        weight: (w / classMass) * Math.log(1 + averageMass / (termTotal.get(t) as number)),
        ...(data.predicates?.has(t) ? { predicate: true } : {}),
      }))
      .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
      .slice(0, options.topTerms);
    const centroid = normalise(m);
    const similarity = new Map<string, number>();
    for (const i of members[theme] ?? []) similarity.set(data.ids[i] as string, dot(data.vectors[i] as SparseVector, centroid));
    const representatives = [...similarity]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, options.representatives)
      .map(([id]) => id);
    const coverage = new Map<string, number>();
    const own = members[theme] ?? [];
    for (const { term } of terms) {
      const index = indexOf.get(term) ?? -1;
      coverage.set(term, own.length === 0 ? 0 : own.filter((i) => (data.vectors[i] as SparseVector).has(index)).length / own.length);
    }
    return { terms, label: labelFrom(terms, options.labelTerms), centroid, similarity, representatives, coverage };
  });
}

/** The top nouns, skipping one that only repeats another (空き after 空き不足). */
export function labelFrom(terms: readonly WeightedTerm[], count: number): string {
  const chosen: string[] = [];
  for (const { term, predicate } of terms) {
    if (chosen.length >= count) break;
    if (predicate || chosen.some((c) => c.includes(term) || term.includes(c))) continue;
    chosen.push(term);
  }
  return chosen.join('・') || '（語なし）';
}
