/**
 * A worker's entry module. Run compiled (the JavaScript `npm install` builds beside the
 * sources), a module's own URL ends in .js and its worker starts from the compiled sibling;
 * run from the TypeScript sources, it starts from the .mjs boot file that registers tsx
 * first, since Node 20 cannot start a .ts worker.
 */
export function workerEntry(moduleUrl: string, name: string): URL {
  return new URL(moduleUrl.endsWith('.js') ? `./${name}.js` : `./${name}.mjs`, moduleUrl);
}
