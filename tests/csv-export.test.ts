import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { toExcelCsv, type CsvCell } from '../server/export/csv-export.ts';

const BOM = [0xef, 0xbb, 0xbf];

function csvText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function parseCsv(bytes: Uint8Array): string[][] {
  return parse(Buffer.from(bytes), { bom: true }) as string[][];
}

// Written independently of the implementation, so the property checks it rather than echoes it.
function isFormulaLike(text: string): boolean {
  return /^[\t\r]/.test(text) || /^\s*[=+\-@＝＋－＠]/.test(text);
}

describe('toExcelCsv', () => {
  it('writes a BOM, CRLF line ends and RFC 4180 quoting', () => {
    const bytes = toExcelCsv(
      ['記録ID', '相談内容', '件数'],
      [
        ['K-0001', 'グループホーム,空きなし', 3],
        ['K-0002', '本人は"大丈夫"と言った', null],
        ['K-0003', '一行目\n二行目', 2.5],
        ['K-0004', '', 0],
      ],
    );
    expect([...bytes.slice(0, 3)]).toEqual(BOM);
    expect(csvText(bytes)).toBe(
      '\uFEFF記録ID,相談内容,件数\r\n' +
        'K-0001,"グループホーム,空きなし",3\r\n' +
        'K-0002,"本人は""大丈夫""と言った",\r\n' +
        'K-0003,"一行目\n二行目",2.5\r\n' +
        'K-0004,,0\r\n',
    );
    expect(bytes).toEqual(new TextEncoder().encode(csvText(bytes)));
  });

  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+81 90', "'+81 90"],
    ['-1+1', "'-1+1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['  =SUM(A1)', "'  =SUM(A1)"],
    [' +81', "' +81"],
    ['   -1+1', "'   -1+1"],
    [' @cmd', "' @cmd"],
    [' \t=x', "' \t=x"],
    ['\u3000=HYPERLINK("x")', '\'\u3000=HYPERLINK("x")'],
    ['＝1+1', "'＝1+1"],
    ['-3', "'-3"],
  ])('neutralises %j', (cell, expected) => {
    expect(parseCsv(toExcelCsv(['c'], [[cell]]))).toEqual([['c'], [expected]]);
  });

  it('leaves ordinary text, inner formula characters and plain whitespace alone', () => {
    const cells = ['通所 -週3回', 'a=b', 'K-0001', ' x', '\u3000', ''];
    expect(parseCsv(toExcelCsv(['c'], cells.map((cell) => [cell]))).slice(1)).toEqual(cells.map((cell) => [cell]));
  });

  it('neutralises headers too', () => {
    expect(parseCsv(toExcelCsv(['=cmd', '件数'], []))).toEqual([["'=cmd", '件数']]);
  });

  it('keeps numbers as numbers, negatives included', () => {
    expect(csvText(toExcelCsv(['n', 'x'], [[-3, -0.5], [0, 1e21]]))).toBe('\uFEFFn,x\r\n-3,-0.5\r\n0,1e+21\r\n');
  });

  it('refuses non-finite numbers and ragged rows', () => {
    expect(() => toExcelCsv(['a', 'b'], [[1, Number.NaN]])).toThrow(/data row 1, column 2 is not a finite number/);
    expect(() => toExcelCsv(['a', 'b'], [[1, 2], [1]])).toThrow(/data row 2 has 1 cells but there are 2 headers/);
  });

  it('parses back to every cell, apostrophe added exactly where neutralised', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc
        .tuple(
          fc.constantFrom('', ' ', '  ', '\u3000', '\t', '\r\n'),
          fc.constantFrom('=', '+', '-', '@', '\t', '\r', '＝', 'a', '"', ','),
          fc.string(),
        )
        .map(([space, first, rest]) => space + first + rest),
    );
    const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const cell: fc.Arbitrary<CsvCell> = fc.oneof(text, number, fc.constant(null));
    const table = fc.integer({ min: 1, max: 5 }).chain((width) => {
      const exactly = { minLength: width, maxLength: width };
      return fc.tuple(fc.array(text, exactly), fc.array(fc.array(cell, exactly), { maxLength: 8 }));
    });
    fc.assert(
      fc.property(table, ([headers, rows]) => {
        const parsed = parseCsv(toExcelCsv(headers, rows));
        const expected = [headers, ...rows].map((row) =>
          row.map((value) => {
            if (value === null) return '';
            if (typeof value === 'number') return String(value);
            return isFormulaLike(value) ? `'${value}` : value;
          }),
        );
        expect(parsed).toEqual(expected);
        [headers, ...rows].forEach((row, r) =>
          row.forEach((value, c) => {
            if (typeof value === 'string') expect(isFormulaLike(parsed[r]?.[c] ?? '')).toBe(false);
          }),
        );
      }),
      { numRuns: 500 },
    );
  });
});
