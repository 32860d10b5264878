// Dependency rules for mieruka, checked by tests/dependencies.test.ts (dependency-cruiser).
//
// Layers, bottom to top:  shared/  ←  pipelines/db/  ←  pipelines/  ←  server/  ←  cli/
// web/ (the browser dashboard) sits beside them and may use shared/ only.
// fixtures/ (generator scripts) may use pipelines/ and shared/. tests/ is not checked.
//
// Paths are relative to the cruise's baseDir (the repo root). `import type` edges count
// too: tsPreCompilationDeps keeps them in the graph.

/** Project folders, so a rule can name "any local folder except …". */
const LAYERS = ['shared', 'pipelines', 'server', 'cli', 'web', 'fixtures', 'tests'];
const outside = (...allowed) =>
  `^(${LAYERS.filter((layer) => !allowed.includes(layer)).join('|')})/`;

/**
 * Files outside pipelines/db/ that import @duckdb/node-api today. They use its value
 * types, value constructors (listValue, DuckDBDateValue …) and appender types only —
 * never DuckDBInstance/DuckDBConnection, which stay behind pipelines/db/.
 */
const DUCKDB_VALUE_TYPE_USERS = [
  'pipelines/text/token-cache.ts',
  'pipelines/themes/excerpts.ts',
  'pipelines/themes/store-run.ts',
  'pipelines/themes/term-vector-cache.ts',
  'pipelines/ingest/store-upload.ts',
  'server/arrow/arrow-table.ts',
  'server/arrow/duckdb-columns.ts',
];
const escape = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Circular imports make load order fragile and layers meaningless; break the cycle.',
      severity: 'error',
      from: { pathNot: '^tests/' },
      to: { circular: true },
    },
    {
      name: 'shared-is-self-contained',
      comment: 'shared/ is the vocabulary both the browser and the server load, so it depends on nothing else.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: '^shared/' },
    },
    {
      name: 'db-is-the-bottom',
      comment: 'pipelines/db/ is the database gate at the bottom of the stack; it may use only itself and packages.',
      severity: 'error',
      from: { path: '^pipelines/db/' },
      to: { path: outside(), pathNot: '^pipelines/db/' },
    },
    {
      name: 'pipelines-not-server',
      comment: 'pipelines/ is the analysis core under the app; it must not know about server/, cli/ or web/.',
      severity: 'error',
      from: { path: '^pipelines/' },
      to: { path: '^(server|cli|web)/' },
    },
    {
      name: 'pipelines-not-fixtures',
      comment: 'pipelines/ may use only pipelines/ and shared/; fixtures/ and tests/ build on pipelines/, not under it (the evaluation scripts alone generate their corpora).',
      severity: 'error',
      from: { path: '^pipelines/', pathNot: '^pipelines/eval/' },
      to: { path: '^(fixtures|tests)/' },
    },
    {
      name: 'server-not-cli-or-web',
      comment: 'server/ may use pipelines/ and shared/; cli/ and web/ sit above or beside it.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: outside('server', 'pipelines', 'shared') },
    },
    {
      name: 'cli-not-web',
      comment: 'cli/ may use server/, pipelines/ and shared/; the browser code in web/ is not for Node.',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: outside('cli', 'server', 'pipelines', 'shared') },
    },
    {
      name: 'web-only-shared',
      comment: 'web/ is bundled for the browser and talks to the server over HTTP; it may use shared/ only (type imports too).',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: outside('web', 'shared') },
    },
    {
      name: 'fixtures-only-pipelines',
      comment: 'fixtures/ generator scripts build data with pipelines/ and shared/, never the app layers.',
      severity: 'error',
      from: { path: '^fixtures/' },
      to: { path: outside('fixtures', 'pipelines', 'shared') },
    },
    {
      name: 'duckdb-only-through-db',
      comment: 'Only pipelines/db/ opens DuckDB; the listed files use its value types/appenders only.',
      severity: 'error',
      from: {
        pathNot: [
          '^pipelines/db/',
          '^tests/',
          ...DUCKDB_VALUE_TYPE_USERS.map((path) => `^${escape(path)}$`),
        ],
      },
      to: { path: '(^|/)node_modules/@duckdb/' },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import the cruiser cannot resolve is an edge no rule can check (or a broken import).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Packages are recorded as edges but not followed into. node_modules is deliberately not
    // in `exclude`: excluded modules vanish from the graph, and duckdb-only-through-db needs
    // to see the @duckdb/node-api edges.
    doNotFollow: { path: '(^|/)node_modules/' },
    // Compiled siblings of the sources (tsconfig.build.json) would be a second copy of the graph.
    exclude: { path: ['(^|/)(dist|test-output)/', '^(cli|server|pipelines|shared)/.*\\.js$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve package subpaths (csv-parse/sync, hono/cookie …) through their "exports".
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
