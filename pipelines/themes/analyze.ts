import { createHash } from 'node:crypto';
import type { CouncilSettings } from '../council/settings.ts';
import type { Database } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { termOptionsFor } from '../text/term-options.ts';
import { updateTermIndex } from '../text/term-index.ts';
import type { TokenizeMany } from '../text/tokenize-texts.ts';
import { DEFAULT_FIELD_WEIGHTS, loadCaseVectors } from './case-vectors.ts';
import type { ClusterMethod } from './cluster/types.ts';
import { caseExcerpts } from './excerpts.ts';
import { formThemes } from './form-themes.ts';
import { previousRun } from './previous-run.ts';
import { recurrence, type CaseFacts } from './recurrence.ts';
import { routeTheme } from './routing/route-theme.ts';
import { storeRun, type StoredTheme } from './store-run.ts';
import type { AnalysisResult } from './theme-result.ts';

const CASE_FACTS = sqlFile(import.meta.url, 'sql/case-facts.sql');
const GUIDED_THEME_IDS = sqlFile(import.meta.url, 'sql/guided-theme-ids.sql');

export type AnalyzeStage = 'terms' | 'cluster' | 'store';

export interface AnalyzeOptions {
  settings: CouncilSettings;
  tokenizeMany: TokenizeMany;
  method: { name: string; cluster: ClusterMethod };
  /** The clustering's seed: the same data and settings give the same themes. */
  seed?: number;
  /** Re-form every theme instead of carrying the previous run's forward. */
  full?: boolean;
  now?: Date;
  onProgress?: (stage: AnalyzeStage, done: number, total: number) => void;
}

/**
 * One analysis run: terms brought up to date, cases clustered into themes, each theme
 * described, measured and routed, recognised from the previous run, and all of it stored
 * in one transaction.
 */
export async function analyze(db: Database, options: AnalyzeOptions): Promise<AnalysisResult> {
  const started = options.now ?? new Date();
  const termOptions = await termOptionsFor(options.settings);
  await updateTermIndex(db, termOptions, options.tokenizeMany, (done, total) => options.onProgress?.('terms', done, total));
  const data = await loadCaseVectors(db, DEFAULT_FIELD_WEIGHTS);
  const settings = settingsFingerprint(options, termOptions.dictionary.size);
  const seedIds = await guidedThemeIds(db);
  options.onProgress?.('cluster', 0, 1);
  const formed = formThemes(data, {
    method: options.method.cluster,
    seed: options.seed ?? 1,
    seeds: options.settings.seedThemes ?? [],
    dictionary: termOptions.dictionary,
    previous: await previousRun(db),
    seedIds,
    settings,
    full: options.full === true,
  });
  options.onProgress?.('cluster', 1, 1);

  const facts = await caseFacts(db);
  const dates = [...facts.values()].map((f) => f.date).sort();
  const today = started.toISOString().slice(0, 10);
  const span = { first: dates[0] ?? today, last: dates[dates.length - 1] ?? today };
  const members = formed.descriptions.map(() => [] as string[]);
  const unassigned: string[] = [];
  formed.clustering.assignment.forEach((theme, i) => {
    const id = data.ids[i] as string;
    if (theme >= 0) members[theme]?.push(id);
    else unassigned.push(id);
  });

  const canonical = (word: string) => termOptions.dictionary.canonical(word);
  const excerpts = await caseExcerpts(db, formed.descriptions.flatMap((d) => d.representatives));
  const themes: StoredTheme[] = [];
  formed.descriptions.forEach((d, t) => {
    const seedName = formed.seedNames[t] ?? null;
    const own = members[t] ?? [];
    // A theme with no case left is not reported: a carried one is then marked vanished.
    if (own.length === 0 && seedName === null) return;
    const routing = routeTheme(d.terms, options.settings.subcommittees, canonical);
    themes.push({
      result: {
        label: seedName ?? d.label,
        terms: d.terms.map((x) => x.term),
        ...recurrence(own.map((id) => facts.get(id) as CaseFacts), span),
        subcommittee: routing?.subcommittee ?? null,
        subcommitteeReason: routing?.reason ?? [],
        subcommitteeConfidence: routing?.confidence ?? null,
        guided: seedName !== null,
        caseIds: [...own].sort(),
        representatives: d.representatives.map((recordId) => ({ recordId, excerpt: excerpts.get(recordId) ?? '' })),
      },
      description: d,
      previousId: formed.ids[t] ?? null,
      guidedName: seedName,
    });
  });

  const run = await storeRun(db, {
    themes,
    data,
    versions: new Map([...facts].map(([id, f]) => [id, f.version])),
    unassigned,
    method: options.method.name,
    settings,
    started,
    cases: data.ids.length,
  });
  options.onProgress?.('store', 1, 1);
  return { runId: run.runId, cases: data.ids.length, method: options.method.name, themes: run.themes, unassigned: unassigned.sort(), vanished: run.vanished };
}

async function guidedThemeIds(db: Database): Promise<Map<string, string>> {
  const rows = (await db.connection.runAndReadAll(GUIDED_THEME_IDS)).getRowObjectsJson();
  return new Map(rows.map((r) => [String(r.guided_name), String(r.theme_id)]));
}

async function caseFacts(db: Database): Promise<Map<string, CaseFacts & { version: number }>> {
  const rows = (await db.connection.runAndReadAll(CASE_FACTS)).getRowObjectsJson();
  return new Map(
    rows.map((r) => [
      String(r.record_id),
      {
        recordId: String(r.record_id),
        version: Number(r.version),
        date: String(r.conference_date),
        agency: r.agency_code === null ? null : String(r.agency_code),
        area: r.area === null ? null : String(r.area),
      },
    ]),
  );
}

function settingsFingerprint(options: AnalyzeOptions, dictionarySize: number): string {
  return JSON.stringify({
    method: options.method.name,
    seed: options.seed ?? 1,
    fieldWeights: DEFAULT_FIELD_WEIGHTS,
    dictionarySize,
    seedThemes: options.settings.seedThemes ?? [],
    subcommittees: createHash('sha256').update(JSON.stringify(options.settings.subcommittees)).digest('hex').slice(0, 12),
  });
}
