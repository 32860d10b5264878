// Both seed councils end to end in Chromium: case records uploaded, analysed, a theme through
// its meetings, a subcommittee's plan and report, to the plenary — with the feedback reaching
// the case worker and, in Kamakura, the related body that raised the same wall.
import { join } from 'node:path';
import type { ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCouncilSettings, presetPath } from '../pipelines/council/settings.ts';
import type { Database } from '../pipelines/db/database.ts';
import { createUser } from '../server/accounts/accounts.ts';
import { launchChromium } from './helpers/browser.ts';
import { openHash, SCREENSHOTS, serveDashboard, signIn as signInAs } from './helpers/dashboard-server.ts';
import { tempDatabase } from './helpers/temp-db.ts';
import { TEST_HASHER, TEST_NOW, TEST_PASSWORD } from './setup/db-templates.ts';

const DEMO = join(import.meta.dirname, '../fixtures/demo.csv');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

async function signIn(base: string, login: string): Promise<Page> {
  const page = await signInAs(browser, base, login, { password: TEST_PASSWORD });
  // The walk shares the machine with the rest of the suite: give each step room.
  page.setDefaultTimeout(60_000);
  return page;
}
const open = openHash;
const statusIs = (page: Page, status: string) => page.waitForFunction((s) => document.querySelector('p.theme-facts')?.textContent?.startsWith(`状態: ${s}`), status);

/** Records a meeting of `kind` on `day` with `themeId` on its agenda, and opens the theme from there. */
async function meetingOn(page: Page, base: string, kind: string, day: string, themeId: string, subcommittee?: string): Promise<string> {
  await open(page, base, '#/meetings');
  await page.selectOption('select[name=kind]', kind);
  await page.fill('input[name=heldOn]', day);
  if (subcommittee) await page.selectOption('select[name=subcommittee]', subcommittee);
  await page.click('button[data-create-meeting]');
  await page.waitForFunction(() => /^#\/meetings\/M-\d{4}$/.test(document.body.dataset.rendered ?? ''));
  const meetingId = (await page.evaluate(() => document.body.dataset.rendered ?? '')).split('/').pop() as string;
  await page.selectOption('select[name=theme]', themeId);
  await page.click('button[data-add-item]');
  await page.waitForSelector(`a[data-agenda-theme="${themeId}"]`);
  await page.click(`a[data-agenda-theme="${themeId}"]`);
  await page.waitForSelector(`[data-in-meeting="${meetingId}"]`);
  return meetingId;
}

async function act(page: Page, action: string, fill?: { selector: string; value: string; select?: boolean }): Promise<void> {
  await page.click(`button[data-action=${action}]`);
  if (fill) {
    if (fill.select) await page.selectOption(fill.selector, fill.value);
    else await page.fill(fill.selector, fill.value);
    await page.click('button[data-confirm]');
  }
}

const WALKS = [
  { preset: 'kisarazu', screening: '調整会議', subcommittee: '居住支援部会', ends: '全体会報告', body: null },
  { preset: 'kamakura', screening: '運営会議', subcommittee: '地域生活支援部会', ends: '提言済', body: '相談支援事業所連絡会' },
] as const;

describe.each(WALKS)('the $preset council\'s year in Chromium', (walk) => {
  let db: Database;
  let server: ServerType;
  let base: string;
  let temp: Awaited<ReturnType<typeof tempDatabase>>;
  beforeAll(async () => {
    temp = await tempDatabase('accounts');
    if (walk.body) await createUser(temp.db, { login: 'body', displayName: walk.body, role: 'staff', password: TEST_PASSWORD }, TEST_NOW, { hasher: TEST_HASHER });
    db = temp.db;
    ({ base, server } = await serveDashboard(db, await loadCouncilSettings(presetPath(walk.preset))));
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await temp?.close();
  });
  const shot = (page: Page, step: string) => page.screenshot({ path: join(SCREENSHOTS, `walk-${walk.preset}-${step}.png`), fullPage: true });

  it('walks one theme from the case records through its meetings and subcommittee to the plenary, and the feedback reaches its sources', async () => {
    // 1. A case worker uploads the case records.
    const worker = await signIn(base, 'staff');
    await open(worker, base, '#/upload');
    await worker.setInputFiles('#csv-file', DEMO);
    await worker.waitForFunction(() => document.getElementById('upload-stage')?.textContent === '完了しました。', undefined, { timeout: 60_000 });
    await shot(worker, '1-upload');

    // 2. The meeting analyses them and takes the top theme to its screening meeting.
    const meeting = await signIn(base, 'coordinator');
    await meeting.click('button[data-run-analysis]');
    await meeting.waitForFunction(() => document.querySelector('[data-analysis-status]')?.textContent?.startsWith('分析しました'), undefined, { timeout: 60_000 });
    await open(meeting, base, '#/board');
    const themeId = (await meeting.$eval('table.board tbody tr[data-theme-row]', (tr) => tr.getAttribute('data-theme-row'))) as string;
    await shot(meeting, '2-board');

    // 3. (Kamakura) a related body raises the same wall; the meeting merges it into the theme.
    if (walk.body) {
      const body = await signIn(base, 'body');
      await body.fill('form.issue-form [name=raisedBy]', walk.body);
      await body.fill('form.issue-form [name=title]', '地域の受け皿が足りない');
      await body.fill('form.issue-form [name=description]', '相談を受けても、つなぐ先がない。');
      await body.click('button[data-raise-issue]');
      await body.waitForSelector('article[data-feedback-issue="I-0001"]');
      await body.close();
      await meeting.reload();
      await meeting.waitForSelector('select[data-issue-into="I-0001"]');
      await meeting.selectOption('select[data-issue-into="I-0001"]', themeId);
      await meeting.click('button[data-issue-merge="I-0001"]');
      await meeting.waitForFunction((id) => document.querySelector('tr[data-issue-row="I-0001"] td:last-child')?.textContent === `→ ${id}`, themeId);
    }

    // 4. The screening meeting adopts the theme and refers it to a subcommittee.
    const screening = await meetingOn(meeting, base, walk.screening, '2025-06-12', themeId);
    await act(meeting, 'adopt');
    await statusIs(meeting, '採択');
    await act(meeting, 'refer', { selector: 'select[name=subcommittee]', value: walk.subcommittee, select: true });
    await statusIs(meeting, '部会へ依頼');
    await shot(meeting, '3-referred');

    // 5. The subcommittee plans its study, records progress and reports back.
    const sub = await meetingOn(meeting, base, '専門部会', '2025-07-10', themeId, walk.subcommittee);
    await act(meeting, 'discuss');
    await statusIs(meeting, '協議中');
    await meeting.fill('section[data-theme-plan] input[name=studies]', '受け皿の現状と不足の調査');
    await meeting.fill('section[data-theme-plan] input[name=due]', '2025-12-31');
    await meeting.fill('section[data-theme-plan] input[name=nextReport]', '2025-10-31');
    await meeting.click('button[data-save-plan]');
    // The page is drawn again once the plan is stored: wait for that before writing the report.
    await meeting.waitForSelector('section[data-theme-plan] p.plan-updated');
    await meeting.selectOption('section[data-theme-plan] select[name=kind]', 'report');
    await meeting.fill('section[data-theme-plan] input[name=notedOn]', '2025-10-20');
    await meeting.fill('section[data-theme-plan] input[name=text]', '調査結果と提言案を報告');
    await meeting.click('button[data-add-progress]');
    await meeting.waitForSelector('table.progress tbody tr');
    await act(meeting, 'conclude', { selector: 'textarea[name=conclusion]', value: '拠点の機能を強化するよう市に求める' });
    await meeting.waitForFunction(() => document.querySelector('section.history tbody tr:last-child td:nth-child(2)')?.textContent === '部会の結論の記録');
    await open(meeting, base, `#/progress?subcommittee=${encodeURIComponent(walk.subcommittee)}`);
    expect(await meeting.$$eval(`tr[data-progress-row="${themeId}"] td`, (tds) => tds.map((td) => td.textContent).slice(1, 7))).toEqual(['協議中', '受け皿の現状と不足の調査', '2025-12-31', '2025-10-31', '2025-10-20 調査結果と提言案を報告', '1']);
    await shot(meeting, '4-progress');

    // 6. The plenary: reported, and in Kamakura the opinion to the city.
    const plenary = await meetingOn(meeting, base, '全体会', '2026-02-20', themeId);
    await act(meeting, 'report');
    await statusIs(meeting, '全体会報告');
    if (walk.ends === '提言済') {
      await act(meeting, 'recommend');
      await statusIs(meeting, '提言済');
    }
    await open(meeting, base, `#/meetings/${plenary}?pack=1`);
    expect(await meeting.$('ul.excerpts')).toBeNull();
    await shot(meeting, '5-plenary-pack');
    for (const [id, decisions] of [[screening, ['採択', '専門部会への依頼']], [sub, ['部会での協議開始', '部会の結論の記録']]] as const) {
      await open(meeting, base, `#/meetings/${id}`);
      expect(await meeting.$$eval('table.minutes tbody tr td:nth-child(3)', (tds) => tds.map((td) => td.textContent))).toEqual(decisions);
    }

    // The year: the meetings against the city's budget calendar.
    await open(meeting, base, '#/year?fy=2025');
    const held = (month: string) => meeting.$$eval(`tr[data-month="${month}"] a[data-year-meeting]`, (as) => as.map((a) => a.getAttribute('data-year-meeting')));
    expect([await held('2025-06'), await held('2025-07'), await held('2026-02')]).toEqual([[screening], [sub], [plenary]]);
    expect(await meeting.textContent('tr[data-month="2025-09"] .budget-mark')).toBe('9/30 次年度予算への意見のとりまとめ（予算要求の前に）');
    await shot(meeting, '6-year');

    // 7. The feedback reaches the case worker and (Kamakura) the related body.
    await worker.reload();
    await worker.goto(`${base}/#/feedback`);
    await worker.waitForSelector(`article[data-feedback-theme="${themeId}"]`);
    expect(await worker.textContent(`article[data-feedback-theme="${themeId}"] p.standing`)).toBe(`調整会議の決定: ${walk.ends}（${walk.subcommittee}）`);
    await shot(worker, '7-feedback');
    if (walk.body) {
      const body = await signIn(base, 'body');
      await body.waitForSelector('article[data-feedback-issue="I-0001"]');
      expect(await body.textContent('article[data-feedback-issue="I-0001"] p.standing')).toMatch(new RegExp(`^テーマ ${themeId}「.+」に統合されました（いまの状態: ${walk.ends}）。$`));
      await shot(body, '8-body-feedback');
      await body.close();
    }
    await worker.close();
    await meeting.close();
  }, 180_000);
});
