import { describe, expect, it } from 'vitest';
import type { Database } from '../pipelines/db/database.ts';
import { DEFAULT_COUNCIL, type CouncilSettings } from '../pipelines/council/settings.ts';
import { analyze } from '../pipelines/themes/analyze.ts';
import { loadCaseVectors } from '../pipelines/themes/case-vectors.ts';
import { caseMatrix } from '../pipelines/themes/cluster/matrix.ts';
import { METHODS } from '../pipelines/themes/cluster/methods.ts';
import { seededRandom } from '../pipelines/themes/cluster/random.ts';
import { columnTermVectors, keyTermVectors, learnTermVectors } from '../pipelines/themes/cluster/term-vector-source.ts';
import { buildServes, smoothingFingerprint, TERM_VECTORS_MAX_DRIFT, type TermVectorBuild } from '../pipelines/themes/term-vector-cache.ts';
import type { AnalysisResult } from '../pipelines/themes/theme-result.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { generated, ingestCases } from './helpers/generated-db.ts';
import { freshDatabases, queryRows } from './helpers/temp-db.ts';

const fresh = freshDatabases();

const run = (db: Database, now: string, more: { settings?: CouncilSettings; full?: boolean; seed?: number } = {}) =>
  analyze(db, { settings: more.settings ?? DEFAULT_COUNCIL, tokenizeMany: tokenizeInProcess, now: new Date(now), full: more.full, seed: more.seed });

const build = (db: Database) => queryRows(db, "SELECT strftime(built_at, '%Y-%m-%d') AS built, cases, versions, rank, settings = (SELECT settings FROM analysis_runs ORDER BY finished_at DESC LIMIT 1) AS current FROM term_vector_build");
const storedVectors = async (db: Database) => new Map((await queryRows(db, 'SELECT term, vector FROM term_vectors')).map((r) => [String(r.term), r.vector as number[]]));
const shape = (r: AnalysisResult) => r.themes.map((t) => [t.id, t.label, t.caseIds, t.score]);
const byId = (n: number, seed: number) => [...generated(n, seed).cases].sort((x, y) => x.record.記録ID.localeCompare(y.record.記録ID));

describe('term vectors, keyed by term', () => {
  const data = { ids: ['a', 'b', 'c', 'd'], vectors: [new Map([[0, 0.6], [1, 0.8]]), new Map([[0, 0.6], [1, 0.8]]), new Map([[1, 0.6], [2, 0.8]]), new Map([[1, 0.6], [2, 0.8]])], vocabulary: ['空き', '入居', '送迎'] };
  const tv = learnTermVectors(caseMatrix(data), 1);

  it('come back over the same vocabulary exactly as learned, and follow a term to its new column', () => {
    expect(tv.columns.length).toBe(3);
    expect(columnTermVectors(keyTermVectors(tv, data.vocabulary), data.vocabulary)).toEqual(tv);
    const moved = columnTermVectors(keyTermVectors(tv, data.vocabulary), ['送迎', '新語', '空き']);
    expect(Array.from(moved.columns)).toEqual([0, 2]);
    expect(Array.from(moved.vectors)).toEqual([...tv.vectors.subarray(2 * tv.rank, 3 * tv.rank), ...tv.vectors.subarray(0, tv.rank)]);
  });

  it('draw from a stream of their own: given or learned, the clustering is the same', () => {
    // Three groups of twelve cases, each case four of its group's eight terms.
    const rand = seededRandom(5);
    const vectors = Array.from({ length: 36 }, (_, c) => {
      const terms = new Map<number, number>();
      while (terms.size < 4) terms.set(8 * Math.floor(c / 12) + Math.floor(rand() * 8), 0.5);
      return terms;
    });
    const groups = { ids: vectors.map((_, c) => `K-${c}`), vectors, vocabulary: Array.from({ length: 24 }, (_, t) => `t${t}`) };
    const method = METHODS['stable-kmeans'];
    const learned = method(groups, { seed: 4 });
    expect(learned.themes).toBeGreaterThanOrEqual(2);
    expect(method(groups, { seed: 4, termVectors: () => learnTermVectors(caseMatrix(groups), 4) })).toEqual(learned);
  });
});

describe('when the cached term vectors serve', () => {
  const built: TermVectorBuild = { settings: 'S', smoothing: smoothingFingerprint(), cases: 1000, versions: 1200 };
  it('serve while new, changed and gone cases are at most a tenth of those they were learned from', () => {
    expect(TERM_VECTORS_MAX_DRIFT).toBe(0.1);
    expect(buildServes(built, { cases: 1000, versions: 1200 }, 'S')).toBe(true);
    expect(buildServes(built, { cases: 1100, versions: 1300 }, 'S')).toBe(true);
    expect(buildServes(built, { cases: 1101, versions: 1301 }, 'S')).toBe(false);
    expect(buildServes(built, { cases: 1000, versions: 1300 }, 'S')).toBe(true);
    expect(buildServes(built, { cases: 1050, versions: 1301 }, 'S')).toBe(false);
    expect(buildServes(built, { cases: 899, versions: 1200 }, 'S')).toBe(false);
    expect(buildServes(built, { cases: 1000, versions: 1199 }, 'S')).toBe(false);
  });

  it('never under other analysis or smoothing settings', () => {
    expect(buildServes(built, { cases: 1000, versions: 1200 }, 'T')).toBe(false);
    expect(buildServes({ ...built, smoothing: '{}' }, { cases: 1000, versions: 1200 }, 'S')).toBe(false);
  });
});

describe('analyses with cached term vectors', () => {
  it('store the vectors a run learned, and a second run reads them back and forms exactly the same themes', async () => {
    const db = await fresh();
    await ingestCases(db, generated(400, 31).cases);
    const first = await run(db, '2026-11-21T09:00:00Z');
    expect(await build(db)).toEqual([{ built: '2026-11-21', cases: 400, versions: 400, rank: 30, current: true }]);
    const data = await db.read((scope) => loadCaseVectors(scope));
    const learned = keyTermVectors(learnTermVectors(caseMatrix(data), 1), data.vocabulary);
    const stored = await storedVectors(db);
    expect(stored.size).toBe(learned.terms.length);
    learned.terms.forEach((term, i) => expect(stored.get(term)).toEqual(Array.from(learned.vectors.subarray(i * 30, (i + 1) * 30))));
    const again = await run(db, '2026-12-01T09:00:00Z', { full: true });
    expect(await build(db)).toEqual([{ built: '2026-11-21', cases: 400, versions: 400, rank: 30, current: true }]);
    expect(shape(again)).toEqual(shape(first));
    expect(again.unassigned).toEqual(first.unassigned);
    expect(await storedVectors(db)).toEqual(stored);
  });

  it('learn them again once more than a tenth of the cases are new, not for a few', async () => {
    const db = await fresh();
    const cases = byId(460, 32);
    await ingestCases(db, cases.slice(0, 400));
    await run(db, '2026-11-21T09:00:00Z');
    await ingestCases(db, cases.slice(400, 420));
    await run(db, '2026-11-22T09:00:00Z');
    expect(await build(db)).toEqual([{ built: '2026-11-21', cases: 400, versions: 400, rank: 30, current: true }]);
    await ingestCases(db, cases.slice(420, 460));
    await run(db, '2026-11-23T09:00:00Z');
    expect(await build(db)).toEqual([{ built: '2026-11-23', cases: 460, versions: 460, rank: 30, current: true }]);
  });

  it('learn them again once more than a tenth of the cases changed', async () => {
    const db = await fresh();
    const cases = byId(400, 33);
    await ingestCases(db, cases);
    await run(db, '2026-11-21T09:00:00Z');
    const changed = (n: number) => cases.slice(0, n).map((c) => ({ ...c, record: { ...c.record, 対応・支援内容: `${c.record.対応・支援内容}（追記）` } }));
    await ingestCases(db, changed(30));
    await run(db, '2026-11-22T09:00:00Z');
    expect(await build(db)).toEqual([{ built: '2026-11-21', cases: 400, versions: 400, rank: 30, current: true }]);
    await ingestCases(db, changed(41).slice(30));
    await run(db, '2026-11-23T09:00:00Z');
    expect(await build(db)).toEqual([{ built: '2026-11-23', cases: 400, versions: 441, rank: 30, current: true }]);
  });

  it('learn them again when the settings change', async () => {
    const db = await fresh();
    await ingestCases(db, generated(400, 34).cases);
    await run(db, '2026-11-21T09:00:00Z');
    const before = await storedVectors(db);
    const settings = { ...DEFAULT_COUNCIL, seedThemes: [{ name: '移動の足', terms: ['送迎', '移動支援'] }] };
    await run(db, '2026-11-22T09:00:00Z', { settings });
    expect(await build(db)).toEqual([{ built: '2026-11-22', cases: 400, versions: 400, rank: 30, current: true }]);
    // Learned from the same cases with the same seed: the same vectors.
    expect(await storedVectors(db)).toEqual(before);
    await run(db, '2026-11-23T09:00:00Z', { settings, seed: 2 });
    expect(await build(db)).toEqual([{ built: '2026-11-23', cases: 400, versions: 400, rank: 30, current: true }]);
    expect(await storedVectors(db)).not.toEqual(before);
  });
});
