/**
 * The load bench's client side: the server as a child process of its own (so the load
 * generator does not share its event loop), sessions, timed requests and job events.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../cli/mieruka.mjs', import.meta.url));
const LISTENING = /http:\/\/127\.0\.0\.1:(\d+)\//;
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const HEALTH_POLL_MS = 100;
/** Enough of the server's stderr to say why it stopped. */
const STDERR_KEPT = 8_000;
const CLI_OUTPUT_BYTES = 1 << 26;

/** One finished request: its status, how long until its body was read, and the body. */
export interface Timed {
  status: number;
  ms: number;
  text: string;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export interface ServerProcess {
  base: string;
  pid: number;
  /** VmHWM of /proc/<pid>/status in MB: the server's peak resident memory so far. */
  peakRssMb(): number;
  /** SIGTERM, then waits for the exit (SIGKILL after a while); resolves to how it ended. Once only. */
  stop(): Promise<string>;
}

/** Runs a CLI command with --json and answers its one JSON object. */
export function cliJson(args: string[]): Record<string, unknown> {
  const out = execFileSync(process.execPath, [CLI, ...args, '--json'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: CLI_OUTPUT_BYTES, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out) as Record<string, unknown>;
}

/** `mieruka serve` on a free loopback port; resolves once /api/health answers. */
export async function startServer(dbPath: string, adminPassword: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', dbPath, '--port', '0'], {
    cwd: REPO_ROOT,
    env: { ...process.env, MIERUKA_ADMIN_PASSWORD: adminPassword },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
  });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  const port = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start in ${START_TIMEOUT_MS} ms:\n${stderr}`)), START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const found = LISTENING.exec(stdout);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the server stopped (${how}) before listening:\n${stderr}`));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  let stopping: Promise<string> | null = null;
  const stop = async () => {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const how = await exited;
    clearTimeout(timer);
    return how === 'code 0' ? how : `${how}; stderr:\n${stderr}`;
  };
  const server = { base, pid: child.pid ?? 0, peakRssMb: () => peakRssMb(child), stop: () => (stopping ??= stop()) };
  const deadline = performance.now() + START_TIMEOUT_MS;
  while ((await fetch(`${base}/api/health`).then((r) => r.status, () => 0)) !== 200) {
    if (performance.now() > deadline) throw new Error(`/api/health did not answer; the server ${await server.stop()}`);
    await sleep(HEALTH_POLL_MS);
  }
  return server;
}

function peakRssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Signs in; the session cookie and its CSRF token. */
export async function signIn(base: string, login: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  const body = (await res.json()) as { csrfToken?: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (res.status !== 200 || !body.csrfToken || !cookie.startsWith('mieruka_session=')) throw new Error(`sign-in as ${login} failed: ${res.status}`);
  return { cookie, csrf: body.csrfToken };
}

/** One request, its body read fully; a JSON body is sent as JSON, FormData as multipart. */
export async function timed(base: string, session: Session, method: string, path: string, body?: unknown): Promise<Timed> {
  const headers: Record<string, string> = { cookie: session.cookie };
  let payload: string | FormData | undefined;
  if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - t0, text };
}

export interface JobEnd {
  type: 'done' | 'failed';
  data: Record<string, unknown>;
}

/** Follows a job's server-sent events until its `done` or `failed`. */
export async function followJob(base: string, session: Session, jobId: string): Promise<JobEnd> {
  const res = await fetch(`${base}/api/jobs/${encodeURIComponent(jobId)}/events`, { headers: { cookie: session.cookie, accept: 'text/event-stream' } });
  if (res.status !== 200 || !res.body) throw new Error(`job ${jobId} events: ${res.status} ${await res.text()}`);
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  let buffered = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffered += decoder.decode(chunk.value, { stream: true }).replace(/\r\n/g, '\n');
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const field = (name: string) => block.split('\n').filter((l) => l.startsWith(`${name}:`)).map((l) => l.slice(name.length + 1).trimStart()).join('\n');
      const type = field('event');
      if (type === 'done' || type === 'failed') {
        await reader.cancel();
        return { type, data: JSON.parse(field('data')) as Record<string, unknown> };
      }
    }
  }
  throw new Error(`job ${jobId}: the event stream ended without done or failed`);
}

export interface JobRun {
  end: JobEnd;
  /** performance.now() when it was asked for, and when its end arrived. */
  startedAt: number;
  endedAt: number;
}

/** Starts an upload or analysis (202 and its job id) and follows it to its end. */
export async function runJob(base: string, session: Session, path: string, body: unknown): Promise<JobRun> {
  const startedAt = performance.now();
  const r = await timed(base, session, 'POST', path, body);
  const end: JobEnd =
    r.status === 202 ? await followJob(base, session, (JSON.parse(r.text) as { jobId: string }).jobId) : { type: 'failed', data: { status: r.status, body: r.text } };
  return { end, startedAt, endedAt: performance.now() };
}

const LABEL_WIDTH = 44;
const CELL_WIDTH = 8;
/** From here on characters take two columns of a terminal (CJK). */
const WIDE_FROM = 0x1100;

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pad = (text: string, width: number) => text.padEnd(width - [...text].filter((ch) => (ch.codePointAt(0) ?? 0) >= WIDE_FROM).length);
export const STATS_HEADER = `  ${pad('route', LABEL_WIDTH)}${['requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'].map((h) => h.padStart(CELL_WIDTH)).join('')}`;

/** Latencies of one route and what its answers were. */
export class RouteStats {
  readonly times: number[] = [];
  /** When each answer came (performance.now()), to tell the phases of the run apart. */
  readonly ends: number[] = [];
  errors = 0;
  /** 404s that mean the theme left the latest run: expected, not errors. */
  gone = 0;

  add(ms: number, end = performance.now()): void {
    this.times.push(ms);
    this.ends.push(end);
  }

  /** The latencies of the answers that came between `from` and `to`. */
  between(from: number, to: number): RouteStats {
    const part = new RouteStats();
    this.ends.forEach((end, i) => {
      if (end >= from && end < to) part.add(this.times[i] ?? NaN, end);
    });
    return part;
  }

  percentile(p: number): number {
    const sorted = [...this.times].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  }

  /** A line of the table under STATS_HEADER. */
  row(label: string, seconds: number): string {
    const cells = [fmt(this.times.length), fmt(this.times.length / seconds, 1), ...[50, 95, 99, 100].map((p) => fmt(this.percentile(p), 1)), fmt(this.errors)];
    return `  ${pad(label, LABEL_WIDTH)}${cells.map((c) => c.padStart(CELL_WIDTH)).join('')}`;
  }

  merge(other: RouteStats): this {
    this.times.push(...other.times);
    this.ends.push(...other.ends);
    this.errors += other.errors;
    this.gone += other.gone;
    return this;
  }
}
