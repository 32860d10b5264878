import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/main.ts';
import { caseCsv, caseRow } from './helpers/case-csv.ts';
import { tempDir, type TempDir } from './helpers/temp-db.ts';

/** Files whose name holds this make the (mocked) ingest fail as a bug would. */
const BUGGY = 'buggy';

vi.mock('../pipelines/ingest/ingest.ts', async (original) => {
  const actual = await original<typeof import('../pipelines/ingest/ingest.ts')>();
  return {
    ...actual,
    ingestFile: (...args: Parameters<typeof actual.ingestFile>) => {
      if (args[2].fileName.includes(BUGGY)) throw new TypeError("Cannot read properties of undefined (reading 'line')");
      return actual.ingestFile(...args);
    },
  };
});

let dir: TempDir;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function write(name: string): string {
  const path = dir.path(name);
  writeFileSync(path, caseCsv([caseRow('K-1')]));
  return path;
}

/** Runs the command in this process, collecting what it writes. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

const INTERNAL = { code: 'internal', message: expect.stringMatching(/^[^A-Za-z]*予期しない問題[^A-Za-z]*$/) };
const ENGLISH = /TypeError|Cannot read|at .*\.ts/;

describe('mieruka ingest when something unexpected fails', () => {
  it('--json still prints exactly one JSON object, and exits 1', async () => {
    const result = await run(['ingest', write(`${BUGGY}.csv`), '--db', dir.path('a.duckdb'), '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toEqual({ file: `${BUGGY}.csv`, error: INTERNAL });
    expect(result.stdout + result.stderr).not.toMatch(ENGLISH);
  });

  it('--json with several files reports each, the failed one with its error', async () => {
    const result = await run(['ingest', write(`${BUGGY}-1.csv`), write('fine.csv'), '--db', dir.path('b.duckdb'), '--json']);
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout);
    expect(body.uploads).toHaveLength(2);
    expect(body.uploads[0]).toEqual({ file: `${BUGGY}-1.csv`, error: INTERNAL });
    expect(body.uploads[1]).toMatchObject({ file: 'fine.csv', accepted: 1 });
  });

  it('tells a person in Japanese, without a stack', async () => {
    const result = await run(['ingest', write(`${BUGGY}-2.csv`), '--db', dir.path('c.duckdb')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${BUGGY}-2\\.csv: 取り込めませんでした — .*予期しない問題`));
    expect(result.stdout + result.stderr).not.toMatch(ENGLISH);
  });

  it('writes the stack to stderr when MIERUKA_DEBUG is set', async () => {
    vi.stubEnv('MIERUKA_DEBUG', '1');
    const result = await run(['ingest', write(`${BUGGY}-3.csv`), '--db', dir.path('d.duckdb'), '--json']);
    expect(JSON.parse(result.stdout)).toEqual({ file: `${BUGGY}-3.csv`, error: INTERNAL });
    expect(result.stderr).toContain('TypeError');
  });

  it('--json prints one JSON object on a usage error too', async () => {
    const result = await run(['ingest', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({ error: { code: 'usage_error', message: '取り込む CSV ファイルか Excel ブック（.xlsx）を指定してください。' } });
  });
});
