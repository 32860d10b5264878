import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { loadWelfareDictionary } from '../pipelines/text/dictionary/load-dictionary.ts';
import { updateTermIndex } from '../pipelines/text/term-index.ts';
import { caseTermWeights, kwic, termCooccurrence, termFrequencies, termFrequenciesBy } from '../pipelines/text/term-stats.ts';
import type { TermOptions } from '../pipelines/text/terms.ts';
import { caseCsv, caseRow, utf8, type Row } from './helpers/case-csv.ts';
import { queryRows, tempDatabase } from './helpers/temp-db.ts';
import { countingTokenizer } from './helpers/tokens.ts';

let temp: Awaited<ReturnType<typeof tempDatabase>>;
let options: TermOptions;
beforeEach(async () => {
  temp = await tempDatabase();
  const { terms, stopWords } = await loadWelfareDictionary();
  options = { dictionary: terms, stopWords, shortageTerms: true };
});
afterEach(() => temp.close());

const blank = { 相談内容: '', 対応・支援内容: '', 地域課題メモ: '' };
const CASES: Row[] = [
  caseRow('K-1', { ...blank, 会議日: '2024/04/10', 地区: '中央', 障害種別: '知的', 相談内容: 'GHを探している。', 課題: 'グループホームの空きがない。' }),
  caseRow('K-2', { ...blank, 会議日: '2024/05/10', 地区: '北部', 障害種別: '精神', 課題: 'グループホームが遠い。送迎がない。' }),
  caseRow('K-3', { ...blank, 会議日: '2024/05/20', 地区: '中央', 障害種別: '身体', 課題: '送迎の手段がない。' }),
  caseRow('K-4', { ...blank, 会議日: '2024/06/01', 地区: '南部', 障害種別: '知的', 課題: '短期入所の空きがない。' }),
  caseRow('K-5', { ...blank, 会議日: '2024/06/02', 地区: '南部', 障害種別: '発達', 課題: '余暇活動の場が見つからない。' }),
];

async function load(rows: Row[], tokenizer = countingTokenizer()) {
  await ingestFile(temp.db, utf8(caseCsv(rows)), {
    fileName: 'cases.csv',
    settings: DEFAULT_COUNCIL,
    piiMode: 'mask',
    tokenizeMany: tokenizer.tokenizeMany,
    now: new Date('2026-11-21T09:00:00Z'),
  });
}

describe('the term index', () => {
  it('indexes each case version once, reusing the tokens ingest stored', async () => {
    await load(CASES);
    const tokenizer = countingTokenizer();
    expect(await updateTermIndex(temp.db, options, tokenizer.tokenizeMany)).toEqual({ cases: 5, terms: 21, tokenized: 0, rebuilt: true });
    expect(await updateTermIndex(temp.db, options, tokenizer.tokenizeMany)).toEqual({ cases: 0, terms: 0, tokenized: 0, rebuilt: false });
    expect(tokenizer.texts()).toBe(0);
  });

  it('finds every term again, without tokenising, when the dictionary changes', async () => {
    await load(CASES);
    await updateTermIndex(temp.db, options, countingTokenizer().tokenizeMany);
    const tokenizer = countingTokenizer();
    const fewer = { ...options, stopWords: new Set([...options.stopWords, '送迎']) };
    expect(await updateTermIndex(temp.db, fewer, tokenizer.tokenizeMany)).toEqual({ cases: 5, terms: 19, tokenized: 0, rebuilt: true });
    expect(tokenizer.texts()).toBe(0);
  });

  it('replaces the terms of a case whose new version was uploaded', async () => {
    await load(CASES);
    await updateTermIndex(temp.db, options, countingTokenizer().tokenizeMany);
    await load([caseRow('K-3', { ...blank, 会議日: '2024/05/20', 地区: '中央', 障害種別: '身体', 課題: 'ヘルパーが見つからない。' })]);
    expect(await updateTermIndex(temp.db, options, countingTokenizer().tokenizeMany)).toMatchObject({ cases: 1, rebuilt: false });
    // The dictionary lists ヘルパーが見つからない as a way of writing ヘルパー不足.
    expect(await queryRows(temp.db, "SELECT version, term FROM case_terms WHERE record_id = 'K-3' ORDER BY start_pos, term")).toEqual([
      { version: 2, term: 'ヘルパー不足' },
    ]);
  });

  it('tokenises a text missing from the cache once, though chunks whose writes overlap share it', async () => {
    const shared = 'グループホームの空きがない。';
    // ＧＨ: another stored text, the same analysed text as K-1's GH.
    const later = ['K-6', 'K-7', 'K-8'].map((id) => caseRow(id, { ...blank, 会議日: '2024/07/01', 地区: '中央', 障害種別: '知的', 相談内容: 'ＧＨを探している。', 課題: shared }));
    await load([CASES[0] as Row, ...later]);
    const whole = await updateTermIndex(temp.db, options, countingTokenizer().tokenizeMany);
    const rows = () => queryRows(temp.db, 'SELECT * FROM case_terms ORDER BY ALL');
    const inOne = await rows();
    await temp.db.write((scope) => scope.run('DELETE FROM case_terms; DELETE FROM indexed_cases; DELETE FROM text_tokens;'));
    const tokenizer = countingTokenizer();
    const chunked = await updateTermIndex(temp.db, options, tokenizer.tokenizeMany, undefined, 1);
    // GHを探している。, and the shared text once.
    expect(chunked).toEqual({ ...whole, tokenized: 2, rebuilt: false });
    expect(tokenizer.texts()).toBe(2);
    expect(await rows()).toEqual(inOne);
    expect(await queryRows(temp.db, 'SELECT count(*)::INTEGER AS n FROM text_tokens')).toEqual([{ n: 2 }]);
  });

  it('stores the same terms a chunk of cases per write as in one write', async () => {
    await load(CASES);
    const whole = await updateTermIndex(temp.db, options, countingTokenizer().tokenizeMany);
    const rows = () => queryRows(temp.db, 'SELECT * FROM case_terms ORDER BY ALL');
    const inOne = await rows();
    await temp.db.write((scope) => scope.run('DELETE FROM case_terms; DELETE FROM indexed_cases;'));
    const chunked = await updateTermIndex(temp.db, options, countingTokenizer().tokenizeMany, undefined, 2);
    expect(chunked).toEqual({ ...whole, rebuilt: false });
    expect(await rows()).toEqual(inOne);
    expect(await queryRows(temp.db, 'SELECT count(*)::INTEGER AS n FROM indexed_cases')).toEqual([{ n: 5 }]);
  });
});

describe('term statistics', () => {
  beforeEach(async () => {
    await load(CASES);
    await updateTermIndex(temp.db, options, countingTokenizer().tokenizeMany);
  });

  it('lists frequencies with cases and TF-IDF, leaving out terms in over half the cases', async () => {
    const top = await temp.db.read((scope) => termFrequencies(scope, 4));
    expect(top.map((t) => [t.term, t.frequency, t.documents])).toEqual([
      ['グループホーム', 3, 2],
      ['空き', 2, 2],
      ['空き不足', 2, 2],
      ['送迎', 2, 2],
    ]);
    expect(top[0]?.tfidf).toBeCloseTo(3 * Math.log(5 / 2), 10);
  });

  it('crosses the top terms with 地区, 障害種別, 年齢層 and month', async () => {
    const byArea = await temp.db.read((scope) => termFrequenciesBy(scope, '地区', 2));
    expect(byArea.map((c) => [c.term, c.facet, c.frequency, c.documents])).toEqual([
      ['グループホーム', '中央', 2, 1],
      ['グループホーム', '北部', 1, 1],
      ['空き', '中央', 1, 1],
      ['空き', '南部', 1, 1],
    ]);
    const byMonth = await temp.db.read((scope) => termFrequenciesBy(scope, '月', 1));
    expect(byMonth.map((c) => [c.facet, c.frequency])).toEqual([
      ['2024-04', 2],
      ['2024-05', 1],
    ]);
  });

  it('weights each case\'s terms by TF-IDF', async () => {
    const k1 = (await temp.db.read(caseTermWeights)).filter((w) => w.recordId === 'K-1');
    expect(k1.map((w) => [w.term, w.tf, w.documents])).toEqual([
      ['グループホーム', 2, 2],
      ['探す', 1, 1],
      ['空き', 1, 2],
      ['空き不足', 1, 2],
    ]);
    expect(k1[1]?.tfidf).toBeCloseTo(Math.log(5), 10);
  });

  it('measures co-occurrence of the top terms by Jaccard', async () => {
    const pairs = await temp.db.read((scope) => termCooccurrence(scope, 4, 3));
    expect(pairs.map((p) => [p.a, p.b, p.together, p.jaccard])).toEqual([
      ['空き', '空き不足', 2, 1],
      ['グループホーム', '空き', 1, 1 / 3],
      ['グループホーム', '空き不足', 1, 1 / 3],
    ]);
  });

  it('shows a term in context from the stored text', async () => {
    expect(await temp.db.read((scope) => kwic(scope, 'グループホーム', 4))).toEqual([
      { recordId: 'K-1', conferenceDate: '2024-04-10', field: 'consultation', left: '', keyword: 'GH', right: 'を探して' },
      { recordId: 'K-1', conferenceDate: '2024-04-10', field: 'problem', left: '', keyword: 'グループホーム', right: 'の空きが' },
      { recordId: 'K-2', conferenceDate: '2024-05-10', field: 'problem', left: '', keyword: 'グループホーム', right: 'が遠い。' },
    ]);
  });
});
