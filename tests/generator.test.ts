import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, DISABILITY_TYPES, STANDARD_HEADERS, TEXT_HEADERS } from '../pipelines/ingest/columns.ts';
import { parseConferenceDate } from '../pipelines/ingest/dates.ts';
import { generateCases, formatRecordId, recordIdWidth } from '../fixtures/generator/generate.ts';
import type { GeneratedCase } from '../fixtures/generator/generate.ts';
import { FALLING_LABELS, ISSUE_LABELS, ISSUE_TYPES, RISING_LABELS } from '../fixtures/generator/issue-types.ts';
import type { IssueLabel } from '../fixtures/generator/issue-types.ts';
import { TYPOS } from '../fixtures/generator/noise.ts';
import { AREAS } from '../fixtures/generator/region.ts';
import { renderCsv, writeCasesCsv, csvLine } from '../fixtures/generator/write-csv.ts';
import { tempDir as makeTempDir } from './helpers/temp-db.ts';

const BOM = '\uFEFF';
const temp = makeTempDir('mieruka-generator-');
afterAll(() => temp.remove());
const tempDir = () => temp.dir;

interface ParsedDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Generated dates must be what ingest accepts, so they are read with its parser. */
function readDate(text: string): ParsedDate | null {
  const result = parseConferenceDate(text);
  if (!result.ok) return null;
  const [year = 0, month = 0, day = 0] = result.iso.split('-').map(Number);
  return { year, month, day };
}

function dateKey(d: ParsedDate): number {
  return d.year * 10000 + d.month * 100 + d.day;
}

function generate(rows: number, seed: number | string, piiRate = 0): GeneratedCase[] {
  return [...generateCases({ rows, seed, piiRate })];
}

const SAMPLE = generate(2000, 2024, 0.02);

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('reproducibility', () => {
  it('gives identical bytes for the same seed and different bytes for another', () => {
    const a = renderCsv(generateCases({ rows: 500, seed: 42 }), 'utf-8');
    const b = renderCsv(generateCases({ rows: 500, seed: 42 }), 'utf-8');
    const c = renderCsv(generateCases({ rows: 500, seed: 43 }), 'utf-8');
    expect(a.csv.equals(b.csv)).toBe(true);
    expect(a.labels.equals(b.labels)).toBe(true);
    expect(a.csv.equals(c.csv)).toBe(false);
    expect(renderCsv(generateCases({ rows: 500, seed: '42' }), 'utf-8').csv.equals(a.csv)).toBe(true);
  });

  it('streams to files exactly what one string of all rows would hold, across batch boundaries', () => {
    const dir = tempDir();
    const path = join(dir, 'big.csv');
    const result = writeCasesCsv(generateCases({ rows: 12_000, seed: 5 }), path, 'utf-8');
    const rows = generate(12_000, 5);
    const expected = BOM + csvLine(STANDARD_HEADERS) + rows.map((r) => csvLine(STANDARD_HEADERS.map((h) => r.record[h]))).join('');
    const written = readFileSync(path);
    expect(written.length).toBe(result.csvBytes);
    expect(written.toString('utf8')).toBe(expected);
    expect(result.rows).toBe(12_000);
    expect(result.labelsPath).toBe(join(dir, 'big.labels.csv'));
    const labels = readFileSync(result.labelsPath, 'utf8');
    expect(labels).toBe(csvLine(['記録ID', 'label']) + rows.map((r) => csvLine([r.record.記録ID, r.label])).join(''));
  });

  it('changes nothing but the slipped rows when the PII rate changes', () => {
    const clean = generate(2000, 2024, 0);
    expect(clean.filter((r) => r.pii !== null)).toHaveLength(0);
    SAMPLE.forEach((row, i) => {
      if (row.pii === null) expect(row).toEqual(clean[i]);
      else expect(row.record).not.toEqual(clean[i]?.record);
    });
  });
});

describe('rows', () => {
  it('has the exact row count and unique, sortable ids', () => {
    expect(SAMPLE).toHaveLength(2000);
    const ids = SAMPLE.map((r) => r.record.記録ID);
    expect(new Set(ids).size).toBe(2000);
    expect(ids.every((id) => /^K-\d{6}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toBe('K-000001');
    expect(ids[1999]).toBe('K-002000');
    expect(generate(0, 1)).toHaveLength(0);
  });

  it('widens ids for a million rows without generating them all', () => {
    expect(recordIdWidth(999_999)).toBe(6);
    expect(recordIdWidth(1_000_000)).toBe(7);
    expect(formatRecordId(1_000_000, 7)).toBe('K-1000000');
    const first = generateCases({ rows: 1_000_000, seed: 1 }).next();
    expect(first.done).toBe(false);
    expect(first.value?.record.記録ID).toBe('K-0000001');
  });

  it('uses only the standard values, consistent with each issue', () => {
    for (const { record, label } of SAMPLE) {
      expect(Object.keys(record)).toEqual(STANDARD_HEADERS);
      expect(DISABILITY_TYPES).toContain(record.障害種別);
      expect(AGE_BANDS).toContain(record.年齢層);
      expect(AREAS).toContain(record.地区);
      expect(record.事業所コード).toMatch(/^S(0[1-9]|1[0-4])$/);
      if (record.障害種別 === '児童') expect(record.年齢層).toBe('18歳未満');
      if (label === 'medical_care_children' || label === 'after_school') expect(record.年齢層).toBe('18歳未満');
      if (label === 'psychiatric_discharge') expect(record.障害種別).toBe('精神');
      if (label === 'carer_ageing') expect(['40-49', '50-64', '65以上']).toContain(record.年齢層);
    }
  });

  it('writes valid dates in the accepted formats, on working days, within the two fiscal years', () => {
    const styles = countBy(SAMPLE, ({ record }) => {
      const d = record.会議日;
      if (/^\d{4}\/\d\d\/\d\d$/.test(d)) return 'slash';
      if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(d)) return 'hyphen';
      if (/^R\d/.test(d)) return 'rdot';
      return /[０-９]/.test(d) ? 'warekiWide' : 'wareki';
    });
    expect(styles).toEqual({ slash: 1689, hyphen: 128, wareki: 94, rdot: 45, warekiWide: 44 });
    for (const { record } of SAMPLE) {
      const date = readDate(record.会議日);
      expect(date, record.会議日).not.toBeNull();
      if (!date) continue;
      expect(dateKey(date)).toBeGreaterThanOrEqual(20230401);
      expect(dateKey(date)).toBeLessThanOrEqual(20250331);
      expect([0, 6]).not.toContain(new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay());
      const newYear = (date.month === 12 && date.day >= 29) || (date.month === 1 && date.day <= 3);
      expect(newYear, record.会議日).toBe(false);
    }
  });

  it('follows startDate and months, writing 平成 before 令和 and 元年 as 西暦', () => {
    const rows = [...generateCases({ rows: 1500, seed: 9, startDate: '2018-04-01', months: 36 })];
    const eras = countBy(rows, ({ record }) => {
      const date = readDate(record.会議日);
      expect(date, record.会議日).not.toBeNull();
      const key = date ? dateKey(date) : 0;
      expect(key).toBeGreaterThanOrEqual(20180401);
      expect(key).toBeLessThanOrEqual(20210331);
      if (/^(平成|H)/.test(record.会議日)) return key < 20190501 ? 'heisei' : 'wrong';
      if (/^(令和|R)/.test(record.会議日)) return key >= 20200101 ? 'reiwa' : 'wrong';
      return 'western';
    });
    expect(eras).toEqual({ heisei: 68, reiwa: 62, western: 1370 });
    expect(() => generateCases({ rows: 10, seed: 1, startDate: '2023-04-15' })).toThrow(RangeError);
    expect(() => generateCases({ rows: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateCases({ rows: 10, seed: 1, piiRate: 1.5 })).toThrow(RangeError);
  });

  it('writes one to three sentences per text cell, and leaves about 40% of memos empty', () => {
    for (const { record, pii } of SAMPLE) {
      for (const header of TEXT_HEADERS) {
        const text = record[header];
        expect(text).not.toMatch(/[{}[\]|]/);
        if (text !== '') expect(text.endsWith('。'), text).toBe(true);
        const sentences = text.split('。').length - 1;
        if (pii === null) expect(sentences).toBeLessThanOrEqual(3);
        if (header !== '地域課題メモ') expect(sentences).toBeGreaterThanOrEqual(1);
      }
    }
    expect(SAMPLE.filter((r) => r.record.地域課題メモ === '').length).toBe(821);
  });
});

describe('planted issues', () => {
  const byLabel = countBy(SAMPLE, (r) => r.label);

  it('has at least 14 regional issues, and every label of the catalogue in 2,000 rows', () => {
    expect(ISSUE_TYPES.filter((t) => !t.fixed).length).toBeGreaterThanOrEqual(14);
    expect(new Set(ISSUE_LABELS).size).toBe(ISSUE_LABELS.length);
    expect(Object.keys(byLabel).sort()).toEqual([...ISSUE_LABELS].sort());
    expect(byLabel).toEqual({
      group_home_shortage: 211, transport: 123, short_stay_shortage: 128, medical_care_children: 90,
      employment_retention: 107, psychiatric_discharge: 106, abuse_guardianship: 103, disaster_evacuation: 95,
      planner_shortage: 135, carer_ageing: 138, after_school: 116, helper_shortage: 118, hikikomori: 79,
      school_transition: 115, single_agency_repeat: 35, individual: 301,
    });
  });

  it('spreads each regional issue over several agencies and areas', () => {
    for (const type of ISSUE_TYPES.filter((t) => !t.fixed)) {
      const rows = SAMPLE.filter((r) => r.label === type.label);
      expect(new Set(rows.map((r) => r.record.事業所コード)).size, type.label).toBeGreaterThanOrEqual(5);
      expect(new Set(rows.map((r) => r.record.地区)).size, type.label).toBeGreaterThanOrEqual(5);
      const phrasings = new Set(rows.map((r) => r.record.相談内容));
      expect(phrasings.size / rows.length, type.label).toBeGreaterThan(0.6);
    }
  });

  it('puts the single-agency repeated case in one agency and one area', () => {
    const rows = SAMPLE.filter((r) => r.label === 'single_agency_repeat');
    expect(new Set(rows.map((r) => r.record.事業所コード))).toEqual(new Set(['S12']));
    expect(new Set(rows.map((r) => r.record.地区))).toEqual(new Set(['丘陵']));
  });

  it('makes the rising issues rise and the falling ones fall between the fiscal years', () => {
    const perYear = (label: IssueLabel): [number, number] => {
      const rows = SAMPLE.filter((r) => r.label === label);
      const second = rows.filter((r) => {
        const d = readDate(r.record.会議日);
        return d !== null && dateKey(d) >= 20240401;
      }).length;
      return [rows.length - second, second];
    };
    expect(Object.fromEntries([...RISING_LABELS, ...FALLING_LABELS].map((l) => [l, perYear(l)]))).toEqual({
      planner_shortage: [46, 89],
      carer_ageing: [47, 91],
      medical_care_children: [27, 63],
      transport: [73, 50],
      employment_retention: [72, 35],
    });
    for (const label of RISING_LABELS) {
      const [first, second] = perYear(label);
      expect(second, label).toBeGreaterThan(first * 1.4);
    }
    for (const label of FALLING_LABELS) {
      const [first, second] = perYear(label);
      expect(second, label).toBeLessThan(first);
    }
  });

  it('slips personal information into the share of rows asked for, in the cell it reports', () => {
    const slipped = SAMPLE.filter((r) => r.pii !== null);
    expect(slipped).toHaveLength(40);
    expect(generate(300, 20241, 0.02).filter((r) => r.pii !== null)).toHaveLength(6);
    expect(generate(50, 1, 1).every((r) => r.pii !== null)).toBe(true);
    expect(countBy(slipped, (r) => r.pii?.kind ?? '')).toEqual({
      name: 15, phone: 12, address: 3, postal: 4, birthdate: 4, email: 2,
    });
    const kinds = new Set(generate(1000, 1, 0.5).flatMap((r) => (r.pii ? [r.pii.kind] : [])));
    expect(kinds).toEqual(new Set(['name', 'phone', 'address', 'postal', 'birthdate', 'email', 'id_number']));
    for (const { record, pii } of slipped) {
      if (pii) expect(record[pii.column]).toContain(pii.value);
    }
  });

  it('misspells and punctuates like hurried staff in a few rows', () => {
    const typoWords = TYPOS.flatMap(([, variants]) => variants);
    const typoRows = SAMPLE.filter((r) => TEXT_HEADERS.some((h) => typoWords.some((w) => r.record[h].includes(w))));
    const cells = SAMPLE.flatMap((r) => TEXT_HEADERS.map((h) => r.record[h]));
    expect({
      typoRows: typoRows.length,
      newline: cells.filter((c) => c.includes('\n')).length,
      comma: cells.filter((c) => c.includes(',')).length,
      quote: cells.filter((c) => c.includes('"')).length,
    }).toEqual({ typoRows: 56, newline: 13, comma: 9, quote: 8 });
  });
});
