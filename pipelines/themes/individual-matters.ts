import { UNASSIGNED, type Clustering } from './cluster/types.ts';
import { dissolveSmall } from './cluster/themes.ts';

/** Below this share of cases with a 地域課題メモ, the council does not use the field: nothing is set aside. */
export const MIN_NOTED_SHARE = 0.1;
/**
 * A found theme whose share of cases with a 地域課題メモ is under this fraction of the
 * corpus's share is one of individual matters (個別の事情). Staff write the memo where they
 * see a regional side; a group where they (almost) never did is a run of similar one-off
 * matters — renewals, changes of service — not a wall (docs/themes-on-real-notes.md).
 */
export const NOTED_SHARE_RATIO = 0.25;

export interface SetAside {
  clustering: Clustering;
  /** Case indices of the 個別の事情 group: unassigned in `clustering`, listed apart. */
  individual: number[];
}

/** Takes the themes of individual matters out of the clustering; guides always stay. */
export function setAsideIndividualMatters(c: Clustering, noted: Uint8Array | undefined): SetAside {
  if (!noted || noted.length !== c.assignment.length) return { clustering: c, individual: [] };
  let written = 0;
  for (const n of noted) written += n;
  const corpusShare = written / Math.max(1, noted.length);
  if (corpusShare < MIN_NOTED_SHARE) return { clustering: c, individual: [] };
  const size = new Float64Array(c.themes);
  const withNote = new Float64Array(c.themes);
  c.assignment.forEach((t, i) => {
    if (t < 0) return;
    size[t] = (size[t] as number) + 1;
    withNote[t] = (withNote[t] as number) + (noted[i] as number);
  });
  const individualTheme = (t: number) => t >= c.guided && (size[t] as number) > 0 && (withNote[t] as number) / (size[t] as number) < NOTED_SHARE_RATIO * corpusShare;
  const individual: number[] = [];
  const kept = Int32Array.from(c.assignment, (t, i) => {
    if (t < 0 || !individualTheme(t)) return t;
    individual.push(i);
    return UNASSIGNED;
  });
  if (individual.length === 0) return { clustering: c, individual };
  const final = dissolveSmall(kept, c.guided, 1);
  return { clustering: { assignment: Array.from(final.assignment), themes: final.themes, guided: c.guided }, individual };
}

/**
 * Dissolves guide `index`, the 個別の事情 anchor made of the cases the meeting took out: its
 * cases, and those that joined them for being alike, become the 個別の事情 group; the
 * themes after it move down one.
 */
export function releaseIndividualAnchor(c: Clustering, index: number): SetAside {
  const individual: number[] = [];
  const assignment = c.assignment.map((t, i) => {
    if (t === index) {
      individual.push(i);
      return UNASSIGNED;
    }
    return t > index ? t - 1 : t;
  });
  return { clustering: { assignment, themes: c.themes - 1, guided: c.guided - 1 }, individual };
}
