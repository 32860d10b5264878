import { join } from 'node:path';
import type { ServerType } from '@hono/node-server';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { TEST_PASSWORD } from './setup/db-templates.ts';
import { launchChromium } from './helpers/browser.ts';
import { SCREENSHOTS, serveDashboard, signIn } from './helpers/dashboard-server.ts';
import { queryRows, tempDatabase, type TempDatabase } from './helpers/temp-db.ts';

let browser: Browser;
let temp: TempDatabase;
let server: ServerType;
let base: string;

beforeAll(async () => {
  temp = await tempDatabase('accounts');
  ({ base, server } = await serveDashboard(temp.db, { ...DEFAULT_COUNCIL, headerAliases: {} }));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
  await temp.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Another system's export, in Shift_JIS: its own column names, 区域 among them, which no built-in name guesses. */
const HEADERS = 'ケースNo,開催日,区域,障がい種別,年代,相談の内容,問題点,メモ欄';
const exportFile = (name: string, rows: string[]) => ({ name, mimeType: 'text/csv', buffer: iconv.encode([HEADERS, ...rows].join('\r\n'), 'cp932') });
const FIRST = exportFile('other.csv', [
  'C-1,2024/4/12,北部,知的,30-39,母の携帯090-1234-5678に連絡した。グループホームの空きがない。,グループホームが足りない。,',
  'C-2,2024/4/13,南部,身体,65以上,送迎がない。,通所の足がない。,次回確認',
]);
const SECOND = exportFile('next.csv', ['C-3,2024/5/1,東部,精神,40-49,日中の居場所がない。,通える場所が少ない。,']);

const selected = (page: Page) => page.$$eval('select[data-mapping]', (selects) => selects.map((s) => [s.getAttribute('data-mapping'), (s as HTMLSelectElement).value]));
const previewColumn = (page: Page, index: number) =>
  page.$$eval('#mapping-preview tbody tr', (rows, i) => rows.map((r) => r.querySelectorAll('td')[i]?.textContent ?? null), index);
const AREA = 3;

describe('the upload screen maps another export\'s columns', () => {
  it('guesses the mapping, redraws the preview when a column is chosen, saves it for the secretariat, and takes the next file without asking', async () => {
    const page = await signIn(browser, base, 'secretariat', { password: TEST_PASSWORD });
    await page.click('nav a[data-screen=upload]');
    await page.waitForSelector('#past-uploads');

    await page.setInputFiles('#csv-file', FIRST);
    await page.waitForSelector('#upload-mapping');
    expect(await selected(page)).toEqual([
      ['記録ID', 'ケースNo'],
      ['会議日', '開催日'],
      ['事業所コード', ''],
      ['地区', ''],
      ['障害種別', '障がい種別'],
      ['年齢層', '年代'],
      ['相談内容', '相談の内容'],
      ['課題', '問題点'],
      ['対応・支援内容', ''],
      ['地域課題メモ', ''],
    ]);
    expect(await previewColumn(page, 0)).toEqual(['C-1', 'C-2']);
    expect(await previewColumn(page, AREA)).toEqual(['', '']);
    expect(await page.textContent('#mapping-preview')).not.toContain('090-1234-5678');
    expect(await page.textContent('#mapping-preview')).toContain('母の携帯［電話番号］に連絡した。');

    const drawn = Number(await page.getAttribute('#mapping-preview', 'data-drawn'));
    await page.selectOption('select[data-mapping="地区"]', '区域');
    await page.waitForSelector(`#mapping-preview[data-drawn="${drawn + 1}"]`);
    expect(await previewColumn(page, AREA)).toEqual(['北部', '南部']);
    expect(await page.isEnabled('#mapping-upload')).toBe(true);
    await shot(page, '30-upload-mapping');

    await page.click('#mapping-upload');
    await page.waitForFunction(() => document.getElementById('upload-stage')?.textContent === '完了しました。');
    expect(await page.textContent('.upload-report h3')).toBe('other.csv: 2 件のうち 取り込み 2 件、省略 0 件、取り込めなかった行 0 件');
    expect(await page.$$('#upload-mapping')).toHaveLength(0);
    // The list of past uploads is redrawn after the report: the next file goes in after it.
    await page.waitForFunction(() => document.querySelectorAll('#past-uploads tbody tr').length === 1);

    await page.setInputFiles('#csv-file', SECOND);
    await page.waitForFunction(() => document.querySelector('.upload-report h3')?.textContent?.startsWith('next.csv') === true);
    expect(await page.textContent('.upload-report h3')).toBe('next.csv: 1 件のうち 取り込み 1 件、省略 0 件、取り込めなかった行 0 件');
    expect(await page.$$('#upload-mapping')).toHaveLength(0);
    await page.waitForFunction(() => document.querySelectorAll('#past-uploads tbody tr').length === 2);
    await shot(page, '31-upload-after-mapping-saved');

    expect(await queryRows(temp.db, 'SELECT record_id, area, consultation FROM cases ORDER BY record_id')).toEqual([
      { record_id: 'C-1', area: '北部', consultation: '母の携帯［電話番号］に連絡した。グループホームの空きがない。' },
      { record_id: 'C-2', area: '南部', consultation: '送迎がない。' },
      { record_id: 'C-3', area: '東部', consultation: '日中の居場所がない。' },
    ]);
    await page.close();
  });
});
