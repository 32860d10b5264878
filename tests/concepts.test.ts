import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { CONCEPTS_PATH, loadWelfareDictionary, type WelfareDictionary } from '../pipelines/text/dictionary/load-dictionary.ts';
import { updateTermIndex } from '../pipelines/text/term-index.ts';
import { termFrequencies } from '../pipelines/text/term-stats.ts';
import { extractTerms } from '../pipelines/text/terms.ts';
import { caseCsv, caseRow, utf8 } from './helpers/case-csv.ts';
import { queryRows, tempDatabase, type TempDatabase } from './helpers/temp-db.ts';
import { analyse, countingTokenizer } from './helpers/tokens.ts';

let dictionary: WelfareDictionary;
beforeAll(async () => {
  dictionary = await loadWelfareDictionary();
});

const concepts = async (raw: string) => {
  const { text, tokens } = await analyse(raw);
  return extractTerms(text, tokens, { dictionary: dictionary.terms, concepts: dictionary.concepts, stopWords: dictionary.stopWords, shortageTerms: false })
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
});
