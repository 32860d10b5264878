import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCaseSheet, caseCells, workbookBytes } from './helpers/case-workbook.ts';
import { jobEvents as events } from './helpers/job-events.ts';
import { queryRows } from './helpers/temp-db.ts';
import { testApp, type Client } from './helpers/test-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

/** Another system's export: its own column names, in Shift_JIS as Excel saves it. */
const HEADERS = ['ケースNo', '開催日', '区域', '障がい種別', '年代', '相談の内容', '問題点', 'メモ欄'];
const OTHER_EXPORT = [
  HEADERS.join(','),
  'C-1,2024/4/12,北部,知的,30-39,母の携帯090-1234-5678に連絡した。,グループホームが足りない。,',
  'C-2,2024/4/13,南部,身体,65以上,送迎がない。,通所の足がない。,次回確認',
].join('\r\n');
const sjis = (text: string) => new Uint8Array(iconv.encode(text, 'cp932'));

function form(bytes: Uint8Array, name: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.set('file', new File([new Uint8Array(bytes)], name));
  for (const [key, value] of Object.entries(fields)) f.set(key, value);
  return f;
}

async function uploaded(client: Client, body: FormData) {
  const res = await client.upload('/api/uploads', body);
  expect(res.status).toBe(202);
  return (await events(client, ((await res.json()) as { jobId: string }).jobId)).at(-1);
}

const GUESS = [
  ['記録ID', 'ケースNo'],
  ['会議日', '開催日'],
  ['事業所コード', null],
  ['地区', null],
  ['障害種別', '障がい種別'],
  ['年齢層', '年代'],
  ['相談内容', '相談の内容'],
  ['課題', '問題点'],
  ['対応・支援内容', null],
  ['地域課題メモ', null],
];

describe('mapping the columns of another export', () => {
  it('previews a Shift_JIS CSV with a guessed mapping and masked rows, uploads with the mapping, and keeps it as aliases for the secretariat only', async () => {
    const staff = await t.as('staff');
    const preview = await staff.upload('/api/uploads/preview', form(sjis(OTHER_EXPORT), 'other.csv'));
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as Record<string, unknown>;
    expect({ ...body, headerProblem: typeof body.headerProblem }).toEqual({
      encoding: 'shift_jis',
      sheets: [],
      sheet: null,
      headers: HEADERS,
      rows: [
        ['C-1', '2024/4/12', '北部', '知的', '30-39', '母の携帯［電話番号］に連絡した。', 'グループホームが足りない。', ''],
        ['C-2', '2024/4/13', '南部', '身体', '65以上', '送迎がない。', '通所の足がない。', '次回確認'],
      ],
      guess: GUESS,
      missing: ['記録ID', '会議日', '障害種別', '年齢層', '相談内容'],
      headerProblem: 'string',
      standard: ['記録ID', '会議日', '事業所コード', '地区', '障害種別', '年齢層', '相談内容', '課題', '対応・支援内容', '地域課題メモ'],
      required: ['記録ID', '会議日', '障害種別', '年齢層'],
    });

    const mapping = GUESS.map(([standard, column]) => [standard, standard === '地区' ? '区域' : column]);
    expect(await uploaded(staff, form(sjis(OTHER_EXPORT), 'other.csv', { mapping: JSON.stringify(mapping) }))).toMatchObject({ event: 'done', data: { rows: 2, accepted: 2 } });
    expect(await queryRows(t.temp.db, 'SELECT record_id, area, consultation, regional_note FROM cases ORDER BY record_id')).toEqual([
      { record_id: 'C-1', area: '北部', consultation: '母の携帯［電話番号］に連絡した。', regional_note: null },
      { record_id: 'C-2', area: '南部', consultation: '送迎がない。', regional_note: null },
    ]);

    expect((await staff.send('POST', '/api/settings/header-aliases', { mapping })).status).toBe(403);
    const office = await t.as('secretariat');
    const saved = await office.send('POST', '/api/settings/header-aliases', { mapping });
    expect([saved.status, await saved.json()]).toEqual([
      200,
      { headerAliases: { ケースNo: '記録ID', 開催日: '会議日', 区域: '地区', 障がい種別: '障害種別', 年代: '年齢層', 相談の内容: '相談内容', 問題点: '課題' } },
    ]);
    const stored = (await (await office.get('/api/settings')).json()) as { settings: { headerAliases: Record<string, string> } };
    expect(stored.settings.headerAliases.区域).toBe('地区');

    const next = OTHER_EXPORT.replace('C-2,2024/4/13', 'C-3,2024/5/1');
    const again = (await (await staff.upload('/api/uploads/preview', form(sjis(next), 'next.csv'))).json()) as { missing: string[]; headerProblem: string | null };
    expect(again).toMatchObject({ missing: [], headerProblem: null });
    expect(await uploaded(staff, form(sjis(next), 'next.csv'))).toMatchObject({ event: 'done', data: { rows: 2, accepted: 1 } });
    expect((await queryRows(t.temp.db, "SELECT area FROM cases WHERE record_id = 'C-3'"))[0]).toEqual({ area: '南部' });
  });

  it('lists the sheets of a workbook with several, and previews the one asked for', async () => {
    const staff = await t.as('staff');
    const bytes = await workbookBytes((book) => {
      book.addWorksheet('表紙').addRow(['記録']);
      addCaseSheet(book, '4月', [caseCells(12)]);
      const may = addCaseSheet(book, '5月', [caseCells('K-5'), caseCells('K-6'), caseCells('K-7')]);
      may.getRow(3).hidden = true;
    });
    const first = (await (await staff.upload('/api/uploads/preview', form(bytes, 'cases.xlsx'))).json()) as { sheets: string[]; sheet: string; rows: string[][]; missing: string[] };
    expect([first.sheets, first.sheet, first.rows.map((r) => r[0]), first.missing]).toEqual([['4月', '5月'], '4月', ['12'], []]);
    const may = (await (await staff.upload('/api/uploads/preview', form(bytes, 'cases.xlsx', { sheet: '5月' }))).json()) as { sheet: string; rows: string[][] };
    expect([may.sheet, may.rows.map((r) => [r[0], r[1]])]).toEqual(['5月', [['K-5', '2024/04/12'], ['K-7', '2024/04/12']]]);
  });

  it('refuses a mapping that chooses one column twice, naming both, and a preview of a file that is not readable', async () => {
    const staff = await t.as('staff');
    const twice = GUESS.map(([standard, column]) => [standard, standard === '地区' ? '開催日' : column]);
    const res = await staff.upload('/api/uploads', form(sjis(OTHER_EXPORT), 'other.csv', { mapping: JSON.stringify(twice) }));
    expect([res.status, await res.json()]).toEqual([
      400,
      { code: 'invalid', field: 'mapping', requestId: expect.any(String), message: 'ファイルの列「開催日」が「会議日」と「地区」の両方に選ばれています。どちらか一方にしてください。' },
    ]);
    const zip = await staff.upload('/api/uploads/preview', form(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'x.zip'));
    expect([zip.status, ((await zip.json()) as { code: string }).code]).toEqual([400, 'not_workbook']);
    expect((await (await t.as('viewer')).upload('/api/uploads/preview', form(sjis(OTHER_EXPORT), 'other.csv'))).status).toBe(403);
  });
});
