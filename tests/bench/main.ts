/**
 * `npm run bench`: each bench in its own process, one after another. `npm run bench -- --1m`
 * runs the million-case bench instead (minutes, and not in CI).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = ['tokenize.bench.ts', 'ingest.bench.ts', 'themes.bench.ts', ['dashboard.bench.ts', '--api'], 'load.bench.ts', 'peer.bench.ts'] as const;
const MILLION = 'million.bench.ts';

const args = process.argv.slice(2);
const runs: Array<readonly string[]> = args.includes('--1m') ? [[MILLION, ...args.filter((a) => a !== '--1m')]] : BENCHES.map((b) => (typeof b === 'string' ? [b] : b));
for (const [script, ...rest] of runs) {
  const path = fileURLToPath(new URL(script as string, import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', path, ...rest], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
