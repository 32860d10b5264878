import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { guardNames } from '../pipelines/ingest/name-guard.ts';
import { ingestBytes, type IngestOutcome } from '../pipelines/ingest/ingest-file.ts';
import { ingestBytesInParallel, PARALLEL_MIN_CHARS } from '../pipelines/ingest/parallel-check.ts';
import { caseCsv, caseRow, utf8 } from './helpers/case-csv.ts';

/** A fault planted in the code a row passes through, standing for any bug not yet found. */
const FAULT = '故障を起こす値';

vi.mock('../pipelines/ingest/values.ts', async (original) => {
  const actual = await original<typeof import('../pipelines/ingest/values.ts')>();
  return {
    ...actual,
    parseAgeBand: (raw: string) => {
      if (raw.includes(FAULT)) throw new TypeError("Cannot read properties of undefined (reading 'x')");
      return actual.parseAgeBand(raw);
    },
  };
});

vi.mock('../pipelines/text/normalise.ts', async (original) => {
  const actual = await original<typeof import('../pipelines/text/normalise.ts')>();
  return {
    ...actual,
    normaliseText: (raw: string) => {
      if (raw.includes(FAULT)) throw new RangeError('Invalid code point NaN');
      return actual.normaliseText(raw);
    },
  };
});

const OPTIONS = { fileName: 'cases.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', today: '2026-11-21' } as const;
const MESSAGE = 'この行を読み取る途中で問題が起きたため、取り込みませんでした。行の内容を確かめてから、もう一度取り込んでください。';
const internal = (o: IngestOutcome) => o.issues.filter((i) => i.code === 'internal_row_error');

describe('an unexpected error while checking one row', () => {
  it('refuses that row with a Japanese message, and the rest of the file loads', () => {
    const o = ingestBytes(utf8(caseCsv([caseRow('K-1'), caseRow('K-2', { 年齢層: FAULT }), caseRow('K-3')])), OPTIONS);
    expect(o.records.map((r) => r.recordId)).toEqual(['K-1', 'K-3']);
    expect([o.rows, o.rejected, o.skipped]).toEqual([3, 1, 0]);
    expect(internal(o)).toEqual([{ line: 3, recordId: 'K-2', column: null, severity: 'error', code: 'internal_row_error', message: MESSAGE }]);
  });

  // Mocks do not reach the worker threads: the planted fault lies in the chunk checked here,
  // and a prototype key, which used to crash the check, in a worker's chunk.
  it('does the same in the parallel check', async () => {
    const ageBand = (i: number) => (i === 100 ? FAULT : i === 7000 ? 'constructor' : '30-39');
    const rows = Array.from({ length: 8000 }, (_, i) => caseRow(`K-${i}`, { 相談内容: `相談${'あ'.repeat(250)}`, 年齢層: ageBand(i) }));
    const bytes = utf8(caseCsv(rows));
    expect(bytes.length).toBeGreaterThan(PARALLEL_MIN_CHARS);
    const parallel = await ingestBytesInParallel(bytes, OPTIONS, 2);
    expect(parallel).toEqual(ingestBytes(bytes, OPTIONS));
    expect(internal(parallel).map((i) => [i.line, i.recordId])).toEqual([[102, 'K-100']]);
    expect(parallel.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.code])).toEqual([
      [102, 'internal_row_error'],
      [7002, 'invalid_value'],
    ]);
    expect(parallel.records).toHaveLength(7998);
  });
});

describe('an unexpected error in the name guard', () => {
  it('refuses only the record whose text it was reading', async () => {
    const outcome = ingestBytes(utf8(caseCsv([caseRow('K-1'), caseRow('K-2', { 課題: FAULT }), caseRow('K-3')])), OPTIONS);
    const guarded = await guardNames(outcome, async (texts) => texts.map(() => []), 'mask');
    expect(guarded.records.map((r) => r.recordId)).toEqual(['K-1', 'K-3']);
    expect([guarded.rows, guarded.rejected]).toEqual([3, 1]);
    expect(internal(guarded)).toEqual([{ line: 3, recordId: 'K-2', column: '課題', severity: 'error', code: 'internal_row_error', message: MESSAGE }]);
  });
});
