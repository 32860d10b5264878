import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsvText } from '../pipelines/ingest/parse-csv.ts';

describe('parseCsvText', () => {
  it('gives each record the physical line it starts on, across quoted line breaks and blank lines', () => {
    const parsed = parseCsvText('a,b,c\n1,"x\ny",3\n\n4,5,6\n,,\n7,8,9');
    expect(parsed.header).toEqual({ line: 1, lastLine: 1, fields: ['a', 'b', 'c'] });
    expect(parsed.records).toEqual([
      { line: 2, lastLine: 3, fields: ['1', 'x\ny', '3'] },
      { line: 5, lastLine: 5, fields: ['4', '5', '6'] },
      { line: 7, lastLine: 7, fields: ['7', '8', '9'] },
    ]);
    expect(parsed.broken).toEqual([]);
  });

  it('keeps rows with the wrong number of fields as they are, for validation to refuse', () => {
    const parsed = parseCsvText('a,b,c\n1,2\n3,4,5,6\n7,8,9\n');
    expect(parsed.records.map((r) => r.fields)).toEqual([['1', '2'], ['3', '4', '5', '6'], ['7', '8', '9']]);
  });

  it('keeps a stray quote inside an unquoted cell literally', () => {
    expect(parseCsvText('a,b\n1,ab"cd\n').records).toEqual([{ line: 2, lastLine: 2, fields: ['1', 'ab"cd'] }]);
  });

  it('refuses only the line of a quote that is never closed and reads the rest of the file', () => {
    const parsed = parseCsvText('a,b,c\n1,2,"3\n4,5,6\n7,8,9\n');
    expect(parsed.broken).toEqual([{ line: 2, lastLine: 4, columnIndex: 2, firstField: '1' }]);
    expect(parsed.records).toEqual([
      { line: 3, lastLine: 3, fields: ['4', '5', '6'] },
      { line: 4, lastLine: 4, fields: ['7', '8', '9'] },
    ]);
  });

  it('detects a runaway quote that a later row happens to close', () => {
    const parsed = parseCsvText('a,b,c\n1,"ab,3\n4,"x, y",6\n7,8,9\n');
    expect(parsed.broken).toEqual([{ line: 2, lastLine: 3, columnIndex: 1, firstField: '1' }]);
    expect(parsed.records).toEqual([
      { line: 3, lastLine: 3, fields: ['4', 'x, y', '6'] },
      { line: 4, lastLine: 4, fields: ['7', '8', '9'] },
    ]);
  });

  it('recovers from several broken quotes in one file', () => {
    const parsed = parseCsvText('a,b,c\n1,"2,3\n4,5,6\n7,"8,9\n10,11,12\n');
    expect(parsed.broken.map((b) => b.line)).toEqual([2, 4]);
    expect(parsed.records.map((r) => r.fields[0])).toEqual(['4', '10']);
  });

  it('round-trips any table written by the RFC 4180 rules', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'あ', ',', '"', '\n', ' ', '課') });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
        const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
        const nonBlank = rows.filter((r) => r.some((v) => v.trim() !== ''));
        const text = ['h1,h2,h3', ...rows.map((r) => r.map(quote).join(','))].join('\n') + '\n';
        const parsed = parseCsvText(text);
        expect(parsed.broken).toEqual([]);
        expect(parsed.records.map((r) => r.fields)).toEqual(nonBlank);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
