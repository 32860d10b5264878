import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import type { IngestReport } from '../pipelines/ingest/store-upload.ts';
import { caseCsv, caseRow, utf8 } from './helpers/case-csv.ts';
import { queryRows, tempDatabase } from './helpers/temp-db.ts';

type Temp = Awaited<ReturnType<typeof tempDatabase>>;
let temp: Temp;
beforeEach(async () => {
  temp = await tempDatabase();
});
afterEach(() => temp.close());

const NOW = new Date('2026-11-21T09:00:00Z');
const upload = (bytes: Uint8Array, db = temp.db, fileName = 'cases.csv', now = NOW): Promise<IngestReport> =>
  ingestFile(db, bytes, { fileName, settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany: tokenizeInProcess, now });

/** Every table's full contents, to prove that nothing changed. */
async function snapshot(t: Temp = temp): Promise<string> {
  const tables = ['uploads', 'cases', 'ingest_issues', 'pii_findings', 'schema_migrations'];
  const parts = await Promise.all(tables.map((name) => queryRows(t.db, `SELECT * FROM ${name} ORDER BY ALL`)));
  return JSON.stringify(parts);
}

const FILE = caseCsv([
  caseRow('K-1'),
  caseRow('K-2', { 相談内容: '山田さんの携帯は090-1234-5678。' }),
  caseRow('K-3', { 年齢層: '47歳' }),
]);

describe('storeUpload', () => {
  it('stores accepted records, the upload, its issues and where personal information was masked', async () => {
    const report = await upload(utf8(FILE));
    expect(report).toMatchObject({ file: 'cases.csv', encoding: 'utf-8', rows: 3, accepted: 2, skipped: 0, rejected: 1 });
    expect(report.uploadId).toMatch(/^U-20261121090000-[0-9a-f]{6}$/);
    expect(await queryRows(temp.db, 'SELECT record_id, version, upload_id, line, conference_date, consultation FROM cases ORDER BY record_id')).toEqual([
      { record_id: 'K-1', version: 1, upload_id: report.uploadId, line: 2, conference_date: '2024-04-12', consultation: 'グループホームの空きがなく、入居先が見つからない。' },
      { record_id: 'K-2', version: 1, upload_id: report.uploadId, line: 3, conference_date: '2024-04-12', consultation: '［氏名］さんの携帯は［電話番号］。' },
    ]);
    expect(await queryRows(temp.db, 'SELECT file_name, encoding, pii_mode, rows, accepted, skipped, rejected FROM uploads')).toEqual([
      { file_name: 'cases.csv', encoding: 'utf-8', pii_mode: 'mask', rows: 3, accepted: 2, skipped: 0, rejected: 1 },
    ]);
    expect(await queryRows(temp.db, 'SELECT seq, line, record_id, column_name, severity, code FROM ingest_issues')).toEqual([
      { seq: 0, line: 4, record_id: 'K-3', column_name: '年齢層', severity: 'error', code: 'exact_age' },
    ]);
    expect(await queryRows(temp.db, 'SELECT line, record_id, column_name, kind, action FROM pii_findings ORDER BY seq')).toEqual([
      { line: 3, record_id: 'K-2', column_name: '相談内容', kind: 'name', action: 'masked' },
      { line: 3, record_id: 'K-2', column_name: '相談内容', kind: 'phone', action: 'masked' },
    ]);
  });

  it('never lets the personal information itself reach the database file', async () => {
    await upload(utf8(FILE));
    const dump = await snapshot();
    expect(dump).not.toContain('090-1234-5678');
    expect(dump).not.toContain('山田');
  });

  it('changes nothing when the same file is uploaded again, and reports every row as skipped', async () => {
    const first = await upload(utf8(FILE));
    const before = await snapshot();
    const again = await upload(utf8(FILE), temp.db, 'cases.csv', new Date('2026-11-22T09:00:00Z'));
    expect(await snapshot()).toBe(before);
    expect(again).toMatchObject({ uploadId: first.uploadId, rows: 3, accepted: 0, skipped: 2, rejected: 1 });
    expect(again.issues.map((i) => [i.line, i.code])).toEqual([[2, 'unchanged'], [3, 'unchanged'], [4, 'exact_age']]);
    expect(again.issues[0]?.message).toBe(`記録ID K-1 は保存済みの内容（${first.uploadId}）と同じため、取り込みを省略しました。`);
  });

  it('stores a changed record as a new version and keeps the old one, each knowing its upload', async () => {
    const first = await upload(utf8(FILE));
    const changed = caseCsv([caseRow('K-1', { 課題: '送迎の手段がない。' }), caseRow('K-4')]);
    const second = await upload(utf8(changed), temp.db, 'cases-2.csv', new Date('2026-12-01T09:00:00Z'));
    expect(second).toMatchObject({ rows: 2, accepted: 2, skipped: 0, rejected: 0 });
    expect(await queryRows(temp.db, 'SELECT record_id, version, upload_id, problem FROM cases ORDER BY record_id, version')).toEqual([
      { record_id: 'K-1', version: 1, upload_id: first.uploadId, problem: '市内のグループホームが不足している。' },
      { record_id: 'K-1', version: 2, upload_id: second.uploadId, problem: '送迎の手段がない。' },
      { record_id: 'K-2', version: 1, upload_id: first.uploadId, problem: '市内のグループホームが不足している。' },
      { record_id: 'K-4', version: 1, upload_id: second.uploadId, problem: '市内のグループホームが不足している。' },
    ]);
    expect(await queryRows(temp.db, 'SELECT record_id, version, problem FROM current_cases ORDER BY record_id')).toEqual([
      { record_id: 'K-1', version: 2, problem: '送迎の手段がない。' },
      { record_id: 'K-2', version: 1, problem: '市内のグループホームが不足している。' },
      { record_id: 'K-4', version: 1, problem: '市内のグループホームが不足している。' },
    ]);
  });

  it('stores identical rows from a Shift_JIS file and its UTF-8 twin', async () => {
    const text = caseCsv([
      caseRow('K-1', { 相談内容: '①ＧＨの空きがない～髙橋さん', 課題: '～' }),
      caseRow('K-2', { 会議日: '令和６年４月１２日', 相談内容: '送迎が\r\n週２回しかない' }),
    ]);
    const twin = await tempDatabase();
    try {
      const sjis = await upload(iconv.encode(text, 'cp932'));
      const utf = await upload(utf8(`\uFEFF${text}`), twin.db);
      expect([sjis.encoding, utf.encoding]).toEqual(['shift_jis', 'utf-8']);
      const rows = (t: Temp) => queryRows(t.db, 'SELECT * EXCLUDE (upload_id) FROM cases ORDER BY record_id');
      expect(await rows(temp)).toEqual(await rows(twin));
      expect((await rows(temp)).length).toBe(2);
    } finally {
      await twin.close();
    }
  });

  it('records an upload whose rows were all refused, so its report is kept', async () => {
    const report = await upload(utf8(caseCsv([caseRow('K-1', { 会議日: '2024/02/30' })])));
    expect(report).toMatchObject({ rows: 1, accepted: 0, rejected: 1 });
    expect(await queryRows(temp.db, 'SELECT count(*)::INTEGER AS n FROM ingest_issues WHERE upload_id = $1', [report.uploadId])).toEqual([{ n: 1 }]);
  });
});
