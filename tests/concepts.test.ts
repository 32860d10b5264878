import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL, parseCouncilSettings } from '../pipelines/council/settings.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { DictionaryError } from '../pipelines/text/dictionary/dictionary-error.ts';
import { CONCEPTS_PATH, loadWelfareDictionary, type DictionaryExtras, type WelfareDictionary } from '../pipelines/text/dictionary/load-dictionary.ts';
import { termOptionsFor } from '../pipelines/text/term-options.ts';
import { updateTermIndex } from '../pipelines/text/term-index.ts';
import { termFrequencies } from '../pipelines/text/term-stats.ts';
import { extractTerms } from '../pipelines/text/terms.ts';
import { caseCsv, caseRow, utf8 } from './helpers/case-csv.ts';
import { queryRows, tempDatabase, type TempDatabase } from './helpers/temp-db.ts';
import { rejectionBy } from './helpers/thrown.ts';
import { analyse, countingTokenizer } from './helpers/tokens.ts';

let dictionary: WelfareDictionary;
beforeAll(async () => {
  dictionary = await loadWelfareDictionary();
});

const concepts = async (raw: string, from = dictionary) => {
  const { text, tokens } = await analyse(raw);
  return extractTerms(text, tokens, { dictionary: from.terms, concepts: from.concepts, stopWords: from.stopWords, shortageTerms: false })
    .filter((t) => t.kind === 'concept')
    .map((t) => [t.term, text.slice(t.start, t.end)]);
};

describe('the concept thesaurus', () => {
  it('is one CSV a secretariat edits in Excel: 概念, 言い回し, メモ; every way of writing belongs to one concept', () => {
    const rows = parse(readFileSync(CONCEPTS_PATH), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual(['概念', '言い回し', 'メモ']);
    const conceptOf = new Map<string, string>();
    for (const row of rows) {
      const expression = String(row['言い回し']);
      expect(conceptOf.get(expression) ?? row['概念']).toBe(row['概念']);
      conceptOf.set(expression, String(row['概念']));
    }
    expect(new Set(rows.map((r) => r['概念'])).size).toBe(dictionary.concepts.size);
    expect(dictionary.concepts.size).toBeGreaterThanOrEqual(40);
    expect(rows.length).toBeGreaterThanOrEqual(1000);
  });

  it('finds the wall a note describes in everyday words, beside the words themselves', async () => {
    expect(await concepts('今夜泊まれる所がない。')).toEqual([['〔短期入所〕', '泊まれる所']]);
    expect(await concepts('保証人がいないため断られた。')).toEqual([['〔賃貸住宅入居〕', '保証人がいない']]);
    expect(await concepts('通所したいが足がない。')).toEqual([['〔移動手段〕', '足がない']]);
    expect(await concepts('母より電話。変わりなし。')).toEqual([]);
  });
});

/** A council's own concept, and one more way of writing a built-in one. */
const COUNCIL_CONCEPTS: DictionaryExtras = {
  concepts: [
    { concept: 'ペットの世話', expressions: ['猫の世話', '犬の世話'], note: '入院・入所のときに困る' },
    { concept: '短期入所', expressions: ['ミドルステイ'] },
  ],
};

const loadErrorOf = (extra: unknown) => rejectionBy(DictionaryError, () => loadWelfareDictionary(extra as DictionaryExtras));

describe("a council's own concepts", () => {
  it('finds a concept only the council wrote, by an expression only it wrote', async () => {
    const extended = await loadWelfareDictionary(COUNCIL_CONCEPTS);
    expect(await concepts('入院中、猫の世話を頼める人がいない。')).toEqual([]);
    expect(await concepts('入院中、猫の世話を頼める人がいない。', extended)).toEqual([['〔ペットの世話〕', '猫の世話']]);
    expect(extended.concepts.entry('ペットの世話')).toEqual({ canonical: 'ペットの世話', variants: ['猫の世話', '犬の世話'], kind: 'synonym' });
    expect(extended.concepts.size).toBe(dictionary.concepts.size + 1);
  });

  it('adds an expression to a built-in concept, which keeps its own', async () => {
    const extended = await loadWelfareDictionary(COUNCIL_CONCEPTS);
    expect(await concepts('ミドルステイを希望。泊まれる所がない。')).toEqual([['〔短期入所〕', '泊まれる所']]);
    expect(await concepts('ミドルステイを希望。泊まれる所がない。', extended)).toEqual([
      ['〔短期入所〕', 'ミドルステイ'],
      ['〔短期入所〕', '泊まれる所'],
    ]);
    expect(extended.concepts.entry('短期入所')?.variants).toEqual([...(dictionary.concepts.entry('短期入所')?.variants ?? []), 'ミドルステイ']);
  });

  it.each([
    [[{ concept: '　', expressions: ['x'] }], '協議会の追加概念 1 件目「概念」: 概念が空です'],
    [[{ concept: 'A', expressions: ['x'] }, { concept: 'B', expressions: 'y' }], '協議会の追加概念 2 件目「言い回し」: 言い回しは文字列の配列で指定してください'],
    [[{ concept: 'A', expressions: [] }], '協議会の追加概念 1 件目「言い回し」: 言い回しを1つ以上指定してください'],
    [[{ concept: 'A', expressions: ['x', ' '] }], '協議会の追加概念 1 件目「言い回し」: 2 番目の言い回しが空です'],
    [[{ concept: 'A', expressions: [3] }], '協議会の追加概念 1 件目「言い回し」: 1 番目の言い回しが文字列ではありません'],
    [
      [{ concept: '夜の居場所', expressions: ['泊まれる所'] }],
      '協議会の追加概念 1 件目「言い回し」: 「泊まれる所」は concepts.csv 2 行目の「短期入所」と 1 件目の「夜の居場所」の両方に登録されています。どちらか一方にしてください',
    ],
  ])('refuses %j', async (list, message) => {
    expect((await loadErrorOf({ concepts: list })).message).toBe(message);
  });
});

describe('concepts in the term index', () => {
  let temp: TempDatabase;
  beforeEach(async () => {
    temp = await tempDatabase();
  });
  afterEach(() => temp.close());

  it('index the concept for grouping cases, but leave it out of the word counts', async () => {
    const csv = caseCsv([caseRow('K-1', { 相談内容: '今夜泊まれる所がない。', 課題: '預け先が見つからない。' }), caseRow('K-2', { 相談内容: '泊まれる所を探している。', 課題: '' })]);
    await ingestFile(temp.db, utf8(csv), { fileName: 'c.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany: countingTokenizer().tokenizeMany, now: new Date('2026-11-21T09:00:00Z') });
    await updateTermIndex(temp.db, { dictionary: dictionary.terms, concepts: dictionary.concepts, stopWords: dictionary.stopWords, shortageTerms: false }, countingTokenizer().tokenizeMany);
    expect(await queryRows(temp.db, "SELECT record_id, count(*)::INTEGER AS n FROM case_terms WHERE term = '〔短期入所〕' GROUP BY record_id ORDER BY record_id")).toEqual([
      { record_id: 'K-1', n: 2 },
      { record_id: 'K-2', n: 1 },
    ]);
    const listed = (await temp.db.read((scope) => termFrequencies(scope, 100))).map((t) => t.term);
    expect(listed.filter((t) => t.startsWith('〔'))).toEqual([]);
  });

  it("rebuilds when the council adds a concept, and finds it in the cases", async () => {
    const csv = caseCsv([caseRow('K-1', { 相談内容: '入院中、猫の世話を頼める人がいない。', 課題: '' })]);
    await ingestFile(temp.db, utf8(csv), { fileName: 'c.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany: countingTokenizer().tokenizeMany, now: new Date('2026-11-21T09:00:00Z') });
    const tokenizeMany = countingTokenizer().tokenizeMany;
    const before = await termOptionsFor(parseCouncilSettings({ name: 'テスト協議会' }));
    expect((await updateTermIndex(temp.db, before, tokenizeMany)).rebuilt).toBe(true);
    expect((await updateTermIndex(temp.db, before, tokenizeMany)).rebuilt).toBe(false);
    const after = await termOptionsFor(parseCouncilSettings({ name: 'テスト協議会', dictionary: COUNCIL_CONCEPTS }));
    expect(await updateTermIndex(temp.db, after, tokenizeMany)).toMatchObject({ cases: 1, rebuilt: true });
    expect(await queryRows(temp.db, "SELECT record_id, term FROM case_terms WHERE term LIKE '〔%'")).toEqual([{ record_id: 'K-1', term: '〔ペットの世話〕' }]);
  });
});
