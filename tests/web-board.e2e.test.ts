import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { analyze } from '../pipelines/themes/analyze.ts';
import { CHOSEN_METHOD } from '../pipelines/themes/chosen-method.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { createUser } from '../server/accounts/accounts.ts';
import { createApp } from '../server/app.ts';
import { launchChromium } from './helpers/browser.ts';
import { caseCsv, caseRow } from './helpers/case-csv.ts';
import { tempDatabase } from './helpers/temp-db.ts';

const WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url));
let temp: Awaited<ReturnType<typeof tempDatabase>>;
let server: ServerType;
let base: string;
let browser: Browser;

beforeAll(async () => {
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
  temp = await tempDatabase();
  const now = new Date('2026-11-21T09:00:00Z');
  await ingestFile(temp.db, readFileSync(new URL('../fixtures/demo.csv', import.meta.url)), { fileName: 'demo.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany: tokenizeInProcess, now });
  await analyze(temp.db, { settings: DEFAULT_COUNCIL, tokenizeMany: tokenizeInProcess, method: CHOSEN_METHOD, now });
  await temp.db.connection.run("INSERT INTO app_flags VALUES ('demo', 'true')");
  await temp.db.connection.run("UPDATE themes SET council_name = '<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>' WHERE theme_id = 'T-0002'");
  await createUser(temp.db, { login: 'meeting', displayName: '調整会議', role: 'coordinator', password: 'a long enough pass' }, now);
  await createUser(temp.db, { login: 'worker', displayName: '相談員A', role: 'staff', password: 'a long enough pass' }, now);
  const app = createApp({ db: temp.db, settings: DEFAULT_COUNCIL, tokenizeMany: tokenizeInProcess, webRoot: WEB_ROOT });
  server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

/** A fresh page, signed in through the login form. */
async function signIn(login: string, options: { acceptDownloads?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage(options);
  await page.goto(base);
  await page.fill('#login', login);
  await page.fill('#password', 'a long enough pass');
  await page.click('button[type=submit]');
  return page;
}

afterAll(async () => {
  await browser?.close();
  server?.close();
  temp?.close();
});

describe('the dashboard in Chromium', () => {
  it('signs in, shows the demo banner and the ranked theme board, and keeps stored markup inert', async () => {
    const page = await signIn('meeting');
    await page.waitForSelector('table.board tbody tr');
    expect(await page.textContent('#demo-banner')).toBe('デモデータ：架空の事例を表示しています');
    expect(await page.isVisible('#demo-banner')).toBe(true);
    expect(await page.textContent('#who')).toBe('調整会議（調整会議・運営会議）');
    const ids = await page.$$eval('table.board tbody tr td:nth-child(2)', (cells) => cells.map((c) => c.textContent));
    expect(ids[0]).toBe('T-0001');
    const names = await page.$$eval('table.board tbody tr td:nth-child(3)', (cells) => cells.map((c) => c.textContent));
    expect(names).toContain('<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });
});

describe('the upload screen in Chromium', () => {
  it('uploads a CSV with faulty rows and shows the report: refused rows with line and reason, masked information by kind only', async () => {
    const page = await signIn('worker');
    await page.click('button[data-screen=upload]');
    const csv = caseCsv([caseRow('W-1'), caseRow('W-2', { 会議日: '2024/13/40' }), caseRow('W-3', { 相談内容: '連絡先は090-1234-5678です。' })]);
    await page.setInputFiles('#csv-file', { name: 'faulty.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => document.getElementById('upload-stage')?.textContent === '完了しました。');
    expect(await page.textContent('.upload-report h3')).toBe('faulty.csv: 3 件のうち 取り込み 2 件、省略 0 件、取り込めなかった行 1 件');
    const refused = await page.$$eval('.upload-report table:first-of-type tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(refused.map((r) => r.slice(0, 3))).toEqual([['3', 'W-2', '会議日']]);
    expect(await page.textContent('#upload-result')).toContain('電話番号');
    expect(await page.textContent('body')).not.toContain('090-1234-5678');
    await page.close();
  });
});

describe('the theme detail in Chromium', () => {
  it('opens a theme from the board with its monthly chart, adopts it, and keeps the decision after a reload', async () => {
    const page = await signIn('meeting');
    await page.click('button[data-theme="T-0003"]');
    await page.waitForSelector('svg[role=img] rect[data-cases]');
    const bars = await page.$$eval('svg[role=img] rect[data-cases]', (rects) => rects.map((r) => Number(r.getAttribute('data-cases'))));
    const caseLine = await page.textContent('main p');
    expect(caseLine).toMatch(/^状態: 候補　事例 \d+ 件　専門部会: /);
    expect(bars.reduce((a, b) => a + b, 0)).toBe(Number(/事例 (\d+) 件/.exec(caseLine ?? '')?.[1]));
    expect(await page.textContent('svg[role=img] text:last-of-type')).toBe('出典: mieruka（個別支援会議の記録から集計）');
    await page.click('button[data-action=adopt]');
    await page.waitForFunction(() => document.querySelector('main p')?.textContent?.startsWith('状態: 採択'));
    await page.reload();
    await page.click('button[data-theme="T-0003"]');
    await page.waitForFunction(() => document.querySelector('main p')?.textContent?.startsWith('状態: 採択'));
    expect(await page.$$eval('main ol:last-of-type li', (items) => items.map((li) => li.textContent?.endsWith('adopt')))).toEqual([true]);
    await page.close();
  });
});

describe('plenary charts in Chromium', () => {
  it('saves a theme\'s monthly chart as SVG and as a print-resolution PNG', async () => {
    const page = await signIn('meeting', { acceptDownloads: true });
    await page.click('button[data-theme="T-0001"]');
    await page.waitForSelector('svg[role=img] rect[data-cases]');
    const save = async (kind: 'svg' | 'png') => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-export=${kind}]`)]);
      expect(download.suggestedFilename()).toBe(`T-0001-monthly.${kind}`);
      return readFileSync((await download.path()) as string);
    };
    const svg = (await save('svg')).toString('utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg width="640" height="220"')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('：月別の事例数（');
    expect(svg).toContain('出典: mieruka（個別支援会議の記録から集計）');
    const png = await save('png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640 * 3, 220 * 3]);
    await page.close();
  });
});

describe('board filters in Chromium', () => {
  it('narrows the board by age band and period, as the API does', async () => {
    const page = await signIn('meeting');
    await page.waitForSelector('table.board tbody tr');
    const rows = () => page.$$eval('table.board tbody tr', (trs) => trs.length);
    const all = await rows();
    await page.selectOption('select[data-filter=ageBand]', '18歳未満');
    await page.waitForFunction((n) => document.querySelectorAll('table.board tbody tr').length < n, all);
    const children = await rows();
    const cookies = await page.context().cookies();
    const viaApi = await fetch(`${base}/api/themes?ageBand=${encodeURIComponent('18歳未満')}`, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(children).toBe(((await viaApi.json()) as { themes: unknown[] }).themes.length);
    await page.fill('input[data-filter=from]', '2099-01');
    await page.dispatchEvent('input[data-filter=from]', 'change');
    await page.waitForSelector('text=条件に合うテーマはありません。');
    await page.close();
  });
});
