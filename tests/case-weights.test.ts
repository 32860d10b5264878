import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendRows } from '../pipelines/db/append-rows.ts';
import { DEFAULT_FIELD_WEIGHTS, readCaseWeights, toCaseVectors, type CaseWeights } from '../pipelines/themes/case-vectors.ts';
import { RowVector, rowVectors } from '../pipelines/themes/row-vector.ts';
import { normalise } from '../pipelines/themes/vectors.ts';
import { tempDatabase } from './helpers/temp-db.ts';

/** Enough cases that their entries (three or four each) fill several DuckDB chunks of 2,048 rows. */
const CASES = 2500;
const FIELDS = ['consultation', 'problem', 'support', 'regional_note'] as const;
const FIELD_WEIGHT = { consultation: DEFAULT_FIELD_WEIGHTS.consultation, problem: DEFAULT_FIELD_WEIGHTS.problem, support: DEFAULT_FIELD_WEIGHTS.support, regional_note: DEFAULT_FIELD_WEIGHTS.regionalNote };

const recordId = (i: number) => `C-${String(CASES - i).padStart(4, '0')}`;

/**
 * The terms stored for case i (record ids run backwards, so the cases are stored out of
 * record-id order): three of rotating groups, 共通 in every case (boilerplate, dropped) and
 * 一度 in one case only (too rare, dropped); 空き is found twice, in two fields.
 */
function termsOf(i: number): Array<{ field: (typeof FIELDS)[number]; term: string; kind: string }> {
  const terms = [
    { field: FIELDS[i % 4] as (typeof FIELDS)[number], term: `語${i % 7}`, kind: 'noun' },
    { field: FIELDS[(i + 1) % 4] as (typeof FIELDS)[number], term: `探す${i % 5}`, kind: 'predicate' },
    { field: 'consultation' as const, term: '共通', kind: 'noun' },
  ];
  if (i % 3 === 0) terms.push({ field: 'problem', term: '空き', kind: 'noun' }, { field: 'support', term: '空き', kind: 'noun' });
  if (i === 10) terms.push({ field: 'problem', term: '一度', kind: 'noun' });
  return terms;
}

let temp: Awaited<ReturnType<typeof tempDatabase>>;
let read: CaseWeights;
beforeAll(async () => {
  temp = await tempDatabase();
  await temp.db.write(async (scope) => {
    await scope.run(
      `INSERT INTO cases (record_id, version, upload_id, line, conference_date, disability_type, age_band, regional_note, content_hash)
       SELECT 'C-' || lpad(($1 - i)::VARCHAR, 4, '0'), 1, 'U-1', i, DATE '2024-04-01', '知的', '30代', CASE WHEN i % 5 = 0 THEN 'メモ' ELSE ' ' END, 'h'
       FROM range($1) t(i)`,
      [CASES],
    );
    // An older version of one case, whose terms are no longer current.
    await scope.run("INSERT INTO cases (record_id, version, upload_id, line, conference_date, disability_type, age_band, content_hash) VALUES ($1, 0, 'U-0', 1, DATE '2024-04-01', '知的', '30代', 'h')", [recordId(4)]);
    await scope.run("INSERT INTO case_terms VALUES ($1, 0, 'problem', '古い語', 'noun', 0, 2), ($1, 0, 'problem', '古い語2', 'noun', 0, 2)", [recordId(4)]);
    const stored = Array.from({ length: CASES }, (_, i) => termsOf(i).map((t) => ({ recordId: recordId(i), ...t }))).flat();
    await appendRows(scope, 'case_terms', stored, (a, t) => {
      a.appendVarchar(t.recordId);
      a.appendInteger(1);
      a.appendVarchar(t.field);
      a.appendVarchar(t.term);
      a.appendVarchar(t.kind);
      a.appendInteger(0);
      a.appendInteger(1);
    });
  });
  read = await temp.db.read((scope) => readCaseWeights(scope));
});
afterAll(() => temp.close());

/** What the matrix holds, worked out here: cases by record id, each case's terms by term, columns numbered as terms first appear. */
function expected(idf: (documents: number) => number) {
  const cases = Array.from({ length: CASES }, (_, i) => i).sort((a, b) => recordId(a).localeCompare(recordId(b)));
  const tf = cases.map((i) => {
    const sums = new Map<string, number>();
    for (const t of termsOf(i)) sums.set(t.term, (sums.get(t.term) ?? 0) + FIELD_WEIGHT[t.field]);
    return sums;
  });
  const documents = new Map<string, number>();
  for (const sums of tf) for (const term of sums.keys()) documents.set(term, (documents.get(term) ?? 0) + 1);
  const vocabulary: string[] = [];
  const entries: Array<[number, number, number]> = [];
  tf.forEach((sums, row) => {
    for (const term of [...sums.keys()].sort()) {
      const df = documents.get(term) as number;
      if (df > CASES / 2 || df < 2) continue;
      if (!vocabulary.includes(term)) vocabulary.push(term);
      entries.push([row, vocabulary.indexOf(term), (sums.get(term) as number) * idf(df)]);
    }
  });
  return { ids: cases.map(recordId), vocabulary, entries, noted: cases.map((i) => (i % 5 === 0 ? 1 : 0)) };
}

describe('the case matrix, read a chunk at a time', () => {
  it('holds each current case’s weighted terms, by record id and term, with columns in the order terms first appear', async () => {
    // The IDF of each number of cases a term may be in, as DuckDB works it out.
    const idf = (await temp.db.read((scope) => scope.rows('SELECT d, ln($1::BIGINT / d) AS v FROM range(1, $1 + 1) t(d) ORDER BY d', [CASES]))).map((r) => Number(r.v));
    const want = expected((df) => idf[df - 1] as number);
    expect(read.row.length).toBeGreaterThan(2 * 2048);
    expect(read.ids).toEqual(want.ids);
    expect(read.vocabulary).toEqual(want.vocabulary);
    expect(Array.from(read.row, (r, k) => [r, read.column[k], read.weight[k]])).toEqual(want.entries);
    expect(Array.from(read.noted)).toEqual(want.noted);
    expect(read.predicates.map((t) => read.vocabulary[t])).toEqual(['探す0', '探す1', '探す2', '探す3', '探す4']);
  });

  it('become unit vectors that keep each case’s terms in the order read, exactly as normalising a Map would', () => {
    const vectors = toCaseVectors(read).vectors;
    const byRow = read.ids.map(() => new Map<number, number>());
    read.row.forEach((r, k) => byRow[r]?.set(read.column[k] as number, read.weight[k] as number));
    expect(vectors.map((v) => [...v])).toEqual(byRow.map((m) => [...normalise(m)]));
  });
});

describe('a row of a sparse matrix as a vector', () => {
  const rows = { indptr: Int32Array.of(0, 2, 2, 3), indices: Int32Array.of(5, 1, 7), values: Float64Array.of(0.6, 0.8, 1) };
  const [first, empty, last] = rowVectors(rows) as [RowVector, RowVector, RowVector];

  it('answers as a Map of its entries would, in the row’s order', () => {
    expect([first.size, empty.size, last.size]).toEqual([2, 0, 1]);
    expect([first.get(1), first.get(5), first.get(7), first.has(5), first.has(7)]).toEqual([0.8, 0.6, undefined, true, false]);
    expect([...first]).toEqual([[5, 0.6], [1, 0.8]]);
    expect([[...first.keys()], [...first.values()], [...first.entries()]]).toEqual([[5, 1], [0.6, 0.8], [[5, 0.6], [1, 0.8]]]);
    const seen: Array<[number, number]> = [];
    first.forEach((w, t) => seen.push([t, w]));
    expect(seen).toEqual([[5, 0.6], [1, 0.8]]);
    expect([...empty]).toEqual([]);
    expect(new Map(last)).toEqual(new Map([[7, 1]]));
  });
});
