/**
 * API latency on a 100,000-case database: the theme list and a theme's detail, with
 * concurrent requests on loopback (p50, p95).
 *   node --import tsx tests/bench/api.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { DEFAULT_COUNCIL } from '../../pipelines/council/settings.ts';
import { openDatabase } from '../../pipelines/db/database.ts';
import { ingestFile } from '../../pipelines/ingest/ingest.ts';
import { analyze } from '../../pipelines/themes/analyze.ts';
import { CHOSEN_METHOD } from '../../pipelines/themes/chosen-method.ts';
import { createTokenizerPool } from '../../pipelines/text/tokenizer/tokenizer-pool.ts';
import { createUser } from '../../server/accounts/accounts.ts';
import { createApp } from '../../server/app.ts';
import { generateCases } from '../../fixtures/generator/generate.ts';
import { writeCasesCsv } from '../../fixtures/generator/write-csv.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const CONCURRENCY = 8;
const REQUESTS = 400;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function load(base: string, path: string, cookie: string): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return times.sort((a, b) => a - b);
}

const dir = mkdtempSync(join(tmpdir(), 'mieruka-bench-api-'));
const db = await openDatabase(join(dir, 'api.duckdb'));
const pool = createTokenizerPool();
try {
  const file = join(dir, 'cases.csv');
  writeCasesCsv(generateCases({ rows: ROWS, seed: 4 }), file, 'utf-8');
  await ingestFile(db, await readFile(file), { fileName: 'cases.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany: pool.tokenizeMany });
  const result = await analyze(db, { settings: DEFAULT_COUNCIL, tokenizeMany: pool.tokenizeMany, method: CHOSEN_METHOD });
  await createUser(db, { login: 'bench', displayName: 'bench', role: 'coordinator', password: 'benchmark password' }, new Date());
  const app = createApp({ db, settings: DEFAULT_COUNCIL, tokenizeMany: pool.tokenizeMany });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench', password: 'benchmark password' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  console.log(`mieruka API latency — ${ROWS.toLocaleString('en-US')} cases, ${result.themes.length} themes, ${CONCURRENCY} concurrent clients × ${REQUESTS} requests, loopback`);
  for (const path of ['/api/themes', `/api/themes/${result.themes[0]?.id ?? 'T-0001'}`, `/api/exports/themes/${result.themes[0]?.id ?? 'T-0001'}/monthly.arrow`]) {
    await load(base, path, cookie);
    const times = await load(base, path, cookie);
    console.log(`  GET ${path.padEnd(42)} p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  max ${times.at(-1)?.toFixed(1)} ms`);
  }
  console.log('target: p95 under 50 ms');
  server.close();
} finally {
  await pool.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
