import type { Recurrence } from './recurrence.ts';

/** One theme of a run, as `analyze --json` reports it (DESIGN.md, extended). */
export interface ThemeResult extends Recurrence {
  id: string;
  label: string;
  terms: string[];
  subcommittee: string | null;
  /** The terms that matched the suggested subcommittee, strongest first. */
  subcommitteeReason: string[];
  subcommitteeConfidence: number | null;
  /** Declared by the council as a seed theme. */
  guided: boolean;
  caseIds: string[];
  /** The cases nearest the theme's centre, most typical first, with an excerpt of each. */
  representatives: Array<{ recordId: string; excerpt: string }>;
}

export interface AnalysisResult {
  runId: string;
  cases: number;
  method: string;
  themes: ThemeResult[];
  unassigned: string[];
  /** The 個別の事情 group: one-off matters with no regional side, among `unassigned`, never ranked as a theme. */
  individualMatters: string[];
  /** Themes of the previous run not found again: marked vanished, not deleted. */
  vanished: string[];
}
