import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import type { AgeBand } from '../pipelines/ingest/columns.ts';
import { TEXT_HEADERS } from '../pipelines/ingest/columns.ts';
import { ingestBytes } from '../pipelines/ingest/ingest-file.ts';
import { generateCases } from '../fixtures/generator/generate.ts';
import type { GeneratedCase, GeneratorStyle } from '../fixtures/generator/generate.ts';
import { HARD_BANKS, ISSUE_AGE_BANDS } from '../fixtures/generator/hard/banks.ts';
import type { RegionalLabel } from '../fixtures/generator/hard/banks.ts';
import { CLOSE_FILLERS, LEAD_FILLERS, STATE_FILLERS, VAGUE_MEMOS } from '../fixtures/generator/hard/fillers.ts';
import { HARD_LEXICON } from '../fixtures/generator/hard/lexicon.ts';
import { ISSUE_LABELS, ISSUE_TYPES } from '../fixtures/generator/issue-types.ts';
import { renderCsv } from '../fixtures/generator/write-csv.ts';
import { tempDir as makeTempDir } from './helpers/temp-db.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const dir = makeTempDir('mieruka-generator-hard-');
afterAll(() => dir.remove());

/** Bank sizes and shares the hard style promises. */
const MIN_TEMPLATES = 25;
const MIN_EVERYDAY_SHARE = 0.7;
const SAMPLE_ROWS = 2000;

function generate(rows: number, seed: number, style: GeneratorStyle, piiRate = 0): GeneratedCase[] {
  return [...generateCases({ rows, seed, style, piiRate })];
}

const HARD = generate(SAMPLE_ROWS, 2024, 'hard');
const REGIONAL = HARD.filter((c) => c.label !== 'individual');
const filledCells = (c: GeneratedCase) => TEXT_HEADERS.filter((h) => c.record[h] !== '');
const share = (part: number, whole: number) => part / whole;

describe('hard style: the same seed, the same file', () => {
  it('gives identical bytes for the same seed, other bytes for another seed or the plain style', () => {
    const options = { secondaryLabels: true };
    const a = renderCsv(generateCases({ rows: 500, seed: 42, style: 'hard' }), 'utf-8', options);
    const b = renderCsv(generateCases({ rows: 500, seed: 42, style: 'hard' }), 'utf-8', options);
    const c = renderCsv(generateCases({ rows: 500, seed: 43, style: 'hard' }), 'utf-8', options);
    const plain = renderCsv(generateCases({ rows: 500, seed: 42 }), 'utf-8');
    expect(a.csv.equals(b.csv)).toBe(true);
    expect(a.labels.equals(b.labels)).toBe(true);
    expect(a.csv.equals(c.csv)).toBe(false);
    expect(a.csv.equals(plain.csv)).toBe(false);
  });

  it('leaves the plain style as it was: the default, two label columns, no second issue', () => {
    const byDefault = renderCsv(generateCases({ rows: 500, seed: 42 }), 'utf-8');
    const plain = renderCsv(generateCases({ rows: 500, seed: 42, style: 'plain' }), 'utf-8');
    expect(plain.csv.equals(byDefault.csv)).toBe(true);
    expect(plain.labels.equals(byDefault.labels)).toBe(true);
    expect(plain.labels.toString('utf8').split('\r\n')[0]).toBe('記録ID,label');
    expect(generate(500, 42, 'plain').every((c) => c.secondary === null)).toBe(true);
    expect(() => generateCases({ rows: 1, seed: 1, style: 'fancy' as GeneratorStyle })).toThrow(RangeError);
  });

  it('starts a million-row file at once: rows are made one by one', () => {
    const first = generateCases({ rows: 1_000_000, seed: 1, style: 'hard' }).next();
    expect(first.value?.record.記録ID).toBe('K-0000001');
  });
});

describe('hard style: valid for ingest', () => {
  it('has every one of 500 rows accepted, in UTF-8 and in Shift_JIS, personal information included', () => {
    const rows = generate(500, 7, 'hard', 0.02);
    for (const encoding of ['utf-8', 'shift_jis'] as const) {
      const outcome = ingestBytes(renderCsv(rows, encoding).csv, {
        fileName: 'hard.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', today: '2026-11-21',
      });
      expect(outcome).toMatchObject({ rows: 500, rejected: 0, skipped: 0 });
      expect(outcome.records).toHaveLength(500);
      expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
  });

  it('always fills 相談内容 or 課題, and leaves no template syntax', () => {
    for (const { record } of HARD) {
      expect(record.相談内容 !== '' || record.課題 !== '', record.記録ID).toBe(true);
      for (const header of TEXT_HEADERS) expect(record[header]).not.toMatch(/[{}[\]|]/);
    }
  });
});

describe('hard style: shapes of the records', () => {
  it('touches a second issue in about 30% of the regional records, fit for the person', () => {
    const withSecond = REGIONAL.filter((c) => c.secondary !== null);
    expect(share(withSecond.length, REGIONAL.length)).toBeGreaterThan(0.25);
    expect(share(withSecond.length, REGIONAL.length)).toBeLessThan(0.35);
    expect(HARD.filter((c) => c.label === 'individual').every((c) => c.secondary === null)).toBe(true);
    for (const { label, secondary, record } of withSecond) {
      expect(secondary).not.toBe(label);
      expect(secondary).not.toBe('single_agency_repeat');
      expect(ISSUE_LABELS).toContain(secondary);
      expect(ISSUE_AGE_BANDS.get(secondary as RegionalLabel)?.has(record.年齢層 as AgeBand), `${secondary} ${record.年齢層}`).toBe(true);
    }
  });

  it('writes the second issue as a third label column', () => {
    const { labels } = renderCsv(HARD, 'utf-8', { secondaryLabels: true });
    const parsed = parse(labels, { columns: true }) as { 記録ID: string; label: string; secondary_label: string }[];
    expect(Object.keys(parsed[0] ?? {})).toEqual(['記録ID', 'label', 'secondary_label']);
    expect(parsed).toEqual(HARD.map((c) => ({ 記録ID: c.record.記録ID, label: c.label, secondary_label: c.secondary ?? '' })));
  });

  it('writes about 20% one-liners, about 15% long narratives, and few regional memos', () => {
    const oneLiners = HARD.filter((c) => filledCells(c).length === 1);
    expect(share(oneLiners.length, HARD.length)).toBeGreaterThan(0.16);
    expect(share(oneLiners.length, HARD.length)).toBeLessThan(0.24);
    for (const c of oneLiners) {
      expect(['相談内容', '課題']).toContain(filledCells(c)[0]);
      expect(c.secondary).toBeNull();
    }
    const sentences = (c: GeneratedCase) => TEXT_HEADERS.reduce((n, h) => n + (c.record[h].split('。').length - 1), 0);
    const long = HARD.filter((c) => filledCells(c).length >= 3 && sentences(c) >= 5);
    expect(share(long.length, HARD.length)).toBeGreaterThan(0.12);
    expect(share(long.length, HARD.length)).toBeLessThan(0.3);
    const memos = HARD.filter((c) => c.record.地域課題メモ !== '');
    expect(share(memos.length, HARD.length)).toBeLessThan(0.25);
  });

  it('shares everyday words across every kind of record', () => {
    for (const word of ['母', '電話', '訪問', '本人', '様子', '不安', '事業所']) {
      const labels = new Set(HARD.filter((c) => TEXT_HEADERS.some((h) => c.record[h].includes(word))).map((c) => c.label));
      expect(labels.size, word).toBeGreaterThanOrEqual(ISSUE_LABELS.length - 1);
    }
  });
});

describe('hard style: the phrase banks', () => {
  it('has at least 25 distinct templates per cell for every issue, most without its technical terms', () => {
    const labels = ISSUE_TYPES.map((t) => t.label);
    expect(Object.keys(HARD_BANKS).sort()).toEqual([...labels].sort());
    for (const label of labels) {
      const bank = HARD_BANKS[label];
      for (const group of ['consultation', 'problem', 'support'] as const) {
        const templates = bank[group];
        expect(new Set(templates).size, `${label} ${group}`).toBe(templates.length);
        expect(templates.length, `${label} ${group}`).toBeGreaterThanOrEqual(MIN_TEMPLATES);
        const everyday = templates.filter((t) => !bank.terms.some((term) => t.includes(term)));
        expect(share(everyday.length, templates.length), `${label} ${group}`).toBeGreaterThanOrEqual(MIN_EVERYDAY_SHARE);
      }
    }
  });

  it('uses only characters that survive CP932', () => {
    const everything = JSON.stringify([HARD_BANKS, HARD_LEXICON, LEAD_FILLERS, STATE_FILLERS, CLOSE_FILLERS, VAGUE_MEMOS]);
    const decoded = new TextDecoder('shift_jis', { fatal: true }).decode(iconv.encode(everything, 'cp932'));
    expect(decoded).toBe(everything);
  });
});

describe('hard style from the command line', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'fixtures/generator/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('writes the same file and a three-column labels file with --style hard', () => {
    const out = dir.path('hard-cli.csv');
    const run = cli(['--rows', '120', '--seed', '5', '--style', 'hard', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const expected = renderCsv(generateCases({ rows: 120, seed: 5, style: 'hard' }), 'utf-8', { secondaryLabels: true });
    expect(readFileSync(out).equals(expected.csv)).toBe(true);
    expect(readFileSync(join(out, '..', 'hard-cli.labels.csv')).equals(expected.labels)).toBe(true);
  });

  it('refuses an unknown style with a Japanese message and exit code 2', () => {
    const run = cli(['--style', 'fancy', '--out', dir.path('x.csv')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^エラー: --style/);
  });
});
