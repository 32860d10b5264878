import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { ingestFile, type IngestRunOptions, type IngestStage } from '../pipelines/ingest/ingest.ts';
import type { IngestReport } from '../pipelines/ingest/store-upload.ts';
import { HandedBytes, type UploadBytes } from '../pipelines/ingest/upload-bytes.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { generateCases } from '../fixtures/generator/generate.ts';
import { encodeText, renderCsv } from '../fixtures/generator/write-csv.ts';
import { caseCsv, caseRow } from './helpers/case-csv.ts';
import { queryRows, tempDatabase, type TempDatabase } from './helpers/temp-db.ts';

const NOW = new Date('2026-11-21T09:00:00Z');
/** Small enough to cut the test file into some twenty stretches. */
const PART_BYTES = 16 * 1024;

/**
 * 1,500 generated rows (names and phone numbers in some), then rows that meet earlier
 * ones from other stretches: an exact repeat, a clashing 記録ID, a name only the
 * tokenizer finds, in Shift_JIS as Excel writes it.
 */
function testFile(brokenQuote: boolean): Uint8Array {
  const generated = renderCsv(generateCases({ rows: 1500, seed: 21, piiRate: 0.05 }), 'utf-8').csv.toString('utf8').replace(/^\uFEFF/, '');
  const firstId = /\n([^,\n]+),/.exec(generated)![1]!;
  const firstRow = generated.split('\n')[1]!;
  const extra = caseCsv([
    caseRow('P-1', { 相談内容: '佐藤花子さんが就労先を探している。' }),
    caseRow(firstId, { 課題: '別の内容。' }),
    caseRow('P-2', { 課題: '"閉じない引用符' }),
  ])
    .split('\r\n')
    .slice(1)
    .join('\n')
    .replace('"""閉じない引用符"', brokenQuote ? '"閉じない引用符' : '閉じない引用符');
  const middle = generated.length >> 1;
  const cut = generated.indexOf('\n', middle) + 1;
  return encodeText(`${generated.slice(0, cut)}${firstRow}\n${extra}${generated.slice(cut)}`, 'shift_jis');
}

interface Run {
  report: IngestReport;
  tables: unknown[];
  stages: Set<IngestStage>;
}

async function ingestIn(temp: TempDatabase, bytes: UploadBytes, extra: Partial<IngestRunOptions> = {}): Promise<Run> {
  const stages = new Set<IngestStage>();
  const options = { fileName: 'cases.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany: tokenizeInProcess, now: NOW } as const;
  const report = await ingestFile(temp.db, bytes, { ...options, ...extra, onProgress: (stage) => stages.add(stage) });
  const tables = await Promise.all(
    ['SELECT * EXCLUDE (upload_id) FROM cases', 'SELECT * EXCLUDE (upload_id) FROM ingest_issues', 'SELECT * EXCLUDE (upload_id) FROM pii_findings', 'SELECT * FROM text_tokens', 'SELECT * FROM text_names'].map((sql) =>
      queryRows(temp.db, `${sql} ORDER BY ALL`),
    ),
  );
  return { report, tables, stages };
}

const withoutId = ({ uploadId: _id, ...rest }: IngestReport) => rest;

describe('ingest a stretch at a time', () => {
  const opened: TempDatabase[] = [];
  const fresh = async () => {
    const temp = await tempDatabase();
    opened.push(temp);
    return temp;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((t) => t.close()));
  });

  for (const brokenQuote of [false, true]) {
    it(`stores and reports exactly what the file read whole does${brokenQuote ? ', a broken quote half-way included' : ''}`, async () => {
      const bytes = testFile(brokenQuote);
      expect(bytes.length).toBeGreaterThan(15 * PART_BYTES);
      const one = await ingestIn(await fresh(), bytes);
      const many = await ingestIn(await fresh(), bytes, { partBytes: PART_BYTES });
      expect(withoutId(many.report)).toEqual(withoutId(one.report));
      expect(many.tables).toEqual(one.tables);
      expect(one.stages).not.toContain('ingest');
      expect([...many.stages]).toEqual(['ingest']);
      const codes = new Set(one.report.issues.map((i) => i.code));
      expect([...codes].filter((c) => ['duplicate_row', 'duplicate_id', 'unterminated_quote'].includes(c)).sort()).toEqual(
        brokenQuote ? ['duplicate_id', 'duplicate_row', 'unterminated_quote'] : ['duplicate_id', 'duplicate_row'],
      );
      expect(one.report.pii.some((p) => p.kind === 'name' && p.recordId === 'P-1')).toBe(true);
    });
  }

  it('leaves the database as it was when the upload fails after its last stretch', async () => {
    const temp = await fresh();
    const failing = ingestIn(temp, testFile(false), {
      partBytes: PART_BYTES,
      alsoStore: () => Promise.reject(new Error('stopped')),
    });
    await expect(failing).rejects.toThrow('stopped');
    expect(await queryRows(temp.db, 'SELECT (SELECT count(*) FROM cases)::INT AS cases, (SELECT count(*) FROM uploads)::INT AS uploads, (SELECT count(*) FROM text_tokens)::INT AS tokens')).toEqual([
      { cases: 0, uploads: 0, tokens: 0 },
    ]);
  });

  it('reports the first upload again for the same file, stretch by stretch, storing nothing new', async () => {
    const temp = await fresh();
    const bytes = testFile(false);
    const first = await ingestIn(temp, bytes, { partBytes: PART_BYTES });
    const again = await ingestIn(temp, bytes, { partBytes: PART_BYTES });
    expect(again.report.uploadId).toBe(first.report.uploadId);
    expect(again.report.accepted).toBe(0);
    expect(again.report.skipped).toBe(first.report.accepted + first.report.skipped);
    expect(again.tables[0]).toEqual(first.tables[0]);
    expect(await queryRows(temp.db, 'SELECT count(*)::INT AS n FROM uploads')).toEqual([{ n: 1 }]);
  });

  it('takes bytes handed over once, with the same outcome as bytes the caller keeps', async () => {
    const bytes = testFile(false);
    const handed = new HandedBytes(bytes);
    const kept = await ingestIn(await fresh(), bytes, { partBytes: PART_BYTES });
    const taken = await ingestIn(await fresh(), handed, { partBytes: PART_BYTES });
    expect(withoutId(taken.report)).toEqual(withoutId(kept.report));
    expect(taken.tables).toEqual(kept.tables);
    expect(() => handed.take()).toThrow('HandedBytes are taken once');
  });
});
