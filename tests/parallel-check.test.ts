import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { ingestBytes, type IngestOptions } from '../pipelines/ingest/ingest-file.ts';
import { PARALLEL_MIN_CHARS, ingestBytesInParallel } from '../pipelines/ingest/parallel-check.ts';
import { splitAtRecords } from '../pipelines/ingest/split-chunks.ts';
import { generateCases } from '../fixtures/generator/generate.ts';
import { writeCasesCsv } from '../fixtures/generator/write-csv.ts';
import { caseCsv, caseRow, utf8 } from './helpers/case-csv.ts';
import { tempDir, type TempDir } from './helpers/temp-db.ts';

const OPTIONS: IngestOptions = { fileName: 'cases.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', today: '2026-11-21' };

let dir: TempDir;
let generated: Uint8Array;
beforeAll(() => {
  dir = tempDir();
  const path = dir.path('big.csv');
  writeCasesCsv(generateCases({ rows: 12_000, seed: 5, piiRate: 0.01 }), path, 'shift_jis');
  generated = readFileSync(path);
});
afterAll(() => dir.remove());

describe('splitAtRecords', () => {
  it('cuts only between records, keeps every character and numbers each chunk\'s first line', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'あ', ',', '""', '\n', ' ') });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 30 }), fc.integer({ min: 2, max: 5 }), (rows, parts) => {
        const text = `h1,h2\n${rows.map(([a, b]) => `"${a}",${b.replaceAll('""', '').replaceAll('\n', '')}`).join('\n')}\n`;
        const split = splitAtRecords(text, new Array<number>(parts).fill(1));
        expect(split).not.toBeNull();
        if (!split) return;
        expect(split.headerText).toBe('h1,h2\n');
        expect(split.headerText + split.chunks.map((c) => c.text).join('')).toBe(text);
        let line = 2;
        for (const chunk of split.chunks) {
          expect(chunk.firstLine).toBe(line);
          expect((chunk.text.match(/"/g) ?? []).length % 2).toBe(0);
          line += (chunk.text.match(/\n/g) ?? []).length;
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('keeps blank lines before the header with the header', () => {
    expect(splitAtRecords('\n\nh\na\nb\n', [1, 1])).toEqual({
      headerText: '\n\nh\n',
      chunks: [
        { text: 'a\n', firstLine: 4 },
        { text: 'b\n', firstLine: 5 },
      ],
    });
  });
});

describe('ingestBytesInParallel', () => {
  it('gives exactly the outcome of the one-pass check on a 12,000-row Shift_JIS file', async () => {
    expect(generated.length).toBeGreaterThan(2_000_000);
    const serial = ingestBytes(generated, OPTIONS);
    const parallel = await ingestBytesInParallel(generated, OPTIONS, 3);
    expect(parallel).toEqual(serial);
    expect([parallel.rows, parallel.records.length, parallel.pii.length]).toEqual([12_000, 12_000, 120]);
  });

  it('falls back to one pass when a quote is broken, so recovery sees the following lines', async () => {
    const rows = Array.from({ length: 8000 }, (_, i) => caseRow(`K-${i}`, { 相談内容: `相談${'あ'.repeat(250)}` }));
    const text = caseCsv(rows).replace('K-6000,2024/04/12,S01,中央,知的,30-39,相談', 'K-6000,2024/04/12,S01,中央,知的,30-39,"相談');
    expect(text.length).toBeGreaterThan(PARALLEL_MIN_CHARS);
    const bytes = utf8(text);
    const parallel = await ingestBytesInParallel(bytes, OPTIONS, 2);
    expect(parallel).toEqual(ingestBytes(bytes, OPTIONS));
    expect(parallel.issues.map((i) => [i.line, i.code])).toEqual([[6002, 'unterminated_quote']]);
    expect(parallel.records).toHaveLength(7999);
  });

  it('checks a small file in one pass', async () => {
    const bytes = utf8(caseCsv([caseRow('K-1'), caseRow('K-1', { 課題: '別' })]));
    expect(await ingestBytesInParallel(bytes, OPTIONS, 2)).toEqual(ingestBytes(bytes, OPTIONS));
  });
});
