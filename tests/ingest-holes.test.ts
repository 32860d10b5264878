import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL, type CouncilSettings } from '../pipelines/council/settings.ts';
import { STANDARD_HEADERS } from '../pipelines/ingest/columns.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { ingestBytes, type IngestOutcome } from '../pipelines/ingest/ingest-file.ts';
import { IngestFatalError } from '../pipelines/ingest/issues.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { caseCsv, caseRow, utf8, type Row } from './helpers/case-csv.ts';
import { queryRows, tempDatabase, type TempDatabase } from './helpers/temp-db.ts';

const OPTIONS = { fileName: 'cases.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', today: '2026-11-21' } as const;
const ingest = (bytes: Uint8Array, settings: CouncilSettings = DEFAULT_COUNCIL): IngestOutcome => ingestBytes(bytes, { ...OPTIONS, settings });
const brief = (o: IngestOutcome) => o.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.recordId, i.column, i.code]);
const accepted = (o: IngestOutcome) => o.records.map((r) => r.recordId);

const PROTOTYPE_KEYS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('a value from the file is never looked up on a prototype', () => {
  it.each(PROTOTYPE_KEYS)('年齢層 %s refuses only its row', (value) => {
    const o = ingest(utf8(caseCsv([caseRow('K-1'), caseRow('K-2', { 年齢層: value }), caseRow('K-3')])));
    expect(accepted(o)).toEqual(['K-1', 'K-3']);
    expect(brief(o)).toEqual([[3, 'K-2', '年齢層', 'invalid_value']]);
  });

  it.each(PROTOTYPE_KEYS)('障害種別 %s refuses only its row', (value) => {
    const o = ingest(utf8(caseCsv([caseRow('K-1', { 障害種別: value }), caseRow('K-2')])));
    expect(accepted(o)).toEqual(['K-2']);
    expect(brief(o)).toEqual([[2, 'K-1', '障害種別', 'invalid_value']]);
  });

  it.each(PROTOTYPE_KEYS)('%s in every other column is read as plain text', (value) => {
    const settings = { ...DEFAULT_COUNCIL, areas: ['中央'], agencies: ['S01'] };
    const row: Row = { 記録ID: value, 会議日: value, 事業所コード: value, 地区: value, 相談内容: value, 課題: value, 対応・支援内容: value, 地域課題メモ: value };
    const o = ingest(utf8(caseCsv([caseRow('K-1', row), caseRow('K-2')])), settings);
    expect(accepted(o)).toEqual(['K-2']);
    expect(brief(o).map(([, , column, code]) => [column, code])).toEqual([
      ['会議日', 'invalid_date'],
      ['事業所コード', 'unknown_agency'],
      ['地区', 'unknown_area'],
    ]);
  });

  it.each(PROTOTYPE_KEYS)('a column named %s is ignored with a warning, with or without header aliases', (name) => {
    const headers = [...STANDARD_HEADERS, name];
    for (const settings of [DEFAULT_COUNCIL, { ...DEFAULT_COUNCIL, headerAliases: { ケース番号: '記録ID' as const } }]) {
      const o = ingest(utf8(caseCsv([caseRow('K-1')], headers)), settings);
      expect(accepted(o)).toEqual(['K-1']);
      expect(o.issues.map((i) => [i.line, i.column, i.code])).toEqual([[1, name, 'unknown_column']]);
    }
  });
});

describe('a cell with a very large number of personal-information matches', () => {
  it('masks all 150,000 phone numbers of one cell instead of overflowing the stack', () => {
    const o = ingest(utf8(caseCsv([caseRow('K-1', { 相談内容: '0438231234,'.repeat(150_000) }), caseRow('K-2')])));
    expect(accepted(o)).toEqual(['K-1', 'K-2']);
    expect(o.pii).toHaveLength(150_000);
    expect(o.records[0]?.consultation?.startsWith('［電話番号］,［電話番号］,')).toBe(true);
  });
});

describe('undecodable bytes in an otherwise readable file', () => {
  const rows = [
    caseRow('K-1'),
    caseRow('K-2', { 相談内容: '一行目\n二行目' }),
    caseRow('K-3', { 課題: '送迎がない。BROKEN' }),
    caseRow('K-4'),
  ];
  /** The file with the marker BROKEN replaced by one byte that is not text in its encoding. */
  function broken(bytes: Uint8Array, replacement: number[]): Uint8Array {
    const buffer = Buffer.from(bytes);
    const at = buffer.indexOf('BROKEN');
    return Buffer.concat([buffer.subarray(0, at), Buffer.from(replacement), buffer.subarray(at + 'BROKEN'.length)]);
  }

  it.each([
    ['Shift_JIS', 'shift_jis', iconv.encode(caseCsv(rows), 'cp932'), [0x82, 0xff]],
    ['UTF-8', 'utf-8', utf8(caseCsv(rows)), [0xe3, 0x81]],
    ['UTF-8 with BOM', 'utf-8', utf8(`\uFEFF${caseCsv(rows)}`), [0xff]],
  ])('in a %s file refuses only the record holding them, naming line and column', (_, encoding, bytes, replacement) => {
    const o = ingest(broken(bytes, replacement));
    expect(o.encoding).toBe(encoding);
    expect(accepted(o)).toEqual(['K-1', 'K-2', 'K-4']);
    expect(o.rows).toBe(4);
    expect(o.rejected).toBe(1);
    expect(brief(o)).toEqual([[5, 'K-3', '課題', 'undecodable_bytes']]);
    const label = encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS';
    expect(o.issues[0]?.message).toContain(`${label} として読みました`);
    expect(JSON.stringify(o)).not.toContain('\uFFFD');
  });

  it('in a file with lone CR line ends still names the physical line', () => {
    const text = caseCsv(rows).replaceAll('\r\n', '\r');
    const o = ingest(broken(iconv.encode(text, 'cp932'), [0xa0]));
    expect(brief(o)).toEqual([[5, 'K-3', '課題', 'undecodable_bytes']]);
  });

  it('refuses a record whose quoted cell spans the broken line, from the line it starts on', () => {
    const o = ingest(broken(utf8(caseCsv([caseRow('K-1'), caseRow('K-2', { 相談内容: '一行目\nBROKEN\n三行目' }), caseRow('K-3')])), [0xc0]));
    expect(accepted(o)).toEqual(['K-1', 'K-3']);
    expect(brief(o)).toEqual([[3, 'K-2', '相談内容', 'undecodable_bytes']]);
  });

  it('refuses a row holding a NUL character, not the file', () => {
    const o = ingest(broken(utf8(caseCsv(rows)), [0x00]));
    expect(accepted(o)).toEqual(['K-1', 'K-2', 'K-4']);
    expect(brief(o)).toEqual([[5, 'K-3', '課題', 'undecodable_bytes']]);
  });

  const fatalCode = (bytes: Uint8Array): string | null => {
    try {
      ingest(bytes);
    } catch (error) {
      if (error instanceof IngestFatalError) return error.code;
      throw error;
    }
    return null;
  };

  it('still refuses the whole file when most of it is undecodable', () => {
    const lines = caseCsv(Array.from({ length: 10 }, (_, i) => caseRow(`K-${i}`, { 課題: 'BROKEN' }))).split('\r\n');
    const bytes = Buffer.concat(lines.map((l, i) => (i === 0 || l === '' ? utf8(`${l}\r\n`) : broken(utf8(`${l}\r\n`), [0xff]))));
    expect(fatalCode(bytes)).toBe('unknown_encoding');
  });

  it('still refuses the whole file when its header line is undecodable', () => {
    expect(fatalCode(broken(utf8(`記録ID,会議日,障害種別,年齢層,課題BROKEN\r\n${caseCsv([caseRow('K-1')]).split('\r\n')[1]}\r\n`), [0xff]))).toBe(
      'unknown_encoding',
    );
  });
});

describe('a quote left open on or before the header line (found by the fuzz test)', () => {
  it.each([
    ['on the header line', `記録ID,"会議日,障害種別,年齢層,課題\r\n${caseCsv([caseRow('K-1')]).split('\r\n')[1]}\r\n`],
    ['on a stray line before it', `"\r\n${caseCsv([caseRow('K-1')])}`],
  ])('refuses the file instead of taking the next line for the header: %s', (_, text) => {
    let code: string | null = null;
    try {
      ingest(utf8(text));
    } catch (error) {
      if (!(error instanceof IngestFatalError)) throw error;
      code = error.code;
      expect(error.message).toMatch(/^1 行目の引用符（"）が閉じられていないため、見出し行を読み取れません。/);
    }
    expect(code).toBe('missing_header');
  });
});

describe('invalid numeric character references in text', () => {
  let temp: TempDatabase;
  beforeEach(async () => {
    temp = await tempDatabase();
  });
  afterEach(() => temp.close());

  it('store the row as written, through the name guard', async () => {
    const references = ['&#x110000;', '&#xD800;', '&#xDFFF;', '&#99999999999;', '&#xFFFFFF;', '&#0;'];
    const rows = references.map((ref, i) => caseRow(`K-${i}`, { 相談内容: `田中さんの件${ref}で相談。` }));
    const report = await ingestFile(temp.db, utf8(caseCsv(rows)), { ...OPTIONS, tokenizeMany: tokenizeInProcess, now: new Date('2026-11-21T09:00:00Z') });
    expect([report.rows, report.accepted, report.rejected]).toEqual([references.length, references.length, 0]);
    const stored = await queryRows(temp.db, 'SELECT consultation FROM cases ORDER BY record_id');
    expect(stored.map((r) => r.consultation)).toEqual(references.map((ref) => `［氏名］さんの件${ref}で相談。`));
  });
});
