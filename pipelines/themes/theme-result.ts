import type { Recurrence } from './recurrence.ts';

/** One theme of a run, as `analyze --json` reports it (DESIGN.md, extended). */
export interface ThemeResult extends Recurrence {
  id: string;
  label: string;
  /** The terms the label is made of, each in at least half of the theme's cases (concepts as 〔…〕). */
  keyTerms: string[];
  terms: string[];
  subcommittee: string | null;
  /** The terms that matched the suggested subcommittee, strongest first. */
  subcommitteeReason: string[];
  subcommitteeConfidence: number | null;
  /** Declared by the council as a seed theme. */
  guided: boolean;
  caseIds: string[];
  /** Cases of other themes that fit this one almost as well as their own (a second wall they touch). */
  secondaryCaseIds: string[];
  /** The broad area (the upper level) the theme falls into: an id of `AnalysisResult.areas`. */
  issueArea: string | null;
  /** The cases nearest the theme's centre, most typical first, with an excerpt of each. */
  representatives: Array<{ recordId: string; excerpt: string }>;
}

/** A broad area of a run (住まい, 日中活動・就労, …): the upper level the themes are grouped in. */
export interface IssueAreaResult {
  id: string;
  label: string;
  terms: string[];
  /** Its themes, in rank order. */
  themeIds: string[];
  caseCount: number;
}

export interface AnalysisResult {
  runId: string;
  cases: number;
  method: string;
  themes: ThemeResult[];
  areas: IssueAreaResult[];
  unassigned: string[];
  /** The 個別の事情 group: one-off matters with no regional side, among `unassigned`, never ranked as a theme. */
  individualMatters: string[];
  /** Themes of the previous run not found again: marked vanished, not deleted. */
  vanished: string[];
}
