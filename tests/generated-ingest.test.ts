import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { generateCases } from '../fixtures/generator/generate.ts';
import { writeCasesCsv } from '../fixtures/generator/write-csv.ts';
import { queryRows, tempDatabase, tempDir, type TempDir } from './helpers/temp-db.ts';

let dir: TempDir;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

const NOW = new Date('2026-11-21T09:00:00Z');

describe('generated case records through ingest', () => {
  it('a 2,000-row Shift_JIS file and its UTF-8 twin store identical rows, every row accepted', async () => {
    const files = (['utf-8', 'shift_jis'] as const).map((encoding) => {
      const path = dir.path(`twin-${encoding}.csv`);
      writeCasesCsv(generateCases({ rows: 2000, seed: 11, piiRate: 0.01 }), path, encoding);
      return path;
    });
    const dumps: unknown[] = [];
    for (const file of files) {
      const t = await tempDatabase();
      try {
        const report = await ingestFile(t.db, readFileSync(file), { fileName: 'twin.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany: tokenizeInProcess, now: NOW });
        expect(report).toMatchObject({ rows: 2000, accepted: 2000, skipped: 0, rejected: 0 });
        expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(report.pii).toHaveLength(20);
        dumps.push(await queryRows(t.db, 'SELECT * EXCLUDE (upload_id) FROM cases ORDER BY record_id'));
      } finally {
        await t.close();
      }
    }
    expect(dumps[1]).toEqual(dumps[0]);
  });

  it('the demo file loads whole, its six personal-information slips masked', async () => {
    const t = await tempDatabase();
    try {
      const bytes = readFileSync(new URL('../fixtures/demo.csv', import.meta.url));
      const report = await ingestFile(t.db, bytes, { fileName: 'demo.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany: tokenizeInProcess, now: NOW });
      expect(report).toMatchObject({ encoding: 'utf-8', rows: 300, accepted: 300, skipped: 0, rejected: 0 });
      expect(report.issues).toEqual([]);
      expect(report.pii.map((p) => [p.line, p.recordId, p.column, p.kind])).toEqual([
        [15, 'K-000014', '課題', 'phone'],
        [99, 'K-000098', '課題', 'phone'],
        [141, 'K-000140', '課題', 'postal'],
        [184, 'K-000183', '対応・支援内容', 'postal'],
        [208, 'K-000207', '課題', 'phone'],
        [259, 'K-000257', '課題', 'id_number'],
      ]);
      const texts = await queryRows(t.db, "SELECT count(*)::INTEGER AS n FROM cases WHERE concat_ws(' ', consultation, problem, support, regional_note) LIKE '%［%］%'");
      expect(texts).toEqual([{ n: 6 }]);
    } finally {
      await t.close();
    }
  });
});
