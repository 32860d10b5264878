// Enforces the layer rules in .dependency-cruiser.cjs (dependency direction, no cycles, DuckDB
// only behind pipelines/db/) over the real tree, and proves on a throw-away tree that the
// rules actually fire.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruise, type ICruiseOptions, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const TSCONFIG = join(ROOT, 'tsconfig.json');
const CRUISED = ['shared', 'pipelines', 'server', 'cli', 'web/src', 'fixtures'];

async function runCruise(baseDir: string, paths: string[]): Promise<ICruiseResult> {
  const options: ICruiseOptions = await extractDepcruiseOptions(CONFIG);
  const { output } = await cruise(
    paths,
    { ...options, baseDir, tsConfig: { fileName: TSCONFIG } },
    undefined,
    { tsConfig: extractTSConfig(TSCONFIG) },
  );
  if (typeof output === 'string') throw new Error('dependency-cruiser returned a report string, expected a result object');
  return output;
}

function describeViolation(v: IViolation): string {
  const cycle = v.cycle?.length ? ` [cycle: ${[v.from, ...v.cycle.map((step) => step.name)].join(' → ')}]` : '';
  return `${v.from} → ${v.to} (${v.rule.name})${cycle}`;
}

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  let result: ICruiseResult;

  beforeAll(async () => {
    result = await runCruise(ROOT, CRUISED);
  });

  it('the tree has no forbidden dependencies and no cycles', () => {
    const violations = result.summary.violations.map(describeViolation);
    expect(violations, `dependency rule violations:\n  ${violations.join('\n  ')}\n`).toEqual([]);
  });

  it('actually cruised every layer', () => {
    const sources = result.modules.map((module) => module.source);
    expect(sources.length).toBeGreaterThan(100);
    for (const layer of ['shared/', 'pipelines/db/', 'pipelines/', 'server/', 'cli/', 'web/src/', 'fixtures/']) {
      expect(sources.some((source) => source.startsWith(layer)), `no module under ${layer}`).toBe(true);
    }
    // Imports with explicit .ts extensions resolve, and `import type` edges are kept.
    const unresolved = result.modules.flatMap((module) =>
      module.dependencies.filter((dep) => dep.couldNotResolve).map((dep) => `${module.source} → ${dep.module}`),
    );
    expect(unresolved).toEqual([]);
    const typeOnlyEdges = result.modules.flatMap((module) =>
      module.dependencies.filter((dep) => dep.dependencyTypes.includes('type-only')),
    );
    expect(typeOnlyEdges.length).toBeGreaterThan(0);
  });
});

describe('dependency rules bite (throw-away tree)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mieruka-depcruise-'));
    const files: Record<string, string> = {
      // web/ reaching into server/, with a type-only import: still forbidden.
      'web/src/x.ts': "import type { Y } from '../../server/y.ts';\nexport const x: Y | null = null;\n",
      // server/ opening DuckDB directly, outside pipelines/db/.
      'server/y.ts': "import { DuckDBInstance } from '@duckdb/node-api';\nexport interface Y { instance: typeof DuckDBInstance }\n",
      // pipelines/db/ may use the package, but not the layer above it.
      'pipelines/db/gate.ts':
        "import { DuckDBInstance } from '@duckdb/node-api';\nimport { z } from '../text/z.ts';\nexport const gate = [DuckDBInstance, z];\n",
      'pipelines/text/z.ts': 'export const z = 1;\n',
      // A two-file cycle.
      'shared/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
      'shared/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
      // A stand-in for the real package, so the import resolves into node_modules/.
      'node_modules/@duckdb/node-api/package.json': '{ "name": "@duckdb/node-api", "version": "0.0.0", "main": "index.js" }\n',
      'node_modules/@duckdb/node-api/index.js': 'export class DuckDBInstance {}\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports exactly the planted violations', async () => {
    const result = await runCruise(dir, ['shared', 'pipelines', 'server', 'web/src']);
    // A cycle is reported once, on one of its edges; name it by its members instead.
    const found = result.summary.violations
      .map((v) =>
        v.cycle?.length
          ? `cycle ${[v.from, ...v.cycle.map((step) => step.name)].slice(0, -1).sort().join(' ⇄ ')} (${v.rule.name})`
          : `${v.from} → ${v.to} (${v.rule.name})`,
      )
      .sort();
    expect(found).toEqual(
      [
        'web/src/x.ts → server/y.ts (web-only-shared)',
        'server/y.ts → node_modules/@duckdb/node-api/index.js (duckdb-only-through-db)',
        'pipelines/db/gate.ts → pipelines/text/z.ts (db-is-the-bottom)',
        'cycle shared/a.ts ⇄ shared/b.ts (no-circular)',
      ].sort(),
    );
  });
});
