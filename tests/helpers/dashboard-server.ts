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

/** A fresh page at 1280 px, signed in through the login form. */
export async function signIn(browser: Browser, base: string, login: string, options: { acceptDownloads?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(base);
  await page.fill('#login', login);
  await page.fill('#password', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('nav a[data-screen]');
  return page;
}

/** The page's cookie, for asking the API what the page should show. */
export async function apiAs(page: Page, base: string, path: string): Promise<unknown> {
  const cookies = await page.context().cookies();
  const res = await fetch(`${base}${path}`, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
  return res.json();
}
