import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../fixtures/generator/generate.ts';
import { renderCsv } from '../fixtures/generator/write-csv.ts';
import { openDatabase } from '../pipelines/db/database.ts';
import { launchChromium } from './helpers/browser.ts';
import { SCREENSHOTS } from './helpers/dashboard-server.ts';
import { startServe, type ServeProcess } from './helpers/serve-process.ts';
import { queryRows, tempDatabase, type TempDatabase } from './helpers/temp-db.ts';
import { INTERRUPTED_UPLOAD } from '../server/jobs/job-store.ts';
import { TEST_PASSWORD } from './setup/db-templates.ts';

/** Enough rows that the upload is still being checked when the server is killed. */
const ROWS = 12_000;

let temp: TempDatabase;
let browser: Browser;
const servers: ServeProcess[] = [];

beforeAll(async () => {
  temp = await tempDatabase('demo');
  await temp.db.close();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.kill()));
  temp?.dir.remove();
});

const serve = async (port: string) => {
  const server = await startServe({ MIERUKA_DB: temp.dir.path('mieruka.duckdb'), PORT: port });
  servers.push(server);
  return server;
};

describe('the dashboard when the server restarts during an upload', () => {
  it('tells the person that the upload was cut short, stores nothing of it, and takes the same file again', async () => {
    const file = temp.dir.path('many.csv');
    const cases = [...generateCases({ rows: ROWS, seed: 41 })].map((c) => ({ ...c, record: { ...c.record, 記録ID: c.record.記録ID.replace('K-', 'R-') } }));
    writeFileSync(file, renderCsv(cases, 'utf-8').csv);
    const first = await serve('0');
    const port = new URL(first.url).port;

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(first.url);
    await page.fill('#login', 'secretariat');
    await page.fill('#password', TEST_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('nav a[data-screen]');
    await page.goto(`${first.url}/#/upload`);
    const accepted = page.waitForResponse((r) => r.url().endsWith('/api/uploads') && r.request().method() === 'POST');
    await page.setInputFiles('#csv-file', file);
    const { jobId } = (await (await accepted).json()) as { jobId: string };
    await page.waitForFunction(() => /中…/.test(document.querySelector('#upload-stage')?.textContent ?? ''));

    await first.kill();
    const second = await serve(port);
    await page.waitForSelector('[data-retry-upload]', { timeout: 30_000 });
    expect(await page.textContent('#upload-stage')).toBe(INTERRUPTED_UPLOAD);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, '11-upload-interrupted.png'), fullPage: true });
    const told = (await (await page.request.get(`${second.url}/api/jobs/${jobId}`)).json()) as { state: string; end: { type: string; data: { code: string; retry: boolean } } };
    expect(told).toMatchObject({ state: 'failed', end: { type: 'failed', data: { code: 'interrupted', message: INTERRUPTED_UPLOAD, retry: true } } });

    await page.click('[data-retry-upload]');
    await page.waitForFunction(() => document.querySelector('#upload-stage')?.textContent === '完了しました。', undefined, { timeout: 45_000 });
    expect(await page.textContent('.upload-report h3')).toBe(`many.csv: ${ROWS} 件のうち 取り込み ${ROWS} 件、省略 0 件、取り込めなかった行 0 件`);
    await page.close();

    expect(await second.stop()).toBe(0);
    const db = await openDatabase(temp.dir.path('mieruka.duckdb'));
    try {
      expect(await queryRows(db, "SELECT count(*)::INTEGER AS n FROM uploads WHERE file_name = 'many.csv'")).toEqual([{ n: 1 }]);
      expect(await queryRows(db, "SELECT count(*)::INTEGER AS n FROM current_cases WHERE record_id LIKE 'R-%'")).toEqual([{ n: ROWS }]);
      expect(await queryRows(db, 'SELECT state, error_code FROM jobs WHERE job_id = $1', [jobId])).toEqual([{ state: 'failed', error_code: 'interrupted' }]);
    } finally {
      await db.close();
    }
  });
});
