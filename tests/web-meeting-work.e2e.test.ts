// The meeting's own work in Chromium: correcting the themes, the council's categories, its meetings.
import { join } from 'node:path';
import type { ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCouncilSettings, presetPath } from '../pipelines/council/settings.ts';
import { openDatabase, type Database } from '../pipelines/db/database.ts';
import { launchChromium } from './helpers/browser.ts';
import { openHash, SCREENSHOTS, serveDashboard, signIn as signInAs } from './helpers/dashboard-server.ts';
import { runCli } from './helpers/run-cli.ts';
import { queryRows, tempDatabase, type TempDatabase } from './helpers/temp-db.ts';
import { TEST_PASSWORD } from './setup/db-templates.ts';

let temp: TempDatabase;
let browser: Browser;
let db: Database | null = null;
let server: ServerType | null = null;

beforeAll(async () => {
  temp = await tempDatabase('demo');
  await temp.db.close();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await stop();
  await browser?.close();
  temp?.dir.remove();
});

const file = () => temp.dir.path('mieruka.duckdb');
async function start(): Promise<string> {
  db = await openDatabase(file());
  const served = await serveDashboard(db, await loadCouncilSettings(presetPath('kisarazu')));
  server = served.server;
  return served.base;
}
async function stop(): Promise<void> {
  if (server) await new Promise((resolve) => server?.close(resolve));
  if (db) await db.close();
  [server, db] = [null, null];
}

const signIn = (base: string, login: string) => signInAs(browser, base, login, { password: TEST_PASSWORD });
const open = openHash;
const latestRun = `(SELECT run_id FROM analysis_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1)`;
const themeOf = async (recordId: string) => String((await queryRows(db as Database, `SELECT theme_id FROM theme_members WHERE run_id = ${latestRun} AND record_id = $1`, [recordId]))[0]?.theme_id ?? 'none');
const rowsOf = (page: Page, table: string) => page.$$eval(`table[data-cases=${table}] tbody tr`, (rows) => rows.map((r) => r.getAttribute('data-case-row')));

describe('the meeting corrects the themes in Chromium', () => {
  it('moves and takes out cases from a theme\'s review list, and the corrections survive `mieruka analyze --full` until undone', async () => {
    let base = await start();
    let page = await signIn(base, 'coordinator');
    await open(page, base, '#/themes/T-0003');
    const [moved, out] = (await rowsOf(page, 'check')) as [string, string];
    const to = await page.$eval(`table[data-cases=check] select[data-move-target="${moved}"]`, (s) => (s as HTMLSelectElement).value);
    expect(to).toMatch(/^T-\d{4}$/);
    await page.click(`table[data-cases=check] button[data-correct=move][data-record="${moved}"]`);
    await page.waitForFunction((id) => !document.querySelector(`table[data-cases=all] tr[data-case-row="${id}"]`), moved);
    await page.click(`table[data-cases=check] button[data-correct=take_out][data-record="${out}"]`);
    await page.waitForFunction((id) => !document.querySelector(`table[data-cases=all] tr[data-case-row="${id}"]`), out);
    expect([await themeOf(moved), await themeOf(out)]).toEqual([to, 'none']);
    await page.screenshot({ path: join(SCREENSHOTS, '20-theme-review-cases.png'), fullPage: true });
    await page.close();
    await stop();

    const full = await runCli(['analyze', '--full', '--db', file()]);
    expect(full.code).toBe(0);

    base = await start();
    page = await signIn(base, 'coordinator');
    expect(await themeOf(moved)).toBe(to);
    await open(page, base, `#/themes/${to}`);
    expect(await page.$eval(`table[data-cases=all] tr[data-case-row="${moved}"]`, (tr) => tr.textContent)).toContain('会議で確定');
    await open(page, base, '#/review');
    expect(await rowsOf(page, 'individual')).toContain(out);
    expect(await page.$$eval('table.corrections tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(2, 5).map((td) => td.textContent)))).toEqual([
      ['個別の事情へ（地域課題から外す）', 'T-0003', out],
      ['事例の移動', `T-0003 → ${to}`, moved],
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, '21-review.png'), fullPage: true });
    await page.click('button[data-undo="1"]');
    await page.waitForFunction(() => document.querySelector('table.corrections tbody tr:last-child td:last-child')?.textContent?.startsWith('取り消し済み'));
    // Back where it was, or unassigned when the full re-analysis did not find that theme again.
    const stillThere = (await queryRows(db as Database, `SELECT 1 FROM theme_snapshots WHERE run_id = ${latestRun} AND theme_id = 'T-0003'`)).length === 1;
    expect(await themeOf(moved)).toBe(stillThere ? 'T-0003' : 'none');
    await page.close();
  });

  it('lets the secretariat write the council\'s categories in the dashboard', async () => {
    const base = await start();
    const page = await signIn(base, 'secretariat');
    await open(page, base, '#/categories');
    await page.click('button[data-add-category]');
    const row = 'fieldset[data-category]:last-of-type';
    await page.fill(`${row} [name=name]`, '移動手段');
    await page.fill(`${row} [name=description]`, '通所や通院の足がない。');
    await page.fill(`${row} [name=examples]`, '送迎がない\nバスが少ない');
    await page.click('button[data-save-categories]');
    await page.waitForFunction(() => document.querySelector('[data-categories-status]')?.textContent === '1 件の分類を保存しました。次の分析から使われます。');
    await page.click('button[data-add-category]');
    await page.click('button[data-save-categories]');
    await page.waitForFunction(() => document.querySelector('[data-categories-status]')?.textContent?.includes('categories[1].name'));
    const stored = await queryRows(db as Database, 'SELECT settings FROM council_settings');
    expect(JSON.parse(String(stored.at(-1)?.settings)).categories).toEqual([{ name: '移動手段', description: '通所や通院の足がない。', examples: ['送迎がない', 'バスが少ない'] }]);
    await page.screenshot({ path: join(SCREENSHOTS, '22-categories.png'), fullPage: true });
    await page.close();
    await stop();
  });
});

describe('the council\'s meetings in Chromium', () => {
  it('records a meeting, puts a theme on its agenda, and a decision taken from the agenda is that meeting\'s', async () => {
    const base = await start();
    const page = await signIn(base, 'coordinator');
    await open(page, base, '#/meetings');
    await page.selectOption('select[name=kind]', '調整会議');
    await page.fill('input[name=heldOn]', '2025-06-12');
    await page.fill('input[name=title]', '第1回 調整会議');
    await page.click('button[data-create-meeting]');
    await page.waitForSelector('body[data-rendered="#/meetings/M-0001"]');
    await page.selectOption('select[name=theme]', 'T-0002');
    await page.fill('input[name=question]', '採択するか');
    await page.click('button[data-add-item]');
    await page.waitForSelector('a[data-agenda-theme="T-0002"]');
    await page.click('a[data-agenda-theme="T-0002"]');
    await page.waitForSelector('[data-in-meeting="M-0001"]');
    await page.click('button[data-action=adopt]');
    await page.waitForFunction(() => document.querySelector('p.theme-facts')?.textContent?.startsWith('状態: 採択'));
    expect(await page.$$eval('section.history tbody tr:last-child td', (tds) => tds.map((td) => td.textContent))).toEqual([expect.any(String), '採択', '→ 採択', 'coordinator', '2025-06-12 調整会議']);
    await open(page, base, '#/meetings/M-0001');
    expect(await page.$$eval('table.minutes tbody tr td', (tds) => tds.slice(1, 3).map((td) => td.textContent))).toEqual([expect.stringMatching(/^T-0002 /), '採択']);
    await page.screenshot({ path: join(SCREENSHOTS, '23-meeting.png'), fullPage: true });
    await page.click('a[data-pack-link]');
    await page.waitForSelector('body[data-rendered="#/meetings/M-0001?pack=1"]');
    expect(await page.$$eval('section[data-pack-theme]', (ss) => ss.map((s) => s.getAttribute('data-pack-theme')))).toEqual(['T-0002']);
    expect(await page.textContent('section[data-pack-theme] p.question')).toBe('決めること: 採択するか');
    expect(await page.$$eval('section[data-pack-theme] ul.excerpts li', (lis) => lis.length)).toBe(3);
    await page.screenshot({ path: join(SCREENSHOTS, '24-meeting-pack-internal.png'), fullPage: true });

    // The plenary's pack: published figures, no excerpt.
    await open(page, base, '#/meetings');
    await page.selectOption('select[name=kind]', '全体会');
    await page.fill('input[name=heldOn]', '2025-09-01');
    await page.click('button[data-create-meeting]');
    await page.waitForSelector('body[data-rendered="#/meetings/M-0002"]');
    await page.selectOption('select[name=theme]', 'T-0002');
    await page.click('button[data-add-item]');
    await page.waitForSelector('a[data-agenda-theme="T-0002"]');
    await open(page, base, '#/meetings/M-0002?pack=1');
    expect(await page.$('ul.excerpts')).toBeNull();
    expect(await page.textContent('p.pack-audience')).toBe('公開資料：少数の件数は X（非表示）、事例の抜粋は載せていません。');
    const counts = await page.$$eval('section[data-pack-theme] table tbody td', (tds) => tds.slice(0, 4).map((td) => td.textContent));
    for (const count of counts) expect(count === 'X' || count === '0' || Number(count) >= 10).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, '25-meeting-pack-plenary.png'), fullPage: true });
    await page.close();
    await stop();
  });

  it('keeps a referred theme\'s plan and progress, and the subcommittee\'s board shows what is late', async () => {
    const base = await start();
    const page = await signIn(base, 'coordinator');
    await open(page, base, '#/themes/T-0001');
    await page.click('button[data-action=adopt]');
    await page.waitForFunction(() => document.querySelector('p.theme-facts')?.textContent?.startsWith('状態: 採択'));
    await page.click('button[data-action=refer]');
    await page.selectOption('select[name=subcommittee]', '居住支援部会');
    await page.click('button[data-confirm]');
    await page.waitForSelector('section[data-theme-plan="T-0001"]');
    await page.fill('section[data-theme-plan] input[name=studies]', '空き状況と待機者の調査');
    await page.fill('section[data-theme-plan] input[name=due]', '2026-10-31');
    await page.fill('section[data-theme-plan] input[name=nextReport]', '2026-09-30');
    await page.click('button[data-save-plan]');
    // The page is drawn again once the plan is stored: wait for that before writing the note.
    await page.waitForSelector('section[data-theme-plan] p.plan-updated');
    expect(await page.inputValue('section[data-theme-plan] input[name=due]')).toBe('2026-10-31');
    await page.fill('section[data-theme-plan] input[name=notedOn]', '2026-08-20');
    await page.fill('section[data-theme-plan] input[name=text]', '事業所アンケートを配布した');
    await page.click('button[data-add-progress]');
    await page.waitForSelector('table.progress tbody tr');
    await open(page, base, `#/progress?subcommittee=${encodeURIComponent('居住支援部会')}`);
    const row = await page.$$eval('tr[data-progress-row="T-0001"] td', (tds) => tds.map((td) => td.textContent));
    expect(row.slice(1)).toEqual(['部会へ依頼', '空き状況と待機者の調査', '2026-10-31', '2026-09-30', '2026-08-20 事業所アンケートを配布した', '0', expect.stringMatching(/期限切れ|報告遅れ/)]);
    await page.screenshot({ path: join(SCREENSHOTS, '26-progress-board.png'), fullPage: true });
    await page.close();
    await stop();
  });

  it('loads the city\'s plan, links a theme to an item, and the annual report lists it under the item', async () => {
    const base = await start();
    const page = await signIn(base, 'secretariat');
    await open(page, base, '#/plan');
    await page.setInputFiles('#plan-file', { name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff番号,項目\r\n1-1,地域生活支援拠点等の整備\r\n2-3,グループホームの確保\r\n') });
    await page.waitForFunction(() => document.querySelector('[data-plan-status]')?.textContent === '2 項目を読み込みました。');
    await page.waitForSelector('tr[data-plan-item="2-3"]');
    await open(page, base, '#/themes/T-0002');
    await page.check('input[data-plan-number="2-3"]');
    await page.waitForFunction(() => document.querySelector('[data-plan-links-status]')?.textContent === '保存しました。');
    await open(page, base, '#/plan');
    expect(await page.$$eval('tr[data-plan-item="2-3"] td', (tds) => tds.map((td) => td.textContent).slice(0, 3))).toEqual(['2-3', 'グループホームの確保', expect.stringMatching(/^T-0002 /)]);
    expect(await page.$$eval('tr[data-plan-item="1-1"] td', (tds) => tds.map((td) => td.textContent).slice(2, 3))).toEqual(['（まだテーマはありません）']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1280);
    await page.screenshot({ path: join(SCREENSHOTS, '27-annual-report.png'), fullPage: true });
    await page.close();
    await stop();
  });

  it('takes an issue raised by a related body to the board, and the body sees it merged into a theme', async () => {
    const base = await start();
    const body = await signIn(base, 'staff');
    await body.waitForSelector('body[data-rendered]');
    await body.fill('form.issue-form [name=raisedBy]', '相談支援事業所連絡会');
    await body.fill('form.issue-form [name=title]', '夜間の相談先がない');
    await body.fill('form.issue-form [name=description]', '夜間に緊急の相談を受けられる所がない。');
    await body.click('button[data-raise-issue]');
    await body.waitForSelector('article[data-feedback-issue="I-0001"]');
    expect(await body.textContent('article[data-feedback-issue="I-0001"] p.standing')).toBe('まだ調整会議で扱われていません。');
    const meeting = await signIn(base, 'coordinator');
    await open(meeting, base, '#/board');
    const into = await meeting.$eval('select[data-issue-into="I-0001"]', (s) => (s as HTMLSelectElement).value);
    await meeting.click('button[data-issue-merge="I-0001"]');
    await meeting.waitForFunction((id) => document.querySelector('tr[data-issue-row="I-0001"] td:last-child')?.textContent === `→ ${id}`, into);
    const status = String((await queryRows(db as Database, 'SELECT status FROM themes WHERE theme_id = $1', [into]))[0]?.status);
    await meeting.screenshot({ path: join(SCREENSHOTS, '28-raised-issues.png'), fullPage: true });
    await body.reload();
    await body.waitForSelector('article[data-feedback-issue="I-0001"]');
    expect(await body.textContent('article[data-feedback-issue="I-0001"] p.standing')).toMatch(new RegExp(`^テーマ ${into}「.+」に統合されました（いまの状態: ${status}）。$`));
    await body.close();
    await meeting.close();
    await stop();
  });
});
