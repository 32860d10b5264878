#!/usr/bin/env node
// The bin entry. It runs the JavaScript compiled beside the sources (`npm install`'s prepare
// step, `npm start`) when every source has a compiled sibling at least as new; otherwise —
// never built, or a source edited since — it registers tsx and runs the TypeScript as it is.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_FOLDERS = ['cli', 'server', 'pipelines', 'shared'];

function compiledIsFresh() {
  for (const folder of SOURCE_FOLDERS) {
    for (const name of readdirSync(ROOT + folder, { recursive: true })) {
      if (!name.endsWith('.ts') || name.endsWith('.d.ts')) continue;
      const source = `${ROOT}${folder}/${name}`;
      const compiled = `${source.slice(0, -3)}.js`;
      if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs) return false;
    }
  }
  return true;
}

let main;
if (compiledIsFresh()) {
  ({ main } = await import('./main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
