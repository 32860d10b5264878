import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { cellText } from '../pipelines/ingest/cell-text.ts';
import type { IngestOptions, IngestOutcome } from '../pipelines/ingest/ingest-file.ts';
import { checkUpload } from '../pipelines/ingest/file-parts.ts';
import { IngestFatalError } from '../pipelines/ingest/issues.ts';
import { addCaseSheet, caseCells, workbookBytes } from './helpers/case-workbook.ts';

const OPTIONS: IngestOptions = { fileName: 'cases.xlsx', settings: DEFAULT_COUNCIL, piiMode: 'mask', today: '2026-11-21' };
const check = (bytes: Uint8Array, options: Partial<IngestOptions> = {}): Promise<IngestOutcome> => checkUpload(bytes, { ...OPTIONS, ...options });
const cells = (id: ExcelJS.CellValue, entries: Array<[number, ExcelJS.CellValue]> = []) => caseCells(id, new Map(entries));
const brief = (o: IngestOutcome) => o.issues.map((i) => [i.line, i.recordId, i.column, i.severity, i.code]);

async function fatal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IngestFatalError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

const CUT_BYTES = 100;
const HIDDEN_MESSAGE = 'この行は Excel で非表示になっているため、取り込みませんでした。取り込むときは行を再表示してから、もう一度取り込んでください。';

describe('cell text: what a CSV export of the cell would say', () => {
  it.each<[string, ExcelJS.CellValue, string | undefined, string]>([
    ['an integer', 12, undefined, '12'],
    ['a large integer, without an exponent', 100000, undefined, '100000'],
    ['a huge number, without an exponent', 1e21, undefined, '1000000000000000000000'],
    ['a tiny number, without an exponent', 1e-7, undefined, '0.0000001'],
    ['float noise, cut at Excel\'s 15 digits', 0.1 + 0.2, undefined, '0.3'],
    ['a record number padded by its format', 42, '0000', '0042'],
    ['fixed decimals and grouping', 1234.5, '#,##0.00', '1,234.50'],
    ['a percentage', 0.25, '0%', '25%'],
    ['rich text', { richText: [{ text: 'グループ' }, { text: 'ホーム', font: { bold: true } }] }, undefined, 'グループホーム'],
    ['a hyperlink', { text: '資料', hyperlink: 'https://example.jp' }, undefined, '資料'],
    ['a formula, by its saved result', { formula: '"S0"&"3"', result: 'S03' }, undefined, 'S03'],
    ['a date', new Date(Date.UTC(2024, 3, 12)), 'yyyy/m/d', '2024/04/12'],
    ['a date and time', new Date(Date.UTC(2024, 3, 12, 13, 30)), 'yyyy/m/d h:mm', '2024/04/12 13:30'],
    ['a boolean', true, undefined, 'TRUE'],
  ])('%s', (_, value, numFmt, text) => {
    expect(cellText(value, numFmt)).toEqual({ text });
  });

  it('reports a formula without a saved result and an error value', () => {
    expect(cellText({ formula: 'A1*2' } as ExcelJS.CellValue, undefined)).toEqual({ text: '', problem: { kind: 'formula_without_value' } });
    expect(cellText({ formula: 'VLOOKUP(A1,B:C,2,0)', result: { error: '#N/A' } } as ExcelJS.CellValue, undefined)).toEqual({ text: '', problem: { kind: 'cell_error', error: '#N/A' } });
  });
});

describe('an .xlsx workbook through the ingest checks', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('reads dates typed as Excel dates as the calendar day, in any time zone and either date system', async () => {
    process.env.TZ = 'America/Los_Angeles';
    for (const date1904 of [false, true]) {
      const bytes = await workbookBytes((book) => {
        book.properties.date1904 = date1904;
        addCaseSheet(book, '記録', [cells('K-1', [[1, new Date(Date.UTC(2024, 3, 12))]]), cells('K-2', [[1, new Date(Date.UTC(2023, 11, 31, 23, 59))]])]);
      });
      const outcome = await check(bytes);
      expect(outcome.records.map((r) => [r.line, r.recordId, r.conferenceDate])).toEqual([
        [2, 'K-1', '2024-04-12'],
        [3, 'K-2', '2023-12-31'],
      ]);
      expect(outcome.issues).toEqual([]);
    }
  });

  it('takes a number typed in 記録ID as its text, and a formula by its saved result', async () => {
    const bytes = await workbookBytes((book) => {
      const sheet = addCaseSheet(book, '記録', [cells(12), cells(42), cells('K-3', [[2, { formula: '"S0"&"3"', result: 'S03' }]])]);
      sheet.getCell('A3').numFmt = '0000';
    });
    const outcome = await check(bytes);
    expect(outcome.records.map((r) => [r.line, r.recordId, r.agencyCode])).toEqual([
      [2, '12', 'S01'],
      [3, '0042', 'S01'],
      [4, 'K-3', 'S03'],
    ]);
    expect([outcome.encoding, outcome.sheet, outcome.rows, outcome.rejected]).toEqual(['xlsx', '記録', 3, 0]);
  });

  it('refuses the row of a formula saved without its result, and reads an error value as empty with a warning', async () => {
    const bytes = await workbookBytes((book) => {
      addCaseSheet(book, '記録', [
        cells('K-1', [[2, { formula: 'Z1' } as ExcelJS.CellValue]]),
        cells('K-2', [[9, { formula: 'VLOOKUP(A3,Z:Z,1,0)', result: { error: '#N/A' } } as ExcelJS.CellValue]]),
        cells('K-3', [[10, { formula: 'Z1' } as ExcelJS.CellValue]]),
      ]);
    });
    const outcome = await check(bytes);
    expect(outcome.records.map((r) => [r.recordId, r.regionalNote])).toEqual([
      ['K-2', null],
      ['K-3', null],
    ]);
    expect(outcome.rejected).toBe(1);
    expect(outcome.issues).toEqual([
      {
        line: 2,
        recordId: 'K-1',
        column: '事業所コード',
        severity: 'error',
        code: 'formula_without_value',
        message: 'セル C2（事業所コード）は数式ですが、計算結果がブックに保存されていないため値がわかりません。この行は取り込みませんでした。Excel でブックを開いて保存し直してから、もう一度取り込んでください。',
      },
      {
        line: 3,
        recordId: 'K-2',
        column: '地域課題メモ',
        severity: 'warning',
        code: 'cell_error',
        message: 'セル J3（地域課題メモ）はエラー値（#N/A）のため、空として読みました。数式を直すか値を入れてから取り込み直してください。',
      },
    ]);
  });

  it('fills a merged range with its top-left value and warns on every row it filled', async () => {
    const bytes = await workbookBytes((book) => {
      const sheet = addCaseSheet(book, '記録', [cells('K-1', [[3, '北部']]), cells('K-2', [[3, '南部']]), cells('K-3', [[3, '南部']]), cells('K-4')]);
      sheet.mergeCells('D2:D3');
      sheet.mergeCells('G5:H5');
    });
    const outcome = await check(bytes);
    expect(outcome.records.map((r) => [r.line, r.area, r.consultation === r.problem])).toEqual([
      [2, '北部', false],
      [3, '北部', false],
      [4, '南部', false],
      [5, '中央', true],
    ]);
    expect(outcome.issues).toEqual([
      {
        line: 3,
        recordId: 'K-2',
        column: '地区',
        severity: 'warning',
        code: 'merged_cell',
        message: 'セル D2:D3 は結合されているため、左上のセル D2 の値を、この行の D 列の値としても読みました。値が正しいか確かめてください。',
      },
      {
        line: 5,
        recordId: 'K-4',
        column: '課題',
        severity: 'warning',
        code: 'merged_cell',
        message: 'セル G5:H5 は結合されているため、左上のセル G5 の値を、この行の H 列の値としても読みました。値が正しいか確かめてください。',
      },
    ]);
  });

  it('leaves hidden rows out, each named by its sheet row and counted as skipped', async () => {
    const bytes = await workbookBytes((book) => {
      const sheet = addCaseSheet(book, '記録', [cells('K-1'), cells('K-2'), cells('K-3'), cells('K-4', [[5, '47歳']])]);
      sheet.getRow(3).hidden = true;
      sheet.getRow(5).hidden = true;
    });
    const outcome = await check(bytes);
    expect(outcome.records.map((r) => [r.line, r.recordId])).toEqual([
      [2, 'K-1'],
      [4, 'K-3'],
    ]);
    expect([outcome.rows, outcome.records.length, outcome.skipped, outcome.rejected]).toEqual([4, 2, 2, 0]);
    expect(outcome.issues).toEqual([
      { line: 3, recordId: 'K-2', column: null, severity: 'warning', code: 'hidden_row', message: HIDDEN_MESSAGE },
      { line: 5, recordId: 'K-4', column: null, severity: 'warning', code: 'hidden_row', message: HIDDEN_MESSAGE },
    ]);
  });

  it('passes over a cover sheet and a title above the header, keeping the sheet\'s row numbers', async () => {
    const bytes = await workbookBytes((book) => {
      book.addWorksheet('表紙').addRow(['令和6年度 個別支援会議 記録']);
      const sheet = book.addWorksheet('記録');
      sheet.addRow(['個別支援会議の記録（木更津市）']);
      sheet.addRow([]);
      sheet.addRow(['記録ID', '会議日', '障害種別', '年齢層', '課題']);
      sheet.addRow(['K-1', new Date(Date.UTC(2024, 3, 12)), '知的', '30-39', 'グループホームが足りない。']);
      sheet.addRow(['K-2', new Date(Date.UTC(2024, 3, 13)), '身体', '年齢', '送迎がない。']);
    });
    const outcome = await check(bytes);
    expect(outcome.sheet).toBe('記録');
    expect(outcome.records.map((r) => [r.line, r.recordId])).toEqual([[4, 'K-1']]);
    expect(brief(outcome).filter((i) => i[4] !== 'missing_column')).toEqual([[5, 'K-2', '年齢層', 'error', 'invalid_value']]);
    expect(outcome.issues.filter((i) => i.code === 'missing_column').map((i) => [i.line, i.column])).toEqual([
      [3, '事業所コード'],
      [3, '地区'],
      [3, '相談内容'],
      [3, '対応・支援内容'],
      [3, '地域課題メモ'],
    ]);
  });

  describe('choosing the sheet', () => {
    const book = () =>
      workbookBytes((b) => {
        b.addWorksheet('表紙').addRow(['記録の一覧']);
        addCaseSheet(b, '記録', [cells('K-1')]);
        addCaseSheet(b, '記録2', [cells('K-2'), cells('K-3')]);
      });

    it('reads the first sheet with the header, or the one named', async () => {
      expect((await check(await book())).records.map((r) => r.recordId)).toEqual(['K-1']);
      const named = await check(await book(), { sheet: '記録2' });
      expect([named.sheet, named.records.map((r) => r.recordId)]).toEqual(['記録2', ['K-2', 'K-3']]);
    });

    it('names the sheets there are when the one asked for is not', async () => {
      expect(await fatal(check(await book(), { sheet: '集計' }))).toEqual({
        code: 'missing_sheet',
        message: 'シート「集計」はこのブックにありません。このブックのシート: 「表紙」「記録」「記録2」。',
      });
    });

    it('says which sheets it looked in when none has the header', async () => {
      const bytes = await workbookBytes((b) => {
        b.addWorksheet('メモ').addRows([['番号', '日付', 'メモ'], ['1', '2024/4/1', 'あ']]);
      });
      expect(await fatal(check(bytes))).toEqual({
        code: 'missing_header',
        message:
          'このブックのシート（「メモ」）のどれにも標準の見出し行が見つかりませんでした。シート「メモ」の 1 行目を見出し行として読むと: 必須の列「記録ID」「会議日」「障害種別」「年齢層」「相談内容」が見出し行にありません（相談内容と課題のどちらか一方は必要です）。見出し行: 番号, 日付, メモ。標準の見出しは 記録ID, 会議日, 事業所コード, 地区, 障害種別, 年齢層, 相談内容, 課題, 対応・支援内容, 地域課題メモ です。',
      });
    });
  });

  describe('files that are not workbooks', () => {
    it('refuses a ZIP that is not a workbook, in Japanese', async () => {
      const workbook = Buffer.from(await workbookBytes((b) => addCaseSheet(b, '記録', [cells('K-1')])));
      // The same archive with its workbook part renamed: a valid ZIP, but no longer a workbook.
      const renamed = Buffer.from(workbook.toString('latin1').replaceAll('xl/workbook.xml', 'xl/notebook.xml'), 'latin1');
      expect(await fatal(check(renamed))).toEqual({
        code: 'not_workbook',
        message: 'ZIP 形式のファイルですが、Excel ブック（.xlsx）ではありません。事例記録の Excel ブック（.xlsx）か CSV ファイルを選んでください。',
      });
    });

    it('refuses a damaged workbook and an old .xls, saying what to do', async () => {
      const workbook = await workbookBytes((b) => addCaseSheet(b, '記録', [cells('K-1')]));
      // Cut short as an interrupted copy leaves it: the ZIP's directory at its end is missing.
      const cut = workbook.subarray(0, workbook.length - CUT_BYTES);
      expect(await fatal(check(cut))).toEqual({
        code: 'unreadable_workbook',
        message:
          'Excel ブックを開けませんでした。ファイルが壊れているか、保存の途中で切れている可能性があります。Excel で開けるか確かめ、「名前を付けて保存」で「Excel ブック（*.xlsx）」として保存し直してから、もう一度取り込んでください。',
      });
      const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
      expect((await fatal(check(ole))).code).toBe('excel_workbook');
      expect((await fatal(check(ole))).message).toMatch(/^古い形式の Excel ブック（\.xls）か、パスワードで保護されたブックのため読めません。/);
    });
  });
});
