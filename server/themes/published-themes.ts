import type { Row } from '../../pipelines/db/database.ts';
import { termsAtFloor } from '../../pipelines/text/term-stats.ts';
import type { ReadDeps } from '../http/app-env.ts';
import { LABEL_SEPARATOR, publishedTermFloor, REASON_SEPARATOR, shownTerms, termCandidates } from '../suppression/terms.ts';
import { conceptOf } from '../../pipelines/text/terms.ts';
import { LABEL_TERM_SEPARATOR } from '../../pipelines/themes/store-run.ts';
import { WALL_SUFFIXES } from '../../pipelines/themes/wall-label.ts';
import { cachedLatestThemes, runFigures } from './latest-theme.ts';

/** What a theme is called where none of its label's terms may be shown. */
export const neutralName = (themeId: string): string => `テーマ ${themeId}`;
/** What a broad area is called where none of its label's terms may be shown. */
export const neutralAreaName = (areaId: string): string => `分野 ${areaId}`;

/** A theme's label and routing reason as the terms they are made of may be looked up. */
const candidates = (t: Row): string[] => [
  ...termCandidates(String(t.label), LABEL_SEPARATOR),
  ...keyTermsOf(t),
  ...(t.issue_area_label === null || t.issue_area_label === undefined ? [] : termCandidates(String(t.issue_area_label), LABEL_SEPARATOR)),
  ...(t.routing_reason === null ? [] : termCandidates(String(t.routing_reason), REASON_SEPARATOR)),
];

/**
 * A theme as viewers and published exports name it. The council's own words stay as it
 * wrote them: a name it gave the theme, or a guided theme's label (the seed theme's name
 * in the settings). An automatic label keeps only its terms found widely enough among all
 * current cases — rare there is what identifies, however common in the theme's few cases —
 * and becomes テーマ T-0007 when none is left. The routing reason keeps the same terms.
 */
function publishedTheme(t: Row, shown: ReadonlyMap<string, boolean>): Row {
  const id = String(t.theme_id);
  const label = t.guided === true ? String(t.label) : (namedWall(t, shown) ?? (shownTerms(String(t.label), LABEL_SEPARATOR, shown).join(LABEL_SEPARATOR) || neutralName(id)));
  const reason = t.routing_reason === null ? null : shownTerms(String(t.routing_reason), REASON_SEPARATOR, shown).join(REASON_SEPARATOR) || null;
  // The name differs from the label only when the council renamed the theme.
  const name = t.name !== t.label ? String(t.name) : label;
  const area = t.issue_area_label === null || t.issue_area_label === undefined ? null : shownTerms(String(t.issue_area_label), LABEL_SEPARATOR, shown).join(LABEL_SEPARATOR) || neutralAreaName(String(t.issue_area));
  const { label_terms: _keyTerms, ...rest } = t;
  return { ...rest, name, label, routing_reason: reason, issue_area_label: area };
}

const keyTermsOf = (t: Row): string[] => (t.label_terms === null || t.label_terms === undefined ? [] : String(t.label_terms).split(LABEL_TERM_SEPARATOR));

/**
 * A label naming a wall (短期入所の不足（緊急）): shown when its head may be, its qualifier
 * dropped when that may not be. A concept's name is the thesaurus's word, never the notes'.
 */
function namedWall(t: Row, shown: ReadonlyMap<string, boolean>): string | null {
  const [head, ...rest] = keyTermsOf(t);
  if (head === undefined || !madeOf(String(t.label), [head, ...rest])) return null;
  const visible = (term: string) => conceptOf(term) !== null || shown.get(term) === true;
  if (!visible(head)) return neutralName(String(t.theme_id));
  let label = String(t.label);
  for (const term of rest) if (!visible(term)) label = label.replace(`（${conceptOf(term) ?? term}）`, '');
  return label;
}

/** Whether the label holds nothing but these terms, a wall's ending and brackets: else it is read term by term. */
function madeOf(label: string, terms: readonly string[]): boolean {
  let rest = label;
  for (const term of terms) rest = rest.replace(conceptOf(term) ?? term, '');
  for (const suffix of WALL_SUFFIXES) rest = rest.replace(suffix, '');
  return rest.replace(/[（）]/g, '') === '';
}

/**
 * The latest run's themes as viewers, `?published=1` and every CSV export show them:
 * no term in a name, label or routing reason below the council's threshold of cases (or
 * of agencies, see MIN_TERM_AGENCIES). Counts are left to the caller.
 */
export async function publishedThemes(deps: ReadDeps): Promise<Row[]> {
  const floor = publishedTermFloor(deps.settings.suppressionThreshold);
  const key = `${floor.documents}:${floor.agencies}`;
  return deps.cache.get(`themes:published:${key}`, async () => {
    const themes = await cachedLatestThemes(deps);
    const shown = await runFigures(deps, `label-terms:${key}`, (run) => deps.db.read((scope) => termsAtFloor(scope, run.themes.flatMap(candidates), floor)));
    return themes.map((t) => publishedTheme(t, shown));
  });
}
