/**
 * A council's busy morning: readers on the board and theme screens while a coordinator
 * uploads 20,000 rows, runs an analysis over 40,000 cases and decides every 500 ms, against
 * the real server in a child process on loopback. Then checks in the database that nothing
 * acknowledged was lost. Exits 1 on any error or loss.
 *   node --import tsx tests/bench/load.bench.ts      (LOAD_SECONDS=20 for a quick run)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../pipelines/db/database.ts';
import { generateCases } from '../../fixtures/generator/generate.ts';
import { writeCasesCsv } from '../../fixtures/generator/write-csv.ts';
import { cliJson, fmt, RouteStats, STATS_HEADER, signIn, sleep, startServer, runJob, timed, type ServerProcess, type Session } from './load-client.ts';

const RUN_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const READERS = 50;
/** One reader in five is a viewer (the board only); the rest are the coordination meeting. */
const VIEWER_EVERY = 5;
const ROWS = 20_000;
const SEED = 11;
const UPLOAD_AT_MS = 2_000;
const ANALYSIS_AT_MS = 5_000;
const DECIDE_EVERY_MS = 500;
const THEME_REFRESH_MS = 2_000;
const STALE_RETRIES = 3;
const THEME_LIST_P95_TARGET_MS = 100;
const SURPRISES_SHOWN = 10;
const BODY_SHOWN = 200;
const ADMIN_PASSWORD = 'load bench secretariat';
const COORDINATOR = { login: 'load-coordinator', displayName: '負荷試験 調整会議', role: 'coordinator', password: 'load bench coordinator' } as const;
const VIEWER = { login: 'load-viewer', displayName: '負荷試験 閲覧', role: 'viewer', password: 'load bench viewer' } as const;

const THEMES = 'GET /api/themes';
const DETAIL = 'GET /api/themes/:id';
const BOARD: Record<string, string> = {
  [THEMES]: '/api/themes',
  'GET /api/status': '/api/status',
  'GET /api/themes/history': '/api/themes/history',
  'GET /api/exports/breakdown.arrow?facet=月': `/api/exports/breakdown.arrow?facet=${encodeURIComponent('月')}`,
};
/** What each screen fetches, in turn: a viewer's board has no decision history and no detail. */
const COORDINATOR_ROUTES = [...Object.keys(BOARD), DETAIL];
const VIEWER_ROUTES = COORDINATOR_ROUTES.filter((r) => r !== DETAIL && r !== 'GET /api/themes/history');

interface ThemeRef {
  theme_id: string;
  revision: number;
}

const state = {
  themes: [] as ThemeRef[],
  themesAt: 0,
  stats: new Map(COORDINATOR_ROUTES.map((r) => [r, new RouteStats()] as const)),
  surprises: [] as string[],
  decisions: { stats: new RouteStats(), stale: 0, acknowledged: [] as Array<{ themeId: string; note: string }> },
};

function surprise(what: string, status: number | string, body: string): void {
  if (state.surprises.length < SURPRISES_SHOWN) state.surprises.push(`${what} → ${status} ${body.slice(0, BODY_SHOWN)}`);
}

function takeThemes(text: string): void {
  state.themes = (JSON.parse(text) as { themes: ThemeRef[] }).themes;
  state.themesAt = performance.now();
}

async function reader(base: string, session: Session, routes: readonly string[], until: number): Promise<void> {
  for (let turn = 0; performance.now() < until; turn++) {
    const route = routes[turn % routes.length] as string;
    const theme = state.themes[Math.floor(Math.random() * state.themes.length)];
    if (route === DETAIL && !theme) continue;
    const path = route === DETAIL ? `/api/themes/${encodeURIComponent(theme?.theme_id ?? '')}` : (BOARD[route] as string);
    const stats = state.stats.get(route) as RouteStats;
    try {
      const r = await timed(base, session, 'GET', path);
      stats.add(r.ms);
      if (r.status === 200 && route === THEMES && performance.now() - state.themesAt > THEME_REFRESH_MS) takeThemes(r.text);
      else if (r.status === 404 && route === DETAIL) stats.gone++;
      else if (r.status < 200 || r.status > 299) {
        stats.errors++;
        surprise(`GET ${path}`, r.status, r.text);
      }
    } catch (error) {
      stats.errors++;
      surprise(`GET ${path}`, 'network error', String(error));
    }
  }
}

async function refreshThemes(base: string, session: Session): Promise<void> {
  const r = await timed(base, session, 'GET', '/api/themes');
  if (r.status === 200) takeThemes(r.text);
}

/** One note on a theme of the latest list; a stale revision refreshes the list and tries again. */
async function decideOnce(base: string, session: Session, n: number): Promise<void> {
  const d = state.decisions;
  const note = `負荷試験のメモ ${n}`;
  let pick = n;
  for (let attempt = 0; attempt <= STALE_RETRIES; attempt++) {
    if (state.themes.length === 0) await refreshThemes(base, session);
    const theme = state.themes[pick % state.themes.length];
    if (!theme) break;
    const r = await timed(base, session, 'POST', `/api/themes/${encodeURIComponent(theme.theme_id)}/actions`, { action: 'note', note, revision: theme.revision });
    d.stats.add(r.ms);
    if (r.status === 200) {
      d.acknowledged.push({ themeId: theme.theme_id, note });
      theme.revision = (JSON.parse(r.text) as { revision: number }).revision;
      return;
    }
    const code = r.status === 409 ? (JSON.parse(r.text) as { code?: string }).code : undefined;
    if (code === 'stale') d.stale++;
    else if (r.status === 404) {
      d.stats.gone++;
      pick++;
    } else {
      d.stats.errors++;
      surprise(`POST /api/themes/${theme.theme_id}/actions`, r.status, r.text);
      return;
    }
    await refreshThemes(base, session);
  }
  d.stats.errors++;
  surprise(`note ${n}`, 'gave up', `after ${STALE_RETRIES} retries`);
}

async function coordinator(base: string, session: Session, until: number): Promise<void> {
  for (let n = 1; performance.now() < until; n++) {
    const started = performance.now();
    await decideOnce(base, session, n).catch((error: unknown) => {
      state.decisions.stats.errors++;
      surprise(`note ${n}`, 'network error', String(error));
    });
    await sleep(Math.max(0, DECIDE_EVERY_MS - (performance.now() - started)));
  }
}

function writeHalf(path: string, half: 0 | 1): void {
  let i = 0;
  const slice = function* () {
    for (const c of generateCases({ rows: 2 * ROWS, seed: SEED })) if (Math.floor(i++ / ROWS) === half) yield c;
  };
  writeCasesCsv(slice(), path, 'utf-8');
}

/** After the server has stopped: every acknowledged note in its theme's history and notes, the upload stored once, both runs. */
async function verify(dbPath: string) {
  const db = await openDatabase(dbPath);
  try {
    return await db.read(async (scope) => {
      const count = async (sql: string) => Number((await scope.rows(sql))[0]?.n ?? NaN);
      const lastLine = (notes: unknown) => String(notes ?? '').split('\n').at(-1) ?? '';
      const history = (await scope.rows("SELECT theme_id, after_value FROM theme_history WHERE action = 'note'")).map(
        (h) => `${String(h.theme_id)}|${lastLine((JSON.parse(String(h.after_value)) as { notes?: string }).notes)}`,
      );
      const notes = new Map((await scope.rows('SELECT theme_id, notes FROM themes')).map((t) => [String(t.theme_id), String(t.notes ?? '').split('\n')]));
      const acks = state.decisions.acknowledged;
      const stored = (a: { themeId: string; note: string }) =>
        history.some((h) => h.startsWith(`${a.themeId}|`) && h.endsWith(` ${a.note}`)) && (notes.get(a.themeId) ?? []).some((l) => l.endsWith(` ${a.note}`));
      return {
        lost: acks.filter((a) => !stored(a)).length,
        historyNotes: history.length,
        auditNotes: await count("SELECT count(*) AS n FROM audit_log WHERE action = 'theme_note'"),
        uploads: await count('SELECT count(*) AS n FROM uploads'),
        moreStored: await count("SELECT count(*) AS n FROM uploads WHERE file_name = 'more.csv'"),
        cases: await count('SELECT count(*) AS n FROM current_cases'),
        runs: await count('SELECT count(*) AS n FROM analysis_runs'),
      };
    });
  } finally {
    await db.close();
  }
}

function phase(label: string, all: RouteStats, list: RouteStats, seconds: number): string {
  const ms = (s: RouteStats) => `p50 ${fmt(s.percentile(50), 1)} / p95 ${fmt(s.percentile(95), 1)} ms`;
  return `  ${label} (${fmt(seconds, 1)} s): all reads ${fmt(all.times.length / seconds, 1)} req/s, ${ms(all)}; theme list ${ms(list)}`;
}

async function main(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-bench-load-'));
  let started: ServerProcess | undefined;
  try {
    const dbPath = join(dir, 'load.duckdb');
    const setupStart = performance.now();
    writeHalf(join(dir, 'base.csv'), 0);
    writeHalf(join(dir, 'more.csv'), 1);
    const base = cliJson(['ingest', join(dir, 'base.csv'), '--db', dbPath]);
    const first = cliJson(['analyze', '--db', dbPath]);
    const setupSeconds = (performance.now() - setupStart) / 1000;
    const server = (started = await startServer(dbPath, ADMIN_PASSWORD));
    const admin = await signIn(server.base, 'admin', ADMIN_PASSWORD);
    for (const user of [COORDINATOR, VIEWER]) {
      const r = await timed(server.base, admin, 'POST', '/api/users', user);
      if (r.status !== 201) throw new Error(`creating ${user.login}: ${r.status} ${r.text}`);
    }
    const meeting = await signIn(server.base, COORDINATOR.login, COORDINATOR.password);
    const viewer = await signIn(server.base, VIEWER.login, VIEWER.password);
    await refreshThemes(server.base, meeting);

    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const until = t0 + RUN_SECONDS * 1000;
    const form = new FormData();
    form.append('file', new Blob([readFileSync(join(dir, 'more.csv'))], { type: 'text/csv' }), 'more.csv');
    const job = (at: number, path: string, body: unknown) =>
      sleep(at).then(async () => {
        const ran = await runJob(server.base, meeting, path, body);
        if (ran.end.type === 'failed') surprise(`POST ${path}`, 'failed', JSON.stringify(ran.end.data));
        return ran;
      });
    const upload = job(UPLOAD_AT_MS, '/api/uploads', form);
    const analysis = job(ANALYSIS_AT_MS, '/api/analysis', {});
    const viewers = Math.floor(READERS / VIEWER_EVERY);
    await Promise.all([
      ...Array.from({ length: READERS }, (_, i) => (i < viewers ? reader(server.base, viewer, VIEWER_ROUTES, until) : reader(server.base, meeting, COORDINATOR_ROUTES, until))),
      coordinator(server.base, meeting, until),
    ]);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const [up, run] = await Promise.all([upload, analysis]);
    const peakRssMb = server.peakRssMb();
    const stopped = await server.stop();
    if (stopped !== 'code 0') surprise('server stop', stopped, '');
    const stored = await verify(dbPath);

    const all = new RouteStats();
    for (const s of state.stats.values()) all.merge(s);
    const list = state.stats.get(THEMES) as RouteStats;
    const d = state.decisions;
    const accepted = Number(up.end.data.accepted ?? NaN);
    const runCases = Number(run.end.data.cases ?? NaN);
    const errors = all.errors + d.stats.errors + [up, run].filter((j) => j.end.type !== 'done').length;
    const extra = stored.historyNotes - d.acknowledged.length;
    const lost = stored.lost + Math.max(0, d.acknowledged.length - stored.auditNotes);
    const intact = lost === 0 && extra === 0 && stored.moreStored === 1 && stored.uploads === 2 && stored.runs === 2 && stored.cases === 2 * ROWS && accepted === ROWS && runCases === 2 * ROWS;
    const [busyFrom, busyTo] = [up.startedAt, Math.min(run.endedAt, t0 + seconds * 1000)];
    const quiet = (s: RouteStats) => s.between(t0, busyFrom).merge(s.between(busyTo, Infinity));
    const quietSeconds = seconds - (busyTo - busyFrom) / 1000;
    const lines = [
      `mieruka under load — ${READERS} readers × ${fmt(RUN_SECONDS)} s on loopback, while uploading ${fmt(ROWS)} rows and analysing ${fmt(2 * ROWS)} cases, coordinator deciding every ${DECIDE_EVERY_MS} ms (Node ${process.version}, ${availableParallelism()} cores)`,
      `  readers: ${READERS - viewers} as the coordination meeting (board + theme detail), ${viewers} as viewers (board); base: ${fmt(Number(base.accepted))} cases, ${Array.isArray(first.themes) ? first.themes.length : '?'} themes, set up in ${fmt(setupSeconds, 1)} s`,
      STATS_HEADER,
      ...[...state.stats].map(([route, s]) => s.row(route, seconds)),
      all.row('all reads', seconds),
      phase(`while the upload and analysis ran, ${fmt((busyFrom - t0) / 1000, 1)}–${fmt((busyTo - t0) / 1000, 1)} s`, all.between(busyFrom, busyTo), list.between(busyFrom, busyTo), (busyTo - busyFrom) / 1000),
      ...(quietSeconds >= 1 ? [phase('the rest of the run', quiet(all), quiet(list), quietSeconds)] : []),
      `  theme detail: ${fmt(state.stats.get(DETAIL)?.gone ?? 0)} answered 404 for a theme the analysis removed (gone, not errors)`,
      `  decisions: ${fmt(d.acknowledged.length)} acknowledged, ${fmt(d.stale)} stale (retried), ${fmt(d.stats.gone)} gone, ${fmt(d.stats.errors)} errors; p50 ${fmt(d.stats.percentile(50), 1)} / p95 ${fmt(d.stats.percentile(95), 1)} / max ${fmt(d.stats.percentile(100), 1)} ms`,
      `  upload: ${fmt(Number(up.end.data.rows ?? NaN))} rows in ${fmt((up.endedAt - up.startedAt) / 1000, 1)} s (accepted ${fmt(accepted)}); analysis: ${fmt(runCases)} cases in ${fmt((run.endedAt - Math.max(run.startedAt, up.endedAt)) / 1000, 1)} s after the upload (${fmt((run.endedAt - run.startedAt) / 1000, 1)} s from its request), ${fmt(Number(run.end.data.themes ?? NaN))} themes`,
      `  lost: ${fmt(lost)} decisions (${fmt(stored.historyNotes)} notes in history, ${fmt(stored.auditNotes)} in the audit log${extra === 0 ? '' : `, ${fmt(extra)} never acknowledged`}), upload stored ${stored.moreStored} time${stored.moreStored === 1 ? '' : 's'} (${stored.uploads} uploads, ${fmt(stored.cases)} current cases), runs ${stored.runs}; server peak RSS ${fmt(peakRssMb)} MB; this load generator used ${fmt((cpu.user + cpu.system) / 1e6, 1)} s of CPU`,
      ...state.surprises.map((s) => `  unexpected: ${s}`),
      `  target: 0 errors, nothing lost, theme list p95 under ${THEME_LIST_P95_TARGET_MS} ms — ${errors === 0 && intact && list.percentile(95) < THEME_LIST_P95_TARGET_MS ? 'met' : 'NOT met'}`,
    ];
    console.log(lines.join('\n'));
    return errors === 0 && intact;
  } finally {
    await started?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = (await main()) ? 0 : 1;
