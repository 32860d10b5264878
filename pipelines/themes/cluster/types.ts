import type { CaseVectors, SparseVector } from '../vectors.ts';
import type { TermVectors } from './term-vectors.ts';

export interface ClusterOptions {
  seed: number;
  /** One vector per seed theme declared by the council, in order (see guides.ts). */
  guides?: readonly SparseVector[];
  /**
   * One vector per theme the meeting fixed cases to (its last centroid), kept after the
   * guides: it gathers no case by its terms, but found themes this close fold into it and
   * every free case may join it.
   */
  anchors?: readonly SparseVector[];
  /** Themes with fewer cases are dissolved and their cases left unassigned. */
  minThemeSize?: number;
  /**
   * The corpus's term vectors over the data's vocabulary, for the methods that smooth the
   * cases; called only by them, since learning the vectors costs. Absent: they are learned
   * from the cases clustered.
   */
  termVectors?: () => TermVectors;
  /**
   * The meeting's corrections, per case: the guide or anchor (theme index) it must be in, TAKEN_OUT,
   * or -1 when free. A fixed case never moves, a taken-out one joins no theme, and the
   * clustering groups only the free cases around them.
   */
  fixed?: Int32Array;
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
/** In `ClusterOptions.fixed`: the meeting took the case out of every theme (個別の事情). */
export const TAKEN_OUT = -2;
