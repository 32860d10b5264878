/**
 * Time to the theme board on a 100,000-case database: the built dashboard served on loopback,
 * loaded in Chromium, timed with the browser's performance timings; then the bundle's files.
 *   node --import tsx tests/bench/dashboard.bench.ts          (BENCH_ROWS=5000 for a quick run)
 *   node --import tsx tests/bench/dashboard.bench.ts --api    (API latency first, same database)
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../helpers/browser.ts';
import { measureApiLatency } from './api.bench.ts';
import { buildBenchDatabase, startBenchServer } from './bench-database.ts';
import { BOARD_READY, loadBoard, signedInContext, type BoardLoad } from './board-timing.ts';
import { bundleFiles, formatBundleTable } from './bundle-report.ts';

const LOADS = 7;
const TARGET_MS = 1500;
/** Not dist/web: the browser tests rebuild that (emptying it) and could swap the files mid-run. */
const WEB_ROOT = fileURLToPath(new URL('../../dist/bench-web', import.meta.url));

/** Each load in a fresh context: empty HTTP cache, as on a first visit. */
async function coldLoads(browser: Browser, base: string, token: string, selector: string): Promise<BoardLoad[]> {
  const loads: BoardLoad[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await signedInContext(browser, base, token);
    loads.push(await loadBoard(context, base, selector));
    await context.close();
  }
  return loads;
}

/** New pages in one context after one load that is not counted: assets from the HTTP cache where it allows. */
async function warmLoads(browser: Browser, base: string, token: string, selector: string): Promise<BoardLoad[]> {
  const context = await signedInContext(browser, base, token);
  await loadBoard(context, base, selector);
  const loads: BoardLoad[] = [];
  for (let i = 0; i < LOADS; i++) loads.push(await loadBoard(context, base, selector));
  await context.close();
  return loads;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

function summarise(label: string, loads: readonly BoardLoad[]): void {
  const of = (key: 'boardMs' | 'rowsMs' | 'responseEndMs' | 'domContentLoadedMs' | 'transferBytes' | 'encodedBytes' | 'apiRequests') => loads.map((l) => l[key]);
  const board = of('boardMs');
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(
    `  ${label.padEnd(5)} board median ${ms(median(board))}  min ${ms(Math.min(...board))}  max ${ms(Math.max(...board))}` +
      `  | first rows ${ms(median(of('rowsMs')))}  HTML responseEnd ${ms(median(of('responseEndMs')))}  DOMContentLoaded ${ms(median(of('domContentLoadedMs')))}` +
      `  | transferred ${kb(median(of('transferBytes')))} (bodies ${kb(median(of('encodedBytes')))})  API requests ${median(of('apiRequests'))}`,
  );
  console.log(`        each load: ${board.map((b) => b.toFixed(0)).join(' ')} ms`);
}

const withApi = process.argv.includes('--api');
const built = performance.now();
await build({ configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)), logLevel: 'warn', build: { outDir: WEB_ROOT } });
const buildSeconds = (performance.now() - built) / 1000;
const files = bundleFiles(WEB_ROOT);
const selector = BOARD_READY;

const bench = await buildBenchDatabase();
let browser: Browser | undefined;
try {
  const server = await startBenchServer(bench, { webRoot: WEB_ROOT });
  if (withApi) await measureApiLatency(server, bench.rows, bench.analysis);
  browser = await launchChromium();
  const cold = await coldLoads(browser, server.base, server.sessionToken, selector);
  const warm = await warmLoads(browser, server.base, server.sessionToken, selector);
  console.log(
    `mieruka dashboard — ${bench.rows.toLocaleString('en-US')} cases, ${bench.analysis.themes.length} themes, Chromium ${browser.version()} on loopback, ` +
      `${LOADS} loads each, timed to ${selector} (database built in ${bench.buildSeconds.toFixed(1)} s, bundle in ${buildSeconds.toFixed(1)} s)`,
  );
  summarise('cold', cold);
  summarise('warm', warm);
  console.log(`  API requests before the board (first cold load): ${cold[0]?.api.join(', ')}`);
  console.log(`target: board under ${TARGET_MS} ms — cold median ${median(cold.map((l) => l.boardMs)) < TARGET_MS ? 'met' : 'NOT met'}`);
  console.log('dashboard bundle (dist/bench-web/assets):');
  console.log(formatBundleTable(files, new Set(cold.flatMap((l) => l.assets))));
  server.close();
} finally {
  await browser?.close();
  await bench.close();
}
