/**
 * API latency on a 100,000-case database: the theme list and a theme's detail, with
 * concurrent requests on loopback (p50, p95).
 *   node --import tsx tests/bench/api.bench.ts
 * dashboard.bench.ts --api runs this on its own database, so that `npm run bench` builds one.
 */
import { pathToFileURL } from 'node:url';
import { buildBenchDatabase, startBenchServer, type BenchServer, type BenchThemes } from './bench-database.ts';

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

/** Prints p50/p95/max of each endpoint, measured after one warm-up round. */
export async function measureApiLatency(server: BenchServer, rows: number, analysis: BenchThemes): Promise<void> {
  console.log(`mieruka API latency — ${rows.toLocaleString('en-US')} cases, ${analysis.themes.length} themes, ${CONCURRENCY} concurrent clients × ${REQUESTS} requests, loopback`);
  const themeId = analysis.themes[0]?.id ?? 'T-0001';
  for (const path of ['/api/themes', `/api/themes/${themeId}`, `/api/exports/themes/${themeId}/monthly.arrow`]) {
    await load(server.base, path, server.cookie);
    const times = await load(server.base, path, server.cookie);
    console.log(`  GET ${path.padEnd(42)} p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  max ${times.at(-1)?.toFixed(1)} ms`);
  }
  console.log('target: p95 under 50 ms');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bench = await buildBenchDatabase();
  try {
    const server = await startBenchServer(bench);
    await measureApiLatency(server, bench.rows, bench.analysis);
    server.close();
  } finally {
    await bench.close();
  }
}
