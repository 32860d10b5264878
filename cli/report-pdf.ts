import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { CouncilSettings } from '../pipelines/council/settings.ts';
import type { Database } from '../pipelines/db/database.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { createApp } from '../server/app.ts';
import { SESSION_COOKIE } from '../server/http/session-auth.ts';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from './chromium.ts';
import { HOST, WEB_ROOT } from './serve-command.ts';

/** The session the command's browser prints with lasts no longer than a print could take. */
const SESSION_MINUTES = 10;
const RENDER_TIMEOUT_MS = 120_000;
const REPORT_HASH = '#/report';
/** A refusal the command reports in one Japanese line, exit 1. */
export class PdfError extends Error {
  override name = 'PdfError';
}

/**
 * The print view as Chromium prints it on A4: the app started in this process on a loopback
 * port of the system's choosing, signed in by a viewer session that exists only in this
 * process, #/report opened headless and printed once it is drawn.
 */
export async function printReportPdf(db: Database, settings: CouncilSettings, now: Date): Promise<Uint8Array> {
  const executablePath = findChromium();
  if (!executablePath) throw new PdfError('PDF を作るには Chromium が要ります。sudo apt-get install chromium で入れてから、もう一度実行してください（または画面の「全体会の資料（印刷）」から、ブラウザーの印刷で PDF に保存できます）。');
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new PdfError('画面（dist/web）がまだ作られていません。npm run build で作ってから、もう一度実行してください。');
  const token = randomBytes(32).toString('base64url');
  const app = createApp({
    db,
    settings,
    tokenizeMany: tokenizeInProcess,
    webRoot: WEB_ROOT,
    now: () => new Date(),
    localSession: {
      token,
      user: { userId: 'mieruka-report', login: 'mieruka-report', displayName: '資料の作成（mieruka report）', role: 'viewer' },
      expiresAt: new Date(now.getTime() + SESSION_MINUTES * 60_000),
    },
  });
  const server = serve({ fetch: app.fetch, hostname: HOST, port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: HEADLESS_CHROMIUM_ARGS }).catch((error: Error) => {
    throw new PdfError(`Chromium（${executablePath}）を起動できませんでした: ${error.message.split('\n')[0]}`);
  });
  try {
    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: base, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    await page.goto(`${base}/${REPORT_HASH}`);
    await page.waitForSelector(`body[data-rendered="${REPORT_HASH}"]`, { timeout: RENDER_TIMEOUT_MS });
    // A screen that could not be drawn is one alert in place of the report.
    const failure = await page.$eval('#main', (main) => main.querySelector(':scope > p.error')?.textContent ?? null);
    if (failure) throw new PdfError(`全体会の資料を表示できませんでした: ${failure}`);
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await app.jobs.idle();
  }
}
