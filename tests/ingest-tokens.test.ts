import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import type { PiiMode } from '../pipelines/ingest/issues.ts';
import type { TokenizeMany } from '../pipelines/text/tokenize-texts.ts';
import { caseCsv, caseRow, utf8 } from './helpers/case-csv.ts';
import { queryRows, tempDatabase } from './helpers/temp-db.ts';
import { countingTokenizer } from './helpers/tokens.ts';

let temp: Awaited<ReturnType<typeof tempDatabase>>;
beforeEach(async () => {
  temp = await tempDatabase();
});
afterEach(() => temp.close());

const upload = (text: string, tokenizeMany: TokenizeMany, piiMode: PiiMode = 'mask') =>
  ingestFile(temp.db, utf8(text), { fileName: 'cases.csv', settings: DEFAULT_COUNCIL, piiMode, tokenizeMany, now: new Date('2026-11-21T09:00:00Z') });

const FILE = caseCsv([
  caseRow('K-1', { 相談内容: '山田太郎と面談した。GHの空きがない。' }),
  caseRow('K-2', { 相談内容: '民生委員の高橋さんから連絡。' }),
  caseRow('K-3'),
]);

describe('ingest with the tokenizer', () => {
  it('masks the names only the tokenizer finds, and reports them', async () => {
    const report = await upload(FILE, countingTokenizer().tokenizeMany);
    expect(report.pii.map((p) => [p.line, p.recordId, p.column, p.kind, p.action])).toEqual([
      [2, 'K-1', '相談内容', 'name', 'masked'],
      [3, 'K-2', '相談内容', 'name', 'masked'],
    ]);
    expect(await queryRows(temp.db, 'SELECT record_id, consultation FROM cases ORDER BY record_id')).toEqual([
      { record_id: 'K-1', consultation: '［氏名］と面談した。GHの空きがない。' },
      { record_id: 'K-2', consultation: '民生委員の［氏名］さんから連絡。' },
      { record_id: 'K-3', consultation: 'グループホームの空きがなく、入居先が見つからない。' },
    ]);
  });

  it('refuses the row instead with --pii reject', async () => {
    const report = await upload(caseCsv([caseRow('K-1', { 相談内容: '山田太郎と面談した。' }), caseRow('K-2')]), countingTokenizer().tokenizeMany, 'reject');
    expect(report).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
    expect(report.issues.map((i) => [i.line, i.code, i.column])).toEqual([[2, 'pii_detected', '相談内容']]);
    expect(await queryRows(temp.db, 'SELECT record_id FROM cases')).toEqual([{ record_id: 'K-2' }]);
  });

  it('tokenises each distinct text once, and nothing when the texts are known', async () => {
    const first = countingTokenizer();
    await upload(FILE, first.tokenizeMany);
    // 5 distinct texts and the one the tokenizer's name guard changed (高橋さん was already
    // masked by the patterns); the tokenizer sees 7 pieces, as text around a placeholder
    // is tokenised piece by piece. The tokens of the text with 山田太郎 in clear are not
    // kept: only those of its masked version.
    expect(await queryRows(temp.db, 'SELECT count(*)::INTEGER AS n FROM text_tokens')).toEqual([{ n: 5 }]);
    expect(await queryRows(temp.db, "SELECT count(*)::INTEGER AS n FROM text_tokens WHERE tokens LIKE '%山田%' OR tokens LIKE '%太郎%'")).toEqual([{ n: 0 }]);
    expect(first.texts()).toBe(7);

    const again = countingTokenizer();
    await upload(FILE, again.tokenizeMany);
    expect(again.texts()).toBe(0);

    const sameTexts = countingTokenizer();
    const renamed = caseCsv([caseRow('K-7', { 課題: '送迎の手段がない。' }), caseRow('K-8')]);
    await upload(renamed, sameTexts.tokenizeMany);
    expect(sameTexts.texts()).toBe(1);
  });
});
