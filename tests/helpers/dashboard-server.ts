import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import type { CouncilSettings } from '../../pipelines/council/settings.ts';
import type { Database } from '../../pipelines/db/database.ts';
import { tokenizeInProcess } from '../../pipelines/text/tokenize-in-process.ts';
import { createApp } from '../../server/app.ts';

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));
/** Screenshots of each view, for the closing note; not committed. */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-output/screenshots', import.meta.url));
export const PASSWORD = 'a long enough pass';

/** Serves the dashboard (built by tests/setup/dashboard-build.ts) with the API over `db` on a loopback port. */
export async function serveDashboard(db: Database, settings: CouncilSettings): Promise<{ base: string; server: ServerType }> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const app = createApp({ db, settings, tokenizeMany: tokenizeInProcess, webRoot: WEB_ROOT });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** A fresh page at 1280 px, signed in through the login form (with the prepared databases' password when given). */
export async function signIn(browser: Browser, base: string, login: string, options: { acceptDownloads?: boolean; password?: string } = {}): Promise<Page> {
  const { password = PASSWORD, ...pageOptions } = options;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...pageOptions });
  await page.goto(base);
  await page.fill('#login', login);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('nav a[data-screen]');
  return page;
}

/** Opens the dashboard at `hash` and waits until that route is drawn. */
export async function openHash(page: Page, base: string, hash: string): Promise<void> {
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector(`body[data-rendered="${hash}"]`);
}

/** The page's cookie, for asking the API what the page should show. */
export async function apiAs(page: Page, base: string, path: string): Promise<unknown> {
  const cookies = await page.context().cookies();
  const res = await fetch(`${base}${path}`, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
  return res.json();
}

export interface ApiClient {
  get(path: string): Promise<unknown>;
  post(path: string, body: unknown): Promise<unknown>;
  /** Uploads a CSV and waits until it is stored. */
  upload(csv: string): Promise<unknown>;
  /** Runs an analysis and waits until it is stored. */
  analyse(): Promise<unknown>;
}

/** A signed-in user's API, for setting the scene of a test without the screens it is not about. */
export async function apiClient(base: string, login: string): Promise<ApiClient> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in as ${login}: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const send = async (path: string, init: RequestInit) => {
    const answer = await fetch(`${base}${path}`, { ...init, headers: { cookie, 'x-csrf-token': csrfToken, ...(init.headers as Record<string, string> | undefined) } });
    if (!answer.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${answer.status} ${await answer.text()}`);
    return answer.json() as Promise<unknown>;
  };
  const finished = async (jobId: string) => {
    const events = await (await fetch(`${base}/api/jobs/${jobId}/events`, { headers: { cookie } })).text();
    if (!/^event: done$/m.test(events)) throw new Error(`job ${jobId} did not finish: ${events.slice(-300)}`);
  };
  return {
    get: (path) => send(path, {}),
    post: (path, body) => send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    async upload(csv) {
      const form = new FormData();
      form.set('file', new File([csv], 'cases.csv', { type: 'text/csv' }));
      const { jobId } = (await send('/api/uploads', { method: 'POST', body: form })) as { jobId: string };
      return finished(jobId);
    },
    async analyse() {
      const { jobId } = (await send('/api/analysis', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })) as { jobId: string };
      return finished(jobId);
    },
  };
}
