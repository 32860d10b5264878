import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateSpan, factsOf, readCaseFacts } from '../pipelines/themes/case-facts.ts';
import { tempDatabase } from './helpers/temp-db.ts';

/** More cases than one DuckDB chunk holds (2,048). */
const CASES = 3000;
const recordId = (i: number) => `F-${String(i).padStart(4, '0')}`;
const ids = Array.from({ length: CASES }, (_, i) => recordId(i));

let temp: Awaited<ReturnType<typeof tempDatabase>>;
beforeAll(async () => {
  temp = await tempDatabase();
  // Every seventh case has no agency and every fifth no area; F-0002 has a second version.
  await temp.db.write(async (scope) => {
    await scope.run(
      `INSERT INTO cases (record_id, version, upload_id, line, conference_date, agency_code, area, disability_type, age_band, content_hash)
       SELECT 'F-' || lpad(i::VARCHAR, 4, '0'), 1, 'U-1', i, DATE '2024-04-01' + (i % 400)::INTEGER,
              CASE WHEN i % 7 = 0 THEN NULL ELSE 'A' || (i % 13) END, CASE WHEN i % 5 = 0 THEN NULL ELSE '地区' || (i % 3) END, '知的', '30代', 'h'
       FROM range($1) t(i)`,
      [CASES],
    );
    await scope.run("INSERT INTO cases (record_id, version, upload_id, line, conference_date, agency_code, area, disability_type, age_band, content_hash) VALUES ('F-0002', 2, 'U-2', 1, DATE '2023-01-31', 'B', NULL, '知的', '30代', 'h')");
  });
});
afterAll(() => temp.close());

describe('the case facts, read a chunk at a time', () => {
  it('give each row of the case matrix its current version, date, agency and area, each text held once', async () => {
    const table = await temp.db.read((scope) => readCaseFacts(scope, ids));
    expect(factsOf(table, ids, 0)).toEqual({ recordId: 'F-0000', date: '2024-04-01', agency: null, area: null });
    expect(factsOf(table, ids, 2)).toEqual({ recordId: 'F-0002', date: '2023-01-31', agency: 'B', area: null });
    expect(factsOf(table, ids, 2999)).toEqual({ recordId: 'F-2999', date: '2024-10-17', agency: 'A9', area: '地区2' });
    expect([table.version[1], table.version[2], table.version[2999]]).toEqual([1, 2, 1]);
    // 400 dates, one more for F-0002's second version; agencies A0-A12 and B; three areas.
    expect(table.texts.length).toBe(401 + 14 + 3);
    expect(dateSpan(table)).toEqual({ first: '2023-01-31', last: '2025-05-05' });
  });

  it('refuse rows that are not the case matrix’s', async () => {
    const others = ids.map((id, i) => (i === 2500 ? 'F-9999' : id));
    await expect(temp.db.read((scope) => readCaseFacts(scope, others))).rejects.toThrow('case facts out of step with the case matrix at row 2500');
    await expect(temp.db.read((scope) => readCaseFacts(scope, ids.slice(0, 10)))).rejects.toThrow(/out of step/);
  });

  it('have no span without cases', async () => {
    expect(dateSpan({ version: new Int32Array(0), date: new Int32Array(0), agency: new Int32Array(0), area: new Int32Array(0), texts: [] })).toBeNull();
  });
});
