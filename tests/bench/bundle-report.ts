/**
 * The built dashboard's files with raw and gzip sizes, and which of them the page needs on first
 * view: what "the bundle is code-split" can be checked against.
 *   node --import tsx tests/bench/bundle-report.ts   (after `npm run build`)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface BundleFile {
  /** Path as the browser asks for it, e.g. /assets/index-abc123.js */
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Named by index.html (entry script, stylesheet, modulepreload): fetched before anything runs. */
  readonly inIndexHtml: boolean;
}

export function bundleFiles(webRoot = DEFAULT_WEB_ROOT): BundleFile[] {
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  return readdirSync(join(webRoot, 'assets'))
    .sort()
    .map((name) => {
      const content = readFileSync(join(webRoot, 'assets', name));
      const path = `/assets/${name}`;
      return { path, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length, inIndexHtml: html.includes(path) };
    });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * The files as a table. `loaded` (paths seen in the browser's resource timings on first view)
 * marks each file as loaded for the board or lazy; without it, index.html decides.
 */
export function formatBundleTable(files: readonly BundleFile[], loaded?: ReadonlySet<string>): string {
  const isLoaded = (f: BundleFile) => (loaded ? loaded.has(f.path) : f.inIndexHtml);
  const width = Math.max(4, ...files.map((f) => f.path.length));
  const row = (name: string, raw: string, gzip: string, when: string) => `  ${name.padEnd(width)}  ${raw.padStart(10)}  ${gzip.padStart(10)}  ${when}`;
  const sum = (list: readonly BundleFile[], key: 'bytes' | 'gzipBytes') => list.reduce((total, f) => total + f[key], 0);
  const first = files.filter(isLoaded);
  const lazy = files.filter((f) => !isLoaded(f));
  return [
    row('file', 'raw', 'gzip', loaded ? 'on first board view' : 'in index.html'),
    ...files.map((f) => row(f.path, kb(f.bytes), kb(f.gzipBytes), isLoaded(f) ? 'loaded' : 'lazy')),
    row(`first view (${first.length} files)`, kb(sum(first, 'bytes')), kb(sum(first, 'gzipBytes')), ''),
    row(`lazy (${lazy.length} files)`, kb(sum(lazy, 'bytes')), kb(sum(lazy, 'gzipBytes')), ''),
  ]
    .map((line) => line.trimEnd())
    .join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatBundleTable(bundleFiles(process.argv[2] ?? DEFAULT_WEB_ROOT)));
}
