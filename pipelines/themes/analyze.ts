import { createHash } from 'node:crypto';
import type { CouncilSettings, Subcommittee } from '../council/settings.ts';
import type { Database, ReadScope, WriteScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { ConflictError } from '../domain-error.ts';
import type { TermDictionary } from '../text/dictionary/term-dictionary.ts';
import { termOptionsFor } from '../text/term-options.ts';
import { updateTermIndex } from '../text/term-index.ts';
import type { TokenizeMany } from '../text/tokenize-texts.ts';
import { readCaseCorrections } from './case-corrections.ts';
import { dateSpan, factsOf, readCaseFacts, type CaseFactTable } from './case-facts.ts';
import { DEFAULT_FIELD_WEIGHTS, readCaseWeights } from './case-vectors.ts';
import { DEFAULT_METHOD, type MethodName } from './cluster/methods.ts';
import { caseExcerpts } from './excerpts.ts';
import type { FormedThemes } from './form-themes.ts';
import { previousRun } from './previous-run.ts';
import { recurrence } from './recurrence.ts';
import { routeTheme } from './routing/route-theme.ts';
import { memberReviews } from './second-theme.ts';
import { storeRun, type StoredTheme } from './store-run.ts';
import { readTermVectors, storeTermVectors } from './term-vector-cache.ts';
import { formInProcess, type ThemeFormer } from './theme-former.ts';
import { guideTerms, readRemits } from './guide-terms.ts';
import type { AnalysisResult } from './theme-result.ts';
import { keyTerms, labelOf, wallTally, type WallTally } from './wall-label.ts';
import { markStage } from '../stage-marks.ts';

const GUIDED_THEME_IDS = sqlFile(import.meta.url, 'sql/guided-theme-ids.sql');
const ANALYSIS_BASIS = sqlFile(import.meta.url, 'sql/analysis-basis.sql');
const CASE_WALL_TEXTS = sqlFile(import.meta.url, 'sql/case-wall-texts.sql');

/** Times an analysis is planned again when the council changed the themes while it ran. */
const ATTEMPTS = 3;

export type AnalyzeStage = 'terms' | 'cluster' | 'store';

export interface AnalyzeOptions {
  settings: CouncilSettings;
  tokenizeMany: TokenizeMany;
  method?: MethodName;
  /** Where the clustering runs: here by default; the server hands it to a worker thread. */
  former?: ThemeFormer;
  /** The clustering's seed: the same data and settings give the same themes. */
  seed?: number;
  /** Re-form every theme instead of carrying the previous run's forward. */
  full?: boolean;
  now?: Date;
  onProgress?: (stage: AnalyzeStage, done: number, total: number) => void;
  /** Further writes that belong to the run (its audit entry), inside its transaction. */
  alsoStore?: (scope: WriteScope, result: AnalysisResult) => Promise<void>;
}

/**
 * One analysis run: terms brought up to date, then from one snapshot the cases are
 * clustered into themes, each described, measured, routed and recognised from the
 * previous run, and all of it stored in one write. Should the council merge or split a
 * theme meanwhile, the run is planned again from the new state rather than undo it.
 */
export async function analyze(db: Database, options: AnalyzeOptions): Promise<AnalysisResult> {
  markStage('terms');
  const termOptions = await termOptionsFor(options.settings);
  await updateTermIndex(db, termOptions, options.tokenizeMany, (done, total) => options.onProgress?.('terms', done, total));
  const fingerprint = settingsFingerprint(options, termOptions.dictionary.size);
  markStage('guides');
  const guides = await guideTerms(options.settings, termOptions, options.tokenizeMany);
  const remits = await readRemits(options.settings.subcommittees, termOptions, options.tokenizeMany);
  for (let attempt = 1; ; attempt++) {
    markStage('plan');
    const plan = await db.read(async (scope) => {
      const weights = await readCaseWeights(scope, DEFAULT_FIELD_WEIGHTS);
      return {
        weights,
        facts: await readCaseFacts(scope, weights.ids),
        previous: await previousRun(scope),
        seedIds: await guidedThemeIds(scope),
        basis: await analysisBasis(scope),
        termVectors: await readTermVectors(scope, fingerprint),
        corrections: await readCaseCorrections(scope),
      };
    });
    const ids = plan.weights.ids;
    const vocabulary = plan.weights.vocabulary;
    options.onProgress?.('cluster', 0, 1);
    const formed = await (options.former ?? formInProcess)({
      weights: plan.weights,
      method: options.method ?? DEFAULT_METHOD,
      seed: options.seed ?? 1,
      guides,
      previous: plan.previous,
      seedIds: plan.seedIds,
      fingerprint,
      full: options.full === true,
      termVectors: plan.termVectors.cached,
      corrections: plan.corrections,
    });
    options.onProgress?.('cluster', 1, 1);
    try {
      return await db.write(async (scope) => {
        if ((await analysisBasis(scope)) !== plan.basis) throw new StalePlan();
        options.onProgress?.('store', 0, 1);
        const planned = await describeRun(scope, formed, ids, plan.facts, options, termOptions.dictionary, remits);
        markStage('store-write');
        const run = await storeRun(scope, {
          themes: planned.themes,
          vocabulary,
          unassigned: planned.unassigned,
          nearest: planned.nearest,
          individual: formed.individual,
          areas: formed.issueAreas.areas.map((a, i) => ({ id: areaId(i) as string, label: a.label, terms: a.terms.map((x) => x.term) })),
          method: options.method ?? DEFAULT_METHOD,
          settings: fingerprint,
          started: options.now ?? new Date(),
          cases: ids.length,
        });
        if (formed.termVectors) await storeTermVectors(scope, formed.termVectors, { settings: fingerprint, corpus: plan.termVectors.corpus, builtAt: options.now ?? new Date() });
        const result: AnalysisResult = { runId: run.runId, cases: ids.length, method: options.method ?? DEFAULT_METHOD, themes: run.themes, areas: run.areas, unassigned: planned.unassigned, individualMatters: [...formed.individual].sort(), vanished: run.vanished };
        await options.alsoStore?.(scope, result);
        options.onProgress?.('store', 1, 1);
        return result;
      });
    } catch (error) {
      if (!(error instanceof StalePlan)) throw error;
      if (attempt === ATTEMPTS) throw new ConflictError('analysis_stale', '分析の途中でテーマの統合や分割が続いたため、保存できませんでした。もう一度分析してください。');
    }
  }
}

class StalePlan extends Error {}

const areaId = (index: number | undefined) => (index === undefined || index < 0 ? null : `A${index + 1}`);

/** Each formed theme's members, recurrence, route and excerpts, as the run stores them. */
async function describeRun(scope: ReadScope, formed: FormedThemes, ids: readonly string[], facts: CaseFactTable, options: AnalyzeOptions, dictionary: TermDictionary, remits: readonly Subcommittee[]) {
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const span = dateSpan(facts) ?? { first: today, last: today };
  const members = formed.descriptions.map(() => [] as number[]);
  const unassigned: string[] = [];
  formed.clustering.assignment.forEach((theme, i) => {
    if (theme >= 0) members[theme]?.push(i);
    else unassigned.push(ids[i] as string);
  });
  const { seconds, kept: nearest } = memberReviews(ids, formed.clustering.assignment, formed.nearest, (theme, id) => formed.descriptions[theme]?.similarity.get(id) ?? 0, formed.descriptions.length);
  const canonical = (word: string) => dictionary.canonical(word);
  const excerpts = await caseExcerpts(scope, formed.descriptions.flatMap((d) => d.representatives));
  const keys = formed.descriptions.map((d) => keyTerms(d.terms, (term) => d.coverage.get(term) ?? 0));
  const walls = await tallyWalls(scope, ids, members, keys);
  const themes: StoredTheme[] = [];
  formed.descriptions.forEach((d, t) => {
    const seedName = formed.seedNames[t] ?? null;
    const own = members[t] ?? [];
    // A theme with no case left is not reported: a carried one is then marked vanished.
    if (own.length === 0 && seedName === null) return;
    const routing = routeTheme(d.terms, remits, canonical);
    const named = labelOf(d.terms, keys[t] ?? [], walls[t] ?? null);
    const byId = [...own].sort((a, b) => byCodeUnits(ids[a] as string, ids[b] as string));
    themes.push({
      result: {
        label: seedName ?? named.label,
        terms: d.terms.map((x) => x.term),
        ...recurrence(own.map((row) => factsOf(facts, ids, row)), span),
        subcommittee: routing?.subcommittee ?? null,
        subcommitteeReason: routing?.reason ?? [],
        subcommitteeConfidence: routing?.confidence ?? null,
        guided: seedName !== null,
        caseIds: byId.map((row) => ids[row] as string),
        secondaryCaseIds: [...(seconds[t] ?? [])].sort(),
        issueArea: areaId(formed.issueAreas.areaOfTheme[t]),
        keyTerms: seedName === null ? named.keyTerms : [],
        representatives: d.representatives.map((recordId) => ({ recordId, excerpt: excerpts.get(recordId) ?? '' })),
      },
      versions: byId.map((row) => facts.version[row] as number),
      description: d,
      previousId: formed.ids[t] ?? null,
      guidedName: seedName,
      index: t,
    });
  });
  return { themes, unassigned: unassigned.sort(), nearest };
}

/** As Array.prototype.sort orders strings: by UTF-16 code units. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What each theme's members' 課題 and 地域課題メモ say of its head term (wall-label.ts),
 * the texts streamed once for all themes rather than held.
 */
async function tallyWalls(scope: ReadScope, ids: readonly string[], members: readonly number[][], keys: readonly string[][]): Promise<Array<WallTally | null>> {
  const tallies = keys.map((k) => wallTally(k));
  const themeOf = new Map<string, number>();
  tallies.forEach((tally, t) => {
    if (tally !== null) for (const row of members[t] ?? []) themeOf.set(ids[row] as string, t);
  });
  if (themeOf.size === 0) return tallies;
  await scope.eachChunk(CASE_WALL_TEXTS, [], (chunk) => {
    const recordIds = chunk.getColumnVector(0);
    const texts = chunk.getColumnVector(1);
    for (let i = 0; i < chunk.rowCount; i++) {
      const t = themeOf.get(String(recordIds.getItem(i)));
      if (t !== undefined) tallies[t]?.add(String(texts.getItem(i)));
    }
  });
  return tallies;
}

async function analysisBasis(scope: ReadScope): Promise<string> {
  return JSON.stringify((await scope.rows(ANALYSIS_BASIS))[0] ?? null);
}

async function guidedThemeIds(scope: ReadScope): Promise<Map<string, string>> {
  const rows = await scope.rows(GUIDED_THEME_IDS);
  return new Map(rows.map((r) => [String(r.guided_name), String(r.theme_id)]));
}

function settingsFingerprint(options: AnalyzeOptions, dictionarySize: number): string {
  return JSON.stringify({
    method: options.method ?? DEFAULT_METHOD,
    seed: options.seed ?? 1,
    fieldWeights: DEFAULT_FIELD_WEIGHTS,
    dictionarySize,
    seedThemes: options.settings.seedThemes ?? [],
    categories: options.settings.categories ?? [],
    subcommittees: createHash('sha256').update(JSON.stringify(options.settings.subcommittees)).digest('hex').slice(0, 12),
  });
}
