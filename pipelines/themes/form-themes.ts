import { anchorThemes, fixedAssignment, type CaseCorrections } from './case-corrections.ts';
import { carryForward, centroidOver } from './carry-forward.ts';
import { termVectorSource, type KeyedTermVectors } from './cluster/term-vector-source.ts';
import type { TermVectors } from './cluster/term-vectors.ts';
import { TAKEN_OUT, UNASSIGNED, type ClusterMethod, type Clustering } from './cluster/types.ts';
import { describeThemes, type ThemeDescription } from './describe.ts';
import type { GuideTerms } from './guide-terms.ts';
import { guideVectors } from './guides.ts';
import { matchThemes } from './identity/match-themes.ts';
import type { PreviousRun } from './previous-run.ts';
import { nearestOther, type NearestOther } from './second-theme.ts';
import { releaseIndividualAnchor, setAsideIndividualMatters } from './individual-matters.ts';
import { formIssueAreas, type IssueAreas } from './issue-areas.ts';
import type { CaseVectors } from './vectors.ts';
import { markStage } from '../stage-marks.ts';

/**
 * A run carries the previous run's themes forward when few cases are new (at most this
 * share) and the settings are unchanged, so that the next meeting finds its themes under
 * the same ids; a larger change, or `full`, re-forms them.
 */
export const CARRY_FORWARD_MAX_NEW = 0.25;

export interface FormedThemes {
  clustering: Clustering;
  descriptions: ThemeDescription[];
  /** Per theme: the id it had before, or null for a new theme. */
  ids: Array<string | null>;
  /** Per theme: the council's seed name, or null. */
  seedNames: Array<string | null>;
  carried: boolean;
  /** The broad areas the themes fall into (the upper level). */
  issueAreas: IssueAreas;
  /** Record ids of the 個別の事情 group: one-off matters kept out of every theme (unassigned). */
  individual: string[];
  /** Term vectors learned in this run, to be cached; null when they came from the cache or were not needed. */
  termVectors: KeyedTermVectors | null;
  /** Per case: its nearest theme other than its own, for the review queue and second themes. */
  nearest: NearestOther;
}

export interface FormOptions {
  method: ClusterMethod;
  /** What an incremental run clusters its left-over cases with (default: `method`). */
  poolMethod?: ClusterMethod;
  seed: number;
  /** The council's seed themes and categories, read as terms (guide-terms.ts). */
  guides: readonly GuideTerms[];
  previous: PreviousRun | null;
  /** Seed name → the theme id it has had. */
  seedIds: ReadonlyMap<string, string>;
  settings: string;
  full: boolean;
  /** Cached term vectors still valid for this corpus (term-vector-cache.ts); null: learn them if needed. */
  termVectors?: KeyedTermVectors | null;
  /** The meeting's standing corrections (case-corrections.ts): every run honours them. */
  corrections?: CaseCorrections;
}

export function formThemes(data: CaseVectors, o: FormOptions): FormedThemes {
  const termVectors = termVectorSource(data, o.termVectors ?? null, o.seed);
  const formed = formWith(data, o, termVectors.get);
  const nearest = nearestOther(data, formed.clustering.assignment, formed.descriptions.map((d) => d.centroid));
  return { ...formed, termVectors: termVectors.learned(), nearest };
}

function formWith(data: CaseVectors, o: FormOptions, termVectors: () => TermVectors): Omit<FormedThemes, 'termVectors' | 'nearest'> {
  const previous = o.previous;
  const carry = !o.full && previous !== null && previous.settings === o.settings && previous.unseen <= CARRY_FORWARD_MAX_NEW * data.ids.length;
  const corrections = o.corrections ?? new Map<string, string | null>();
  const takenOut = (i: number) => corrections.has(data.ids[i] as string) && corrections.get(data.ids[i] as string) === null;
  if (carry) {
    const fixed = fixedAssignment(data.ids, corrections, previous.themes.map((t) => t.id));
    markStage('clustering');
    const carried = carryForward(data, previous, o.poolMethod ?? o.method, { seed: o.seed, termVectors, fixed });
    // New themes of one-off matters are set aside as in a full run; the carried themes stay.
    const aside = setAsideIndividualMatters({ ...carried, guided: carried.ids.length }, data.noted);
    const clustering = { ...carried, ...aside.clustering, guided: carried.guided };
    const nameOf = new Map([...o.seedIds].map(([name, id]) => [id, name]));
    markStage('describe');
    const descriptions = describeThemes(data, clustering.assignment, clustering.themes);
    const ids = Array.from({ length: clustering.themes }, (_, t) => clustering.ids[t] ?? null);
    return {
      clustering,
      descriptions,
      ids,
      seedNames: ids.map((id) => (id === null ? null : (nameOf.get(id) ?? null))),
      carried: true,
      issueAreas: formIssueAreas(data, clustering, descriptions.map((d) => d.centroid), o.seed),
      individual: data.ids
        .filter((id, i) => clustering.assignment[i] === UNASSIGNED && (previous.individual.has(id) || takenOut(i)))
        .concat(aside.individual.map((i) => data.ids[i] as string)),
    };
  }
  // Themes the meeting fixed cases to are kept like seed themes, after them, under their own ids.
  const seedThemeIds = o.guides.map((guide) => o.seedIds.get(guide.name) ?? null);
  const anchors = anchorThemes(corrections, seedThemeIds);
  const keptIds = [...seedThemeIds, ...anchors];
  // A theme the meeting corrected is looked for where it was: its last centroid guides it.
  const lastCentroid = new Map((previous?.themes ?? []).map((t) => [t.id, t]));
  const anchorVectors = anchors.map((id) => {
    const last = lastCentroid.get(id);
    return last ? centroidOver(last, data.vocabulary) : new Map<number, number>();
  });
  const fixed = fixedAssignment(data.ids, corrections, keptIds);
  // The cases taken out are one more anchor, so that cases like them leave the themes too.
  const outAnchor = fixed.includes(TAKEN_OUT) ? keptIds.length : -1;
  if (outAnchor >= 0) fixed.forEach((t, i) => (fixed[i] = t === TAKEN_OUT ? outAnchor : t));
  markStage('clustering');
  const found = o.method(data, { seed: o.seed, guides: guideVectors(o.guides, data), anchors: outAnchor >= 0 ? [...anchorVectors, new Map()] : anchorVectors, termVectors, fixed });
  const released = outAnchor >= 0 ? releaseIndividualAnchor(found, outAnchor) : { clustering: found, individual: [] };
  const formed = setAsideIndividualMatters(released.clustering, data.noted);
  const { clustering } = formed;
  const individual = [...new Set([...formed.individual, ...released.individual])].sort((a, b) => a - b);
  markStage('describe');
  const descriptions = describeThemes(data, clustering.assignment, clustering.themes);
  const seedIdSet = new Set([...o.seedIds.values(), ...anchors]);
  const members = descriptions.map(() => new Set<string>());
  clustering.assignment.forEach((t, i) => {
    if (t >= clustering.guided) members[t]?.add(data.ids[i] as string);
  });
  const matches = matchThemes(
    (previous?.themes ?? []).filter((t) => !seedIdSet.has(t.id)),
    descriptions.map((d, t) => ({ centroid: d.centroid, terms: data.vocabulary, members: members[t] as Set<string> })),
  );
  return {
    clustering,
    descriptions,
    ids: descriptions.map((_, t) => (t < clustering.guided ? (keptIds[t] ?? null) : (matches.find((m) => m.current === t)?.previousId ?? null))),
    seedNames: descriptions.map((_, t) => (t < o.guides.length ? (o.guides[t]?.name ?? null) : null)),
    carried: false,
    issueAreas: formIssueAreas(data, clustering, descriptions.map((d) => d.centroid), o.seed),
    individual: individual.map((i) => data.ids[i] as string),
  };
}
