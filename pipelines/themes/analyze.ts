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
import { DEFAULT_FIELD_WEIGHTS, readCaseWeights } from './case-vectors.ts';
import { DEFAULT_METHOD, type MethodName } from './cluster/methods.ts';
import { caseExcerpts } from './excerpts.ts';
import type { FormedThemes } from './form-themes.ts';
import { previousRun } from './previous-run.ts';
import { recurrence, type CaseFacts } from './recurrence.ts';
import { routeTheme } from './routing/route-theme.ts';
import { memberReviews } from './second-theme.ts';
import { storeRun, type StoredTheme } from './store-run.ts';
import { readTermVectors, storeTermVectors } from './term-vector-cache.ts';
import { formInProcess, type ThemeFormer } from './theme-former.ts';
import { guideTerms, readRemits } from './guide-terms.ts';
import type { AnalysisResult } from './theme-result.ts';
import { wallLabel } from './wall-label.ts';
import { markStage } from '../stage-marks.ts';

const CASE_FACTS = sqlFile(import.meta.url, 'sql/case-facts.sql');
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

type Facts = Map<string, CaseFacts & { version: number }>;

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
    const plan = await db.read(async (scope) => ({
      weights: await readCaseWeights(scope, DEFAULT_FIELD_WEIGHTS),
      facts: await caseFacts(scope),
      previous: await previousRun(scope),
      seedIds: await guidedThemeIds(scope),
      basis: await analysisBasis(scope),
      termVectors: await readTermVectors(scope, fingerprint),
      corrections: await readCaseCorrections(scope),
    }));
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
          versions: new Map([...plan.facts].map(([id, f]) => [id, f.version])),
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
async function describeRun(scope: ReadScope, formed: FormedThemes, ids: readonly string[], facts: Facts, options: AnalyzeOptions, dictionary: TermDictionary, remits: readonly Subcommittee[]) {
  const dates = [...facts.values()].map((f) => f.date).sort();
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const span = { first: dates[0] ?? today, last: dates[dates.length - 1] ?? today };
  const members = formed.descriptions.map(() => [] as string[]);
  const unassigned: string[] = [];
  formed.clustering.assignment.forEach((theme, i) => {
    const id = ids[i] as string;
    if (theme >= 0) members[theme]?.push(id);
    else unassigned.push(id);
  });
  const { seconds, kept: nearest } = memberReviews(ids, formed.clustering.assignment, formed.nearest, (theme, id) => formed.descriptions[theme]?.similarity.get(id) ?? 0, formed.descriptions.length);
  const canonical = (word: string) => dictionary.canonical(word);
  const excerpts = await caseExcerpts(scope, formed.descriptions.flatMap((d) => d.representatives));
  const wallTexts = new Map((await scope.rows(CASE_WALL_TEXTS)).map((r) => [String(r.record_id), String(r.text)]));
  const themes: StoredTheme[] = [];
  formed.descriptions.forEach((d, t) => {
    const seedName = formed.seedNames[t] ?? null;
    const own = members[t] ?? [];
    // A theme with no case left is not reported: a carried one is then marked vanished.
    if (own.length === 0 && seedName === null) return;
    const routing = routeTheme(d.terms, remits, canonical);
    const named = wallLabel(d.terms, (term) => d.coverage.get(term) ?? 0, own.flatMap((id) => wallTexts.get(id) ?? []));
    themes.push({
      result: {
        label: seedName ?? named.label,
        terms: d.terms.map((x) => x.term),
        ...recurrence(own.map((id) => facts.get(id) as CaseFacts), span),
        subcommittee: routing?.subcommittee ?? null,
        subcommitteeReason: routing?.reason ?? [],
        subcommitteeConfidence: routing?.confidence ?? null,
        guided: seedName !== null,
        caseIds: [...own].sort(),
        secondaryCaseIds: [...(seconds[t] ?? [])].sort(),
        issueArea: areaId(formed.issueAreas.areaOfTheme[t]),
        keyTerms: seedName === null ? named.keyTerms : [],
        representatives: d.representatives.map((recordId) => ({ recordId, excerpt: excerpts.get(recordId) ?? '' })),
      },
      description: d,
      previousId: formed.ids[t] ?? null,
      guidedName: seedName,
      index: t,
    });
  });
  return { themes, unassigned: unassigned.sort(), nearest };
}

async function analysisBasis(scope: ReadScope): Promise<string> {
  return JSON.stringify((await scope.rows(ANALYSIS_BASIS))[0] ?? null);
}

async function guidedThemeIds(scope: ReadScope): Promise<Map<string, string>> {
  const rows = await scope.rows(GUIDED_THEME_IDS);
  return new Map(rows.map((r) => [String(r.guided_name), String(r.theme_id)]));
}

async function caseFacts(scope: ReadScope): Promise<Facts> {
  const rows = await scope.rows(CASE_FACTS);
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
    method: options.method ?? DEFAULT_METHOD,
    seed: options.seed ?? 1,
    fieldWeights: DEFAULT_FIELD_WEIGHTS,
    dictionarySize,
    seedThemes: options.settings.seedThemes ?? [],
    categories: options.settings.categories ?? [],
    subcommittees: createHash('sha256').update(JSON.stringify(options.settings.subcommittees)).digest('hex').slice(0, 12),
  });
}
