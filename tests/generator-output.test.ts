import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { STANDARD_HEADERS } from '../pipelines/ingest/columns.ts';
import { generateCases } from '../fixtures/generator/generate.ts';
import { INDIVIDUAL_TOPICS } from '../fixtures/generator/individual-topics.ts';
import { ISSUE_TYPES } from '../fixtures/generator/issue-types.ts';
import { LEXICON } from '../fixtures/generator/lexicon.ts';
import { TYPOS } from '../fixtures/generator/noise.ts';
import { AREAS } from '../fixtures/generator/region.ts';
import { renderCsv } from '../fixtures/generator/write-csv.ts';
import { tempDir as makeTempDir } from './helpers/temp-db.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const BOM = '\uFEFF';
const SAMPLE = [...generateCases({ rows: 2000, seed: 2024, piiRate: 0.02 })];
const dir = makeTempDir('mieruka-generator-');
afterAll(() => dir.remove());
const tempDir = () => dir.dir;

describe('CSV output', () => {
  const utf8 = renderCsv(SAMPLE, 'utf-8');
  const sjis = renderCsv(SAMPLE, 'shift_jis');

  it('parses back to the same records, with CRLF line ends and a BOM', () => {
    expect(utf8.csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parse(utf8.csv, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
    expect(records).toEqual(SAMPLE.map((r) => r.record));
    const text = utf8.csv.toString('utf8');
    expect(text.split('\r\n').length - 1).toBe(2001);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('decodes the Shift_JIS file to exactly the UTF-8 text', () => {
    expect(sjis.csv.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const decoded = new TextDecoder('shift_jis', { fatal: true }).decode(sjis.csv);
    expect(decoded).toBe(utf8.csv.toString('utf8').slice(1));
    expect(sjis.labels.equals(utf8.labels)).toBe(true);
  });

  it('uses only characters that survive CP932 anywhere in the catalogue', () => {
    const everything = JSON.stringify([LEXICON, ISSUE_TYPES, INDIVIDUAL_TOPICS, TYPOS, AREAS]);
    const decoded = new TextDecoder('shift_jis', { fatal: true }).decode(iconv.encode(everything, 'cp932'));
    expect(decoded).toBe(everything);
  });

  it('writes labels for every record id, in order', () => {
    const labels = parse(utf8.labels, { columns: true }) as { 記録ID: string; label: string }[];
    expect(labels).toEqual(SAMPLE.map((r) => ({ 記録ID: r.record.記録ID, label: r.label })));
  });
});

describe('committed fixtures and CLI', () => {
  it('keeps fixtures/demo.csv equal to the generator output for seed 20241', () => {
    const demo = renderCsv(generateCases({ rows: 300, seed: 20241, piiRate: 0.02 }), 'utf-8');
    expect(readFileSync(join(ROOT, 'fixtures/demo.csv')).equals(demo.csv)).toBe(true);
    expect(readFileSync(join(ROOT, 'fixtures/demo.labels.csv')).equals(demo.labels)).toBe(true);
    expect(readFileSync(join(ROOT, 'fixtures/template.csv'), 'utf8')).toBe(`${BOM}${STANDARD_HEADERS.join(',')}\r\n`);
  });

  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'fixtures/generator/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('writes the same file from the command line, in Shift_JIS when asked', () => {
    const out = join(tempDir(), 'cli.csv');
    const run = cli(['--rows', '150', '--seed', '77', '--encoding', 'shift_jis', '--pii-rate', '0.1', '--out', out]);
    expect(run.stderr).toContain('150 行を書き出しました');
    expect(run.status).toBe(0);
    const expected = renderCsv(generateCases({ rows: 150, seed: 77, piiRate: 0.1 }), 'shift_jis');
    expect(readFileSync(out).equals(expected.csv)).toBe(true);
    expect(readFileSync(join(out, '..', 'cli.labels.csv')).equals(expected.labels)).toBe(true);
  });

  it('refuses bad arguments with a Japanese message and exit code 2', () => {
    for (const args of [['--rows', 'abc', '--out', '/tmp/x.csv'], ['--rows', '10'], ['--encoding', 'latin1', '--out', '/tmp/x.csv'],
      ['--pii-rate', '2', '--out', '/tmp/x.csv'], ['--bogus']]) {
      const run = cli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^エラー: /);
    }
  });
});
