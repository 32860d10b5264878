import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyDatabase } from './setup/db-templates.ts';
import { caseCsv, caseRow } from './helpers/case-csv.ts';
import { runCli } from './helpers/run-cli.ts';
import { tempDir, type TempDir } from './helpers/temp-db.ts';

let dir: TempDir;
let db: string;
let prepared: string;
const blank = { 相談内容: '', 対応・支援内容: '', 地域課題メモ: '' };
beforeAll(async () => {
  dir = tempDir();
  prepared = dir.path('prepared.duckdb');
  const file = dir.path('cases.csv');
  writeFileSync(
    file,
    caseCsv([
      caseRow('K-1', { ...blank, 地区: '中央', 課題: 'グループホームの空きがない。' }),
      caseRow('K-2', { ...blank, 地区: '北部', 課題: 'GHが遠い。\n送迎もない。' }),
      caseRow('K-3', { ...blank, 地区: '北部', 課題: '送迎の手段がない。' }),
      caseRow('K-4', { ...blank, 地区: '南部', 課題: '余暇の場がない。' }),
      caseRow('K-5', { ...blank, 地区: '南部', 課題: '短期入所が満床。' }),
    ]),
  );
  expect((await runCli(['ingest', file, '--db', prepared])).code).toBe(0);
});
afterAll(() => dir.remove());
// Each test its own copy of the ingested cases, their terms not yet indexed.
let copies = 0;
beforeEach(() => {
  db = dir.path(`terms-${++copies}.duckdb`);
  copyDatabase(prepared, db);
});

describe('mieruka terms', () => {
  it('prints the frequency list as JSON', async () => {
    const result = await runCli(['terms', '--db', db, '--top', '2', '--json']);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body).toMatchObject({ cases: 5, indexed: 5, tokenized: 0 });
    expect(body.terms.map((t: { term: string; frequency: number; documents: number }) => [t.term, t.frequency, t.documents])).toEqual([
      ['グループホーム', 2, 2],
      ['送迎', 2, 2],
    ]);
  });

  it('crosses terms with 地区 for a person', async () => {
    const result = await runCli(['terms', '--db', db, '--top', '1', '--by', '地区']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('語の出現数（地区別）\n語              中央    北部  \nグループホーム       1       1\n');
  });

  it.each([
    [['terms', '--top', '0'], '--top には 1〜10000 の整数を指定してください（指定された値: 0）。'],
    [['terms', '--by', '市'], '--by には 地区、障害種別、年齢層、月、四半期、年度 のいずれかを指定してください（指定された値: 市）。'],
    [['kwic'], '調べる語を 1 つ指定してください（例: mieruka kwic グループホーム）。'],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const result = await runCli([...args, '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('mieruka kwic', () => {
  it('finds an abbreviation under its canonical term, in the masked stored text', async () => {
    const result = await runCli(['kwic', 'ＧＨ', '--db', db, '--width', '5', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      term: 'グループホーム',
      lines: [
        { recordId: 'K-1', conferenceDate: '2024-04-12', field: 'problem', left: '', keyword: 'グループホーム', right: 'の空きがな' },
        { recordId: 'K-2', conferenceDate: '2024-04-12', field: 'problem', left: '', keyword: 'GH', right: 'が遠い。 ' },
      ],
    });
  });

  it('aligns the keyword for a person', async () => {
    const result = await runCli(['kwic', '送迎', '--db', db, '--width', '6']);
    expect(result.stdout).toBe(
      [
        '「送迎」 の前後（2 件）',
        'K-2 2024-04-12 課題           Hが遠い。 【送迎】もない。',
        'K-3 2024-04-12 課題                     【送迎】の手段がない',
        '',
      ].join('\n'),
    );
  });
});
