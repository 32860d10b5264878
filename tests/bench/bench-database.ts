/**
 * The database and server the API and dashboard benches share: generated cases ingested and
 * analysed into a DuckDB file in a temporary directory, one coordinator, and the Hono app on
 * loopback with that user's session cookie.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { DEFAULT_COUNCIL } from '../../pipelines/council/settings.ts';
import { openDatabase, type Database } from '../../pipelines/db/database.ts';
import { ingestFile } from '../../pipelines/ingest/ingest.ts';
import { analyze } from '../../pipelines/themes/analyze.ts';
import { createTokenizerPool, type TokenizerPool } from '../../pipelines/text/tokenizer/tokenizer-pool.ts';
import { createUser } from '../../server/accounts/accounts.ts';
import { createApp } from '../../server/app.ts';
import { SESSION_COOKIE } from '../../server/http/session-auth.ts';
import { generateCases } from '../../fixtures/generator/generate.ts';
import { writeCasesCsv } from '../../fixtures/generator/write-csv.ts';

/** Cases in the bench database: 100,000 unless BENCH_ROWS says otherwise (for a quick run). */
export const BENCH_ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

const USER = { login: 'bench', displayName: 'bench', role: 'coordinator', password: 'benchmark password' } as const;

/** What the benches ask of the analysis: its themes' ids, the first for a theme's detail. */
export interface BenchThemes {
  readonly themes: ReadonlyArray<{ readonly id: string }>;
}

export interface BenchDatabase {
  readonly db: Database;
  readonly pool: TokenizerPool;
  readonly rows: number;
  readonly analysis: BenchThemes;
  /** Seconds spent generating, ingesting and analysing. */
  readonly buildSeconds: number;
  close(): Promise<void>;
}

export interface BenchServer {
  /** http://127.0.0.1:port */
  readonly base: string;
  /** The signed-in coordinator's session, as a Cookie header value. */
  readonly cookie: string;
  /** The session token alone, for a browser context's cookie jar. */
  readonly sessionToken: string;
  close(): void;
}

/**
 * An analysed database of one's own instead of a generated one (BENCH_DB=PATH, e.g. a million
 * cases taken in and analysed with the CLI); the bench works on a copy and leaves it as it was.
 */
const BENCH_DB = process.env.BENCH_DB;
const LATEST_THEMES =
  'SELECT theme_id AS id FROM theme_snapshots WHERE run_id = (SELECT run_id FROM analysis_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1) ORDER BY theme_id';
const COUNT_CASES = 'SELECT count(*)::INTEGER AS n FROM current_cases';

async function openOwnDatabase(source: string, dir: string, started: number): Promise<BenchDatabase> {
  copyFileSync(source, join(dir, 'bench.duckdb'));
  const db = await openDatabase(join(dir, 'bench.duckdb'));
  const pool = createTokenizerPool();
  const { themes, rows } = await db.read(async (scope) => ({ themes: await scope.rows(LATEST_THEMES), rows: Number((await scope.rows(COUNT_CASES))[0]?.n ?? 0) }));
  await createUser(db, USER, new Date());
  const analysis = { themes: themes.map((t) => ({ id: String(t.id) })) };
  const close = async () => {
    await pool.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { db, pool, rows, analysis, buildSeconds: (performance.now() - started) / 1000, close };
}

export async function buildBenchDatabase(rows = BENCH_ROWS, seed = 4): Promise<BenchDatabase> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-bench-'));
  if (BENCH_DB) return openOwnDatabase(BENCH_DB, dir, started);
  const db = await openDatabase(join(dir, 'bench.duckdb'));
  const pool = createTokenizerPool();
  const close = async () => {
    await pool.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const file = join(dir, 'cases.csv');
    writeCasesCsv(generateCases({ rows, seed }), file, 'utf-8');
    await ingestFile(db, await readFile(file), { fileName: 'cases.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany: pool.tokenizeMany });
    const analysis = await analyze(db, { settings: DEFAULT_COUNCIL, tokenizeMany: pool.tokenizeMany });
    await createUser(db, USER, new Date());
    return { db, pool, rows, analysis, buildSeconds: (performance.now() - started) / 1000, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The app on 127.0.0.1 (any free port), serving the built dashboard too when `webRoot` is given. */
export async function startBenchServer(bench: BenchDatabase, options: { webRoot?: string } = {}): Promise<BenchServer> {
  const app = createApp({ db: bench.db, settings: DEFAULT_COUNCIL, tokenizeMany: bench.pool.tokenizeMany, ...options });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: USER.login, password: USER.password }),
  });
  if (login.status !== 200) throw new Error(`sign-in for the bench failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const sessionToken = cookie.startsWith(`${SESSION_COOKIE}=`) ? cookie.slice(SESSION_COOKIE.length + 1) : '';
  if (!sessionToken) throw new Error(`sign-in for the bench set no ${SESSION_COOKIE} cookie`);
  return { base, cookie, sessionToken, close: () => server.close() };
}
