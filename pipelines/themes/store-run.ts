import { randomBytes } from 'node:crypto';
import { DuckDBDateValue } from '@duckdb/node-api';
import { appendDouble, appendRows, appendText } from '../db/append-rows.ts';
import type { WriteScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import type { ThemeDescription } from './describe.ts';
import type { MemberReview } from './second-theme.ts';
import type { IssueAreaResult, ThemeResult } from './theme-result.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const LAST_THEME_NUMBER = sql('last-theme-number.sql');
const UPSERT_THEME = sql('upsert-theme.sql');
const MARK_VANISHED = sql('mark-vanished.sql');
const INSERT_RUN = sql('insert-run.sql');
const LATEST_RUN = sql('latest-run.sql');
const THEME_IDS_OF_RUN = 'SELECT theme_id FROM theme_snapshots WHERE run_id = $1';

/** Between the stored terms of a label. */
export const LABEL_TERM_SEPARATOR = '\n';
/** Centroid weights kept per theme for recognising it next time. */
const CENTROID_TERMS = 50;

export interface StoredTheme {
  result: Omit<ThemeResult, 'id'>;
  /** The version of each of `result.caseIds`, in their order. */
  versions: readonly number[];
  description: ThemeDescription;
  previousId: string | null;
  guidedName: string | null;
  /** The theme's index in the run's clustering, which `RunInput.nearest` refers to. */
  index: number;
}

export interface RunInput {
  themes: StoredTheme[];
  /** Term of each vector index. */
  vocabulary: readonly string[];
  unassigned: readonly string[];
  /**
   * For the members the meeting reviews first and the unassigned cases: the nearest theme
   * other than the case's own (a clustering index), the cosine, and whether it is a second theme.
   */
  nearest: ReadonlyMap<string, MemberReview>;
  /** Those of `unassigned` in the 個別の事情 group. */
  individual: readonly string[];
  areas: ReadonlyArray<Omit<IssueAreaResult, 'themeIds' | 'caseCount'>>;
  method: string;
  settings: string;
  started: Date;
  cases: number;
}

/**
 * Writes a run in one transaction: matched themes keep their id (and everything the
 * council decided about them), new ones get the next T-number in order of score, and the
 * previous run's themes not found again are marked vanished.
 */
export async function storeRun(scope: WriteScope, input: RunInput): Promise<{ runId: string; themes: ThemeResult[]; areas: IssueAreaResult[]; vanished: string[] }> {
  const runId = `R-${input.started.toISOString().replace(/[-:T]/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`;
  const ordered = [...input.themes].sort((a, b) => b.result.score - a.result.score || a.result.label.localeCompare(b.result.label));
  const lastRun = (await scope.rows(LATEST_RUN))[0]?.run_id;
  const before = lastRun === undefined ? [] : (await scope.rows(THEME_IDS_OF_RUN, [String(lastRun)])).map((r) => String(r.theme_id));
  let next = Number((await scope.rows(LAST_THEME_NUMBER))[0]?.n ?? 0);
  const themes: ThemeResult[] = ordered.map((t) => ({ id: t.previousId ?? `T-${String(++next).padStart(4, '0')}`, ...t.result }));
  for (const [i, theme] of themes.entries()) await scope.run(UPSERT_THEME, [theme.id, runId, ordered[i]?.guidedName ?? null]);
  await appendRows(scope, 'theme_snapshots', themes, (a, t) => {
    a.appendVarchar(runId);
    a.appendVarchar(t.id);
    a.appendVarchar(t.label);
    a.appendInteger(t.caseCount);
    a.appendInteger(t.orgCount);
    a.appendInteger(t.areaCount);
    a.appendInteger(t.periodCount);
    a.appendDate(date(t.firstSeen));
    a.appendDate(date(t.lastSeen));
    a.appendDouble(t.trend);
    a.appendDouble(t.score);
    appendText(a, t.subcommittee);
    appendText(a, t.subcommitteeReason.length > 0 ? t.subcommitteeReason.join('、') : null);
    appendDouble(a, t.subcommitteeConfidence);
    appendText(a, t.issueArea);
    appendText(a, t.keyTerms.length > 0 ? t.keyTerms.join(LABEL_TERM_SEPARATOR) : null);
  });
  const areaRows = input.areas.flatMap((area, position) => {
    const own = themes.filter((t) => t.issueArea === area.id);
    if (own.length === 0) return [];
    return [{ position, area: { ...area, themeIds: own.map((t) => t.id), caseCount: own.reduce((n, t) => n + t.caseCount, 0) } }];
  });
  await appendRows(scope, 'run_issue_areas', areaRows, (a, { area, position }) => {
    a.appendVarchar(runId);
    a.appendVarchar(area.id);
    a.appendVarchar(area.label);
    a.appendVarchar(area.terms.join('、'));
    a.appendInteger(position);
  });
  const areas: IssueAreaResult[] = areaRows.map((r) => r.area);
  const termRows = themes.flatMap((t, i) => termRowsOf(t.id, (ordered[i] as StoredTheme).description, input.vocabulary));
  await appendRows(scope, 'theme_terms', termRows, (a, r) => {
    a.appendVarchar(runId);
    a.appendVarchar(r.themeId);
    a.appendVarchar(r.term);
    a.appendDouble(r.weight);
    a.appendDouble(r.centroid);
  });
  const idOfIndex = new Map(ordered.map((t, i) => [t.index, (themes[i] as ThemeResult).id]));
  const nearestOf = (id: string) => {
    const n = input.nearest.get(id);
    const theme = n === undefined ? undefined : idOfIndex.get(n.theme);
    return theme === undefined || n === undefined ? null : { theme, similarity: n.similarity, second: n.second };
  };
  const memberRows = themes.flatMap((t, i) => {
    const { description, versions } = ordered[i] as StoredTheme;
    return t.caseIds.map((id, k) => ({ themeId: t.id, id, version: versions[k] as number, similarity: description.similarity.get(id) ?? 0 }));
  });
  await appendRows(scope, 'theme_members', memberRows, (a, r) => {
    a.appendVarchar(runId);
    a.appendVarchar(r.themeId);
    a.appendVarchar(r.id);
    a.appendInteger(r.version);
    a.appendDouble(r.similarity);
  });
  const reviewRows = memberRows.flatMap((r) => {
    const other = nearestOf(r.id);
    return other === null ? [] : [{ ...r, other }];
  });
  await appendRows(scope, 'member_reviews', reviewRows, (a, r) => {
    a.appendVarchar(runId);
    a.appendVarchar(r.id);
    a.appendVarchar(r.themeId);
    a.appendVarchar(r.other.theme);
    a.appendDouble(r.other.similarity);
    a.appendBoolean(r.other.second);
  });
  const individual = new Set(input.individual);
  await appendRows(scope, 'run_unassigned', input.unassigned, (a, id) => {
    const nearest = nearestOf(id);
    a.appendVarchar(runId);
    a.appendVarchar(id);
    a.appendBoolean(individual.has(id));
    appendText(a, nearest?.theme ?? null);
    appendDouble(a, nearest?.similarity ?? null);
  });
  const finished = new Date();
  await scope.run(INSERT_RUN, [runId, input.started.toISOString(), finished.toISOString(), input.cases, input.method, input.settings]);
  await scope.run(MARK_VANISHED, [runId]);
  const kept = new Set(themes.map((t) => t.id));
  return { runId, themes, areas, vanished: before.filter((id) => !kept.has(id)).sort() };
}

/** A theme's distinctive terms and its top centroid weights, as theme_terms rows. */
export function termRowsOf(themeId: string, d: ThemeDescription, vocabulary: readonly string[]) {
  const rows = new Map<string, { themeId: string; term: string; weight: number; centroid: number }>();
  for (const t of d.terms) rows.set(t.term, { themeId, term: t.term, weight: t.weight, centroid: 0 });
  const top = [...d.centroid].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CENTROID_TERMS);
  for (const [index, weight] of top) {
    const term = vocabulary[index] as string;
    const row = rows.get(term) ?? { themeId, term, weight: 0, centroid: 0 };
    row.centroid = weight;
    rows.set(term, row);
  }
  return [...rows.values()];
}

const date = (iso: string) => new DuckDBDateValue(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
