// The secretariat switches the council from the settings screen, in Chromium.
import { join } from 'node:path';
import type { ServerType } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCouncilSettings, presetPath } from '../pipelines/council/settings.ts';
import { storedSettings } from '../server/settings/stored-settings.ts';
import { launchChromium } from './helpers/browser.ts';
import { apiAs, openHash, SCREENSHOTS, serveDashboard, signIn } from './helpers/dashboard-server.ts';
import { tempDatabase, type TempDatabase } from './helpers/temp-db.ts';
import { TEST_PASSWORD } from './setup/db-templates.ts';

const KISARAZU = ['就労生活支援部会', 'こども部会', '権利擁護部会', '居住支援部会', '安心安全部会', '啓発交流部会'];

let temp: TempDatabase;
let browser: Browser;
let server: ServerType;
let base: string;

beforeAll(async () => {
  temp = await tempDatabase('demo');
  ({ base, server } = await serveDashboard(temp.db, await loadCouncilSettings(presetPath('kamakura'))));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await browser?.close();
  await temp?.close();
});

describe('the settings screen in Chromium', () => {
  it('says what a switch replaces, asks for a check, then switches to 木更津 and analyses again so the proposals follow its subcommittees', async () => {
    const page = await signIn(browser, base, 'secretariat', { password: TEST_PASSWORD });
    await openHash(page, base, '#/settings');
    expect(await page.getAttribute('[data-current-council]', 'data-current-council')).toBe('鎌倉市障害者支援協議会');
    expect(await page.textContent('[data-switch-warning]')).toContain('専門部会とその所掌の語');
    const button = page.locator('button[data-switch-council]');
    expect(await button.isDisabled()).toBe(true);
    await page.check('#council-kisarazu');
    expect(await button.isDisabled()).toBe(true);
    await page.check('#switch-understood');
    expect(await button.isDisabled()).toBe(false);
    await button.click();
    await page.waitForSelector('[data-switch-status][data-switched="木更津市地域自立支援協議会"]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-current-council]', 'data-current-council')).toBe('木更津市地域自立支援協議会');
    expect(await page.$$eval('.current-council tbody tr td:first-child', (cells) => cells.map((c) => c.textContent))).toEqual(KISARAZU);
    expect(await button.isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'settings-council-switch.png'), fullPage: true });

    expect((await temp.db.read(storedSettings))?.name).toBe('木更津市地域自立支援協議会');
    const { themes } = (await apiAs(page, base, '/api/themes')) as { themes: Array<{ suggested_subcommittee: string | null }> };
    const proposed = themes.map((t) => t.suggested_subcommittee).filter((s): s is string => s !== null);
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.filter((s) => !KISARAZU.includes(s))).toEqual([]);
    await page.close();
  });

  it('is the secretariat\'s alone', async () => {
    const page = await signIn(browser, base, 'coordinator', { password: TEST_PASSWORD });
    expect(await page.$$eval('nav a[data-screen]', (links) => links.map((a) => a.getAttribute('data-screen')))).not.toContain('settings');
    await page.close();
  });
});
