import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { openDatabase } from '../pipelines/db/database.ts';
import { caseCsv, caseRow } from './helpers/case-csv.ts';
import { addCaseSheet, caseCells, workbookBytes } from './helpers/case-workbook.ts';
import { runCli } from './helpers/run-cli.ts';
import { queryRows, tempDir, type TempDir } from './helpers/temp-db.ts';

let dir: TempDir;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

function write(name: string, content: string | Uint8Array): string {
  const path = dir.path(name);
  writeFileSync(path, content);
  return path;
}

const DESIGN_EXAMPLE = caseCsv([
  caseRow('K-8001'),
  caseRow('K-8002', { 会議日: '2024/13/40' }),
  caseRow('K-8003'),
  caseRow('K-8003', { 課題: '移動手段がない。' }),
  caseRow('K-9002', { 相談内容: '連絡は0438-23-1234まで。' }),
]);

describe('mieruka ingest', () => {
  it('prints exactly one JSON object with the report of DESIGN.md and exits 0 when rows were refused', async () => {
    const file = write('cases.csv', iconv.encode(DESIGN_EXAMPLE, 'cp932'));
    const result = await runCli(['ingest', file, '--db', dir.path('a.duckdb'), '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['uploadId', 'file', 'encoding', 'rows', 'accepted', 'skipped', 'rejected', 'issues', 'pii']);
    expect(report).toMatchObject({ file: 'cases.csv', encoding: 'shift_jis', rows: 5, accepted: 3, skipped: 0, rejected: 2 });
    expect(report.issues).toEqual([
      { line: 3, recordId: 'K-8002', column: '会議日', severity: 'error', code: 'invalid_date', message: expect.any(String) },
      { line: 5, recordId: 'K-8003', column: '記録ID', severity: 'error', code: 'duplicate_id', message: '記録ID K-8003 は 4 行目と重複しています' },
    ]);
    expect(report.pii).toEqual([{ line: 6, recordId: 'K-9002', column: '相談内容', kind: 'phone', action: 'masked' }]);
  });

  it('speaks Japanese to a person without --json', async () => {
    const file = write('people.csv', DESIGN_EXAMPLE);
    const result = await runCli(['ingest', file, '--db', dir.path('b.duckdb')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('people.csv（UTF-8）: 5 件 — 取り込み 3 件、省略 0 件、取り込めなかった行 2 件');
    expect(result.stdout).toContain('5 行目［記録ID］ 記録ID K-8003 は 4 行目と重複しています');
    expect(result.stdout).toContain('6 行目［相談内容］電話番号');
  });

  it('takes the database from MIERUKA_DB when --db is not given', async () => {
    const file = write('env.csv', caseCsv([caseRow('K-1')]));
    const result = await runCli(['ingest', file, '--json'], { MIERUKA_DB: dir.path('env.duckdb') });
    expect(result.code).toBe(0);
    const db = await openDatabase(dir.path('env.duckdb'));
    try {
      expect(await queryRows(db, 'SELECT record_id FROM cases')).toEqual([{ record_id: 'K-1' }]);
    } finally {
      await db.close();
    }
  });

  it('reports several files as one JSON object with one entry each', async () => {
    const a = write('m1.csv', caseCsv([caseRow('K-1')]));
    const b = write('m2.csv', caseCsv([caseRow('K-2'), caseRow('K-3')]));
    const result = await runCli(['ingest', a, b, '--db', dir.path('m.duckdb'), '--json']);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body.uploads.map((u: { file: string; accepted: number }) => [u.file, u.accepted])).toEqual([['m1.csv', 1], ['m2.csv', 2]]);
  });

  it('applies a council preset by name', async () => {
    const file = write('kisarazu.csv', 'ケース番号,開催日,障害種別,年齢層,課題\r\nK-1,2024/4/1,知的,30-39,GHの空きがない\r\n');
    const result = await runCli(['ingest', file, '--db', dir.path('k.duckdb'), '--council', 'kisarazu', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it.each([
    ['a missing required column', '記録ID,障害種別,年齢層,課題\r\nK-1,知的,30-39,x\r\n', 'missing_header'],
    ['an undecodable file', new Uint8Array([0x41, 0x82, 0x20, 0xa0, 0xfd]), 'unknown_encoding'],
    ['a ZIP that is not an Excel workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'not_workbook'],
  ])('exits 1 on %s, with the reason in JSON', async (_, content, code) => {
    const file = write(`fatal-${code}.csv`, content);
    const result = await runCli(['ingest', file, '--db', dir.path('f.duckdb'), '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ file: `fatal-${code}.csv`, error: { code, message: expect.any(String) } });
  });

  it('refuses only the rows a cell breaks, and still prints one JSON object', async () => {
    const text = caseCsv([
      caseRow('K-1', { 年齢層: 'constructor' }),
      caseRow('K-2', { 障害種別: '__proto__' }),
      caseRow('K-3', { 相談内容: '件名&#x110000;と&#xD800;の相談' }),
      caseRow('K-4', { 課題: '送迎がない。BROKEN' }),
      caseRow('K-5'),
    ]);
    const bytes = Buffer.from(iconv.encode(text, 'cp932'));
    const at = bytes.indexOf('BROKEN');
    const file = write('cells.csv', Buffer.concat([bytes.subarray(0, at), Buffer.from([0x82, 0xff]), bytes.subarray(at + 6)]));
    const result = await runCli(['ingest', file, '--db', dir.path('cells.duckdb'), '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ encoding: 'shift_jis', rows: 5, accepted: 2, rejected: 3 });
    expect(report.issues.map((i: { line: number; code: string }) => [i.line, i.code])).toEqual([
      [2, 'invalid_value'],
      [3, 'invalid_value'],
      [5, 'undecodable_bytes'],
    ]);
    const person = await runCli(['ingest', file, '--db', dir.path('cells-person.duckdb')]);
    expect(person.code).toBe(0);
    expect(person.stdout).toContain('5 行目［課題］ ファイルを Shift_JIS として読みました');
    expect(person.stderr).not.toMatch(/Error|at .*\.ts/);
  });

  it('exits 1 on a file that does not exist, saying so in Japanese', async () => {
    const result = await runCli(['ingest', dir.path('nothing.csv'), '--db', dir.path('f.duckdb')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`nothing.csv: 取り込めませんでした — ファイル ${dir.path('nothing.csv')} が見つかりません。\n`);
  });

  it('exits 1 on a council file with an unknown key', async () => {
    const council = write('council.json', JSON.stringify({ name: 'テスト協議会', areaz: [] }));
    const file = write('c.csv', caseCsv([caseRow('K-1')]));
    const result = await runCli(['ingest', file, '--db', dir.path('c.duckdb'), '--council', council]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('areaz');
  });

  it.each([
    [['ingest'], '取り込む CSV ファイルか Excel ブック（.xlsx）を指定してください。'],
    [['ingest', 'x.csv', '--pii', 'hide'], '--pii には mask か reject を指定してください（指定された値: hide）。'],
    [['ingest', 'x.csv', '--bogus'], "Unknown option '--bogus'"],
    [['analyse'], '「analyse」というコマンドはありません。'],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('使い方:');
  });

  it('reads an Excel workbook, from the sheet named with --sheet, and names the sheets when it is not there', async () => {
    const file = write(
      'cases.xlsx',
      await workbookBytes((book) => {
        book.addWorksheet('表紙').addRow(['個別支援会議の記録']);
        addCaseSheet(book, '4月', [caseCells(12)]);
        addCaseSheet(book, '5月', [caseCells('K-2'), caseCells('K-3')]);
      }),
    );
    const first = await runCli(['ingest', file, '--db', dir.path('x.duckdb'), '--json']);
    expect([first.code, JSON.parse(first.stdout)]).toMatchObject([0, { file: 'cases.xlsx', encoding: 'xlsx', sheet: '4月', rows: 1, accepted: 1 }]);
    const named = await runCli(['ingest', file, '--db', dir.path('x.duckdb'), '--sheet', '5月']);
    expect(named.code).toBe(0);
    expect(named.stdout).toContain('cases.xlsx（Excel ブック・シート「5月」）: 2 件 — 取り込み 2 件、省略 0 件、取り込めなかった行 0 件');
    const missing = await runCli(['ingest', file, '--db', dir.path('x.duckdb'), '--sheet', '6月', '--json']);
    expect([missing.code, JSON.parse(missing.stdout)]).toEqual([
      1,
      { file: 'cases.xlsx', error: { code: 'missing_sheet', message: 'シート「6月」はこのブックにありません。このブックのシート: 「表紙」「4月」「5月」。' } },
    ]);
    const db = await openDatabase(dir.path('x.duckdb'));
    try {
      expect(await queryRows(db, 'SELECT record_id, line FROM cases ORDER BY record_id')).toEqual([
        { record_id: '12', line: 2 },
        { record_id: 'K-2', line: 2 },
        { record_id: 'K-3', line: 3 },
      ]);
    } finally {
      await db.close();
    }
  });
});

describe('mieruka ingest while another program holds the database', () => {
  it('exits 1 and says the database is in use', async () => {
    const path = dir.path('busy.duckdb');
    const holder = await openDatabase(path);
    try {
      const file = write('busy.csv', caseCsv([caseRow('K-1')]));
      const result = await runCli(['ingest', file, '--db', path]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `エラー: データベース ${path} は別のプログラム（取り込みやサーバー）が使用中です。終わるのを待ってからもう一度実行してください。\n`,
      );
    } finally {
      await holder.close();
    }
  });
});
