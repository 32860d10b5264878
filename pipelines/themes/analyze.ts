import { createHash } from 'node:crypto';
import type { CouncilSettings } from '../council/settings.ts';
import type { Database } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { termOptionsFor } from '../text/term-options.ts';
import { updateTermIndex } from '../text/term-index.ts';
import type { TokenizeMany } from '../text/tokenize-texts.ts';
import { DEFAULT_FIELD_WEIGHTS, loadCaseVectors } from './case-vectors.ts';
import type { ClusterMethod } from './cluster/types.ts';
import { describeThemes } from './describe.ts';
import { guideVectors } from './guides.ts';
import { matchThemes } from './identity/match-themes.ts';
import { previousThemes } from './previous-run.ts';
import { recurrence, type CaseFacts } from './recurrence.ts';
import { routeTheme } from './routing/route-theme.ts';
import { storeRun, type StoredTheme } from './store-run.ts';
import type { AnalysisResult, ThemeResult } from './theme-result.ts';

const CASE_FACTS = sqlFile(import.meta.url, 'sql/case-facts.sql');

export type AnalyzeStage = 'terms' | 'cluster' | 'store';

export interface AnalyzeOptions {
  settings: CouncilSettings;
  tokenizeMany: TokenizeMany;
  method: { name: string; cluster: ClusterMethod };
  /** The clustering's seed: the same data and settings give the same themes. */
  seed?: number;
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
  const seeds = options.settings.seedThemes ?? [];
  options.onProgress?.('cluster', 0, 1);
  const clustering = options.method.cluster(data, { seed: options.seed ?? 1, guides: guideVectors(seeds, data, termOptions.dictionary) });
  const descriptions = describeThemes(data, clustering.assignment, clustering.themes);
  options.onProgress?.('cluster', 1, 1);

  const facts = await caseFacts(db);
  const dates = [...facts.values()].map((f) => f.date).sort();
  const span = { first: dates[0] ?? started.toISOString().slice(0, 10), last: dates[dates.length - 1] ?? started.toISOString().slice(0, 10) };
  const members = descriptions.map(() => [] as string[]);
  const unassigned: string[] = [];
  clustering.assignment.forEach((theme, i) => {
    const id = data.ids[i] as string;
    if (theme >= 0) members[theme]?.push(id);
    else unassigned.push(id);
  });

  const previous = await previousThemes(db);
  const matches = matchThemes(
    previous,
    descriptions.map((d, t) => ({ centroid: d.centroid, terms: data.vocabulary, members: new Set(members[t]) })),
  );
  const canonical = (word: string) => termOptions.dictionary.canonical(word);
  const themes: StoredTheme[] = descriptions.map((d, t) => {
    const guided = t < clustering.guided;
    const routing = routeTheme(d.terms, options.settings.subcommittees, canonical);
    const result: Omit<ThemeResult, 'id'> = {
      label: guided ? (seeds[t]?.name ?? d.label) : d.label,
      terms: d.terms.map((x) => x.term),
      ...recurrence((members[t] ?? []).map((id) => facts.get(id) as CaseFacts), span),
      subcommittee: routing?.subcommittee ?? null,
      subcommitteeReason: routing?.reason ?? [],
      subcommitteeConfidence: routing?.confidence ?? null,
      guided,
      caseIds: [...(members[t] ?? [])].sort(),
      representativeIds: d.representatives,
    };
    return { result, description: d, previousId: matches.find((m) => m.current === t)?.previousId ?? null, guidedName: guided ? (seeds[t]?.name ?? null) : null };
  });

  const run = await storeRun(db, {
    themes: themes.filter((t) => t.result.caseCount > 0 || t.result.guided),
    data,
    versions: new Map([...facts].map(([id, f]) => [id, f.version])),
    unassigned,
    method: options.method.name,
    settings: settingsFingerprint(options, termOptions.dictionary.size),
    started,
    cases: data.ids.length,
  });
  options.onProgress?.('store', 1, 1);
  return { runId: run.runId, cases: data.ids.length, method: options.method.name, themes: run.themes, unassigned: unassigned.sort(), vanished: run.vanished };
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
    seed: options.seed ?? 1,
    fieldWeights: DEFAULT_FIELD_WEIGHTS,
    dictionarySize,
    seedThemes: options.settings.seedThemes ?? [],
    subcommittees: createHash('sha256').update(JSON.stringify(options.settings.subcommittees)).digest('hex').slice(0, 12),
  });
}
