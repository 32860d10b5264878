import type { CaseVectors, SparseVector } from '../vectors.ts';
import type { TermVectors } from './term-vectors.ts';

export interface ClusterOptions {
  seed: number;
  /** One vector per seed theme declared by the council, in order (see guides.ts). */
  guides?: readonly SparseVector[];
  /** Themes with fewer cases are dissolved and their cases left unassigned. */
  minThemeSize?: number;
  /**
   * The corpus's term vectors over the data's vocabulary, for the methods that smooth the
   * cases; called only by them, since learning the vectors costs. Absent: they are learned
   * from the cases clustered.
   */
  termVectors?: () => TermVectors;
}

export interface Clustering {
  /** Per case: theme index, or -1 for a case that fits no theme. */
  assignment: number[];
  themes: number;
  /** Themes 0..guided-1 are the guides, in order, kept even when small or empty. */
  guided: number;
}

export type ClusterMethod = (data: CaseVectors, options: ClusterOptions) => Clustering;

export const UNASSIGNED = -1;
