import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCouncilSettings, presetPath, type CouncilSettings } from '../pipelines/council/settings.ts';
import { openDatabase, type Database } from '../pipelines/db/database.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { analyze } from '../pipelines/themes/analyze.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { createUser } from '../server/accounts/accounts.ts';
import { markDemo } from '../server/demo/demo-data.ts';
import { copyDatabase, TEST_HASHER } from './setup/db-templates.ts';
import { launchChromium } from './helpers/browser.ts';
import { openDeck, openWorkbook } from './helpers/office-files.ts';
import { caseCsv, caseRow } from './helpers/case-csv.ts';
import { apiAs, apiClient, PASSWORD, SCREENSHOTS, serveDashboard, signIn } from './helpers/dashboard-server.ts';
import { tempDir, tempDatabase, type TempDir } from './helpers/temp-db.ts';

const SCRIPT_NAME = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
/** The demo under the Kisarazu council, analysed, with one account per role: each test starts from its own copy. */
let prepared: TempDir;
let browser: Browser;
let settings: CouncilSettings;
let dir: TempDir;
let db: Database;
let server: ServerType;
let base: string;

type Theme = { theme_id: string; name: string; status: string; subcommittee: string | null; case_count: number; secondary_count: number; revision: number; issue_area: string | null; issue_area_position: number | null };

beforeAll(async () => {
  settings = await loadCouncilSettings(presetPath('kisarazu'));
  const temp = await tempDatabase();
  const now = new Date('2026-11-21T09:00:00Z');
  await ingestFile(temp.db, readFileSync(new URL('../fixtures/demo.csv', import.meta.url)), { fileName: 'demo.csv', settings, piiMode: 'mask', tokenizeMany: tokenizeInProcess, now, alsoStore: markDemo });
  await analyze(temp.db, { settings, tokenizeMany: tokenizeInProcess, now });
  await temp.db.write((scope) => scope.run('UPDATE themes SET council_name = $1 WHERE theme_id = $2', [SCRIPT_NAME, 'T-0002']));
  for (const [login, displayName, role] of [['meeting', '調整会議', 'coordinator'], ['worker', '相談員A', 'staff'], ['office', '事務局B', 'secretariat'], ['public', '委員C', 'viewer']] as const) {
    await createUser(temp.db, { login, displayName, role, password: PASSWORD }, now, { hasher: TEST_HASHER });
  }
  await temp.db.close();
  prepared = temp.dir;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  prepared?.remove();
});

beforeEach(async () => {
  dir = tempDir();
  copyDatabase(prepared.path('mieruka.duckdb'), dir.path('mieruka.duckdb'));
  db = await openDatabase(dir.path('mieruka.duckdb'));
  ({ base, server } = await serveDashboard(db, settings));
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.close();
  dir.remove();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
/** The board's order: ranked within the broad areas, the areas in the run's order. */
const byArea = (themes: Theme[]) => themes.map((t, rank) => ({ t, rank })).sort((a, b) => Number(a.t.issue_area_position) - Number(b.t.issue_area_position) || a.rank - b.rank).map(({ t }) => t);
const boardRows = (page: Page) => page.$$eval('table.board tbody tr[data-theme-row]', (rows) => rows.map((r) => r.getAttribute('data-theme-row')));
/** Waits until the dashboard has drawn the route `hash` (or any route), after a click or a reload. */
const drawn = (page: Page, hash?: string) => page.waitForSelector(hash === undefined ? 'body[data-rendered]' : `body[data-rendered="${hash}"]`);
/** At 1280 px nothing may need a sideways scroll. */
const width = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

describe('the dashboard in Chromium', () => {
  it('signs in, shows the demo banner and the ranked board with sparklines, and keeps stored markup inert', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base);
    await page.waitForSelector('form.login');
    await shot(page, '01-login');
    await page.fill('#login', 'meeting');
    await page.fill('#password', 'wrong password!');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => document.querySelector('form.login [role=alert]')?.textContent !== '');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await drawn(page);
    expect(await page.textContent('#demo-banner')).toBe('デモデータ：架空の事例を表示しています');
    expect(await page.textContent('#who')).toBe('調整会議（調整会議・運営会議）');
    expect(await page.$$eval('nav a[data-screen]', (as) => as.map((a) => a.textContent))).toEqual(['テーマ案', '会議', '一年の予定', '部会の進み具合', '市の計画と年次報告', '事例の見直し', '協議会の分類', '取り込み', '全体会の資料（印刷）']);
    const ranked = ((await apiAs(page, base, '/api/themes')) as { themes: Theme[] }).themes;
    const themes = byArea(ranked);
    expect(await boardRows(page)).toEqual(themes.map((t) => t.theme_id));
    expect(await page.$$eval('table.board tbody tr[data-theme-row] td:nth-child(3)', (cells) => cells.map((c) => c.textContent))).toEqual(themes.map((t) => t.name));
    expect(await page.$$eval('table.board tr.area-row', (rows) => rows.map((r) => r.getAttribute('data-area')))).toEqual([...new Set(themes.map((t) => t.issue_area))]);
    const firstArea = themes[0]?.issue_area as string;
    const inFirst = themes.filter((t) => t.issue_area === firstArea).map((t) => t.theme_id);
    const visible = () => page.$$eval('table.board tbody tr[data-theme-row]', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.getAttribute('data-theme-row')));
    await page.click(`button[data-toggle-area="${firstArea}"]`);
    expect(await visible()).toEqual(themes.map((t) => t.theme_id).filter((id) => !inFirst.includes(id)));
    expect(await page.getAttribute(`button[data-toggle-area="${firstArea}"]`, 'aria-expanded')).toBe('false');
    await page.click(`button[data-toggle-area="${firstArea}"]`);
    expect(await visible()).toEqual(themes.map((t) => t.theme_id));
    expect(themes.map((t) => t.name)).toContain(SCRIPT_NAME);
    const sparkMax = await page.$$eval('svg.sparkline', (svgs) => svgs.map((s) => Number(s.getAttribute('data-max'))));
    expect(sparkMax).toHaveLength(themes.length);
    expect(sparkMax.every((m) => m >= 1)).toBe(true);
    expect(await pwned(page)).toBeUndefined();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await (await fetch(base)).text())?.[1];
    const asset = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect([asset.status, asset.headers.get('content-encoding')]).toEqual([200, 'gzip']);
    expect(await width(page)).toBe(1280);
    await shot(page, '02-board');
    await page.close();
  });

  it('filters the board with the timeline brush (by mouse and by keyboard) and the filters, as the API does', async () => {
    const page = await signIn(browser, base, 'meeting');
    await drawn(page);
    const bar = async (month: string) => (await page.$(`figure[data-chart=timeline] rect[data-month="${month}"]`))?.boundingBox();
    const [from, to] = [await bar('2024-01'), await bar('2024-03')];
    if (!from || !to) throw new Error('timeline bars not drawn');
    await page.mouse.move(from.x + 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width - 2, to.y + to.height / 2, { steps: 8 });
    await page.mouse.up();
    await drawn(page, '#/board?from=2024-01&to=2024-03');
    const inPeriod = ((await apiAs(page, base, '/api/themes?from=2024-01&to=2024-03')) as { themes: Theme[] }).themes;
    expect(await boardRows(page)).toEqual(byArea(inPeriod).map((t) => t.theme_id));
    expect(await page.$$eval('figure[data-chart=timeline] rect[data-selected=true]', (rs) => rs.map((r) => r.getAttribute('data-month')))).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(await page.inputValue('input[data-filter=from]')).toBe('2024-01');
    await shot(page, '03-board-brushed');
    await page.focus('figure[data-chart=timeline] svg');
    await page.keyboard.press('ArrowRight');
    await drawn(page, '#/board?from=2024-02&to=2024-04');
    expect(await page.evaluate(() => document.activeElement?.closest('figure')?.getAttribute('data-chart'))).toBe('timeline');
    await page.keyboard.press('Escape');
    await drawn(page, '#/board');
    await page.selectOption('select[data-filter=subcommittee]', '居住支援部会');
    await drawn(page, `#/board?subcommittee=${encodeURIComponent('居住支援部会')}`);
    const housing = ((await apiAs(page, base, `/api/themes?subcommittee=${encodeURIComponent('居住支援部会')}`)) as { themes: Theme[] }).themes;
    expect(housing.length).toBeGreaterThan(0);
    expect(await boardRows(page)).toEqual(byArea(housing).map((t) => t.theme_id));
    await page.selectOption('select[data-filter=area]', '臨海');
    await drawn(page, `#/board?subcommittee=${encodeURIComponent('居住支援部会')}&area=${encodeURIComponent('臨海')}`);
    const both = ((await apiAs(page, base, `/api/themes?subcommittee=${encodeURIComponent('居住支援部会')}&area=${encodeURIComponent('臨海')}`)) as { themes: Theme[] }).themes;
    expect(await boardRows(page)).toEqual(byArea(both).map((t) => t.theme_id));
    await page.click('button[data-filter-clear]');
    await drawn(page, '#/board');
    await page.close();
  });

  it('uploads a CSV with faulty rows and shows the report: refused rows with line and reason, masked information by kind only, past uploads', async () => {
    const page = await signIn(browser, base, 'worker');
    expect(await page.$$eval('nav a[data-screen]', (as) => as.map((a) => a.textContent))).toEqual(['あなたの事例の行方', '取り込み']);
    await page.click('nav a[data-screen=upload]');
    await page.waitForSelector('#past-uploads');
    const csv = caseCsv([caseRow('W-1'), caseRow('W-2', { 会議日: '2024/13/40' }), caseRow('W-3', { 相談内容: '連絡先は090-1234-5678です。グループホームの空きがない。' })]);
    await page.setInputFiles('#csv-file', { name: 'faulty.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => document.getElementById('upload-stage')?.textContent === '完了しました。');
    expect(await page.textContent('.upload-report h3')).toBe('faulty.csv: 3 件のうち 取り込み 2 件、省略 0 件、取り込めなかった行 1 件');
    const tables = await page.$$eval('.upload-report table', (ts) => ts.map((t) => [...t.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))));
    expect(tables[0]?.map((r) => r.slice(0, 3))).toEqual([['3', 'W-2', '会議日']]);
    expect(tables.at(-1)).toEqual([['4', 'W-3', '相談内容', '電話番号']]);
    expect(await page.textContent('body')).not.toContain('090-1234-5678');
    await page.waitForFunction(() => document.querySelectorAll('#past-uploads tbody tr').length === 1);
    expect(await page.$$eval('#past-uploads tbody td', (tds) => tds.slice(1).map((td) => td.textContent))).toEqual(['faulty.csv', '3', '2', '0', '1']);
    expect(await page.getAttribute('a[href="/api/template.csv"]', 'download')).toBe('mieruka-template.csv');
    await shot(page, '04-upload-report');
    await page.close();
  });

  it('runs the analysis, adopts and refers a theme in place, merges another, and keeps the decisions after a reload', async () => {
    const page = await signIn(browser, base, 'meeting');
    await drawn(page);
    await page.click('button[data-run-analysis]');
    await page.waitForFunction(() => document.querySelector('[data-analysis-status]')?.textContent?.startsWith('分析しました: 事例 300 件から'));
    await drawn(page);
    const [target, absorbed, into] = ((await apiAs(page, base, '/api/themes')) as { themes: Theme[] }).themes.filter((t) => t.theme_id !== 'T-0002');
    if (!target || !absorbed || !into) throw new Error('too few themes');
    await page.click(`button[data-toggle-actions="${target.theme_id}"]`);
    const row = `tr.actions-row:has([aria-label="${target.theme_id} の操作"])`;
    await page.click(`${row} button[data-action=adopt]`);
    await page.waitForFunction((id) => document.querySelector(`tr[data-theme-row="${id}"] td:nth-child(11)`)?.textContent === '採択', target.theme_id);
    await page.click(`button[data-toggle-actions="${target.theme_id}"]`);
    await page.click(`${row} button[data-action=refer]`);
    await page.selectOption(`${row} select[name=subcommittee]`, '居住支援部会');
    await page.click(`${row} button[data-confirm]`);
    await page.waitForFunction((id) => document.querySelector(`tr[data-theme-row="${id}"] td:nth-child(11)`)?.textContent === '部会へ依頼', target.theme_id);
    await page.click(`button[data-toggle-actions="${absorbed.theme_id}"]`);
    const other = `tr.actions-row:has([aria-label="${absorbed.theme_id} の操作"])`;
    await page.click(`${other} button[data-action=merge]`);
    await page.selectOption(`${other} select[name=into]`, into.theme_id);
    await page.click(`${other} button[data-confirm]`);
    await page.waitForFunction((id) => !document.querySelector(`tr[data-theme-row="${id}"]`), absorbed.theme_id);
    await page.reload();
    await drawn(page);
    expect(await page.$eval(`tr[data-theme-row="${target.theme_id}"]`, (tr) => [tr.children[9]?.textContent, tr.children[10]?.textContent])).toEqual(['居住支援部会', '部会へ依頼']);
    expect(await boardRows(page)).not.toContain(absorbed.theme_id);
    const history = await page.$$eval('section.history tbody tr', (rows) => rows.slice(0, 4).map((r) => [...r.querySelectorAll('td')].slice(1, 4).map((td) => td.textContent)));
    expect(history.slice(0, 2).map((h) => h[0]?.split(' ')[0]).sort()).toEqual([absorbed.theme_id, into.theme_id].sort());
    expect(history.slice(0, 2).map((h) => h[1])).toEqual(['統合', '統合']);
    expect(history.slice(2)).toEqual([
      [`${target.theme_id} ${target.name}`, '専門部会への依頼', '→ 居住支援部会'],
      [`${target.theme_id} ${target.name}`, '採択', '→ 採択'],
    ]);
    await shot(page, '05-board-decided');
    await page.close();
  });

  it('shows a theme\'s evidence: trend, heatmap, term bars, co-occurrence network, KWIC, excerpts, cases and why this subcommittee', async () => {
    const meeting = await apiClient(base, 'meeting');
    const referred = ((await meeting.get('/api/themes')) as { themes: Theme[] }).themes.find((t) => t.theme_id !== 'T-0002') as Theme;
    await meeting.post(`/api/themes/${referred.theme_id}/actions`, { action: 'adopt', revision: referred.revision });
    await meeting.post(`/api/themes/${referred.theme_id}/actions`, { action: 'refer', subcommittee: '居住支援部会', revision: referred.revision + 1 });
    const page = await signIn(browser, base, 'meeting');
    await drawn(page);
    const theme = ((await apiAs(page, base, '/api/themes')) as { themes: Theme[] }).themes.find((t) => t.theme_id === referred.theme_id) as Theme;
    await page.click(`a[data-theme="${theme.theme_id}"]`);
    await drawn(page, `#/themes/${theme.theme_id}`);
    expect(await page.textContent('main h2')).toBe(`${theme.theme_id} ${theme.name}`);
    const seconds = theme.secondary_count > 0 ? `（ほかに 2 つ目のテーマとして ${theme.secondary_count} 件）` : '';
    expect(await page.textContent('p.theme-facts')).toBe(`状態: 部会へ依頼　事例 ${theme.case_count} 件${seconds}　専門部会: 居住支援部会`);
    expect(await page.textContent('p.why')).toBe('なぜこの専門部会か: 調整会議が「居住支援部会」に依頼しました。');
    const sum = (selector: string) => page.$$eval(selector, (rects) => rects.reduce((n, r) => n + Number(r.getAttribute('data-cases')), 0));
    expect(await sum(`figure[data-chart="${theme.theme_id}-monthly"] rect[data-cases]`)).toBe(theme.case_count);
    expect(await sum(`figure[data-chart="${theme.theme_id}-heatmap"] rect[data-cases]`)).toBe(theme.case_count);
    const detail = (await apiAs(page, base, `/api/themes/${theme.theme_id}`)) as { terms: Array<{ term: string }>; representatives: Array<{ excerpt: string }>; cooccurrence: Array<{ a: string; b: string }>; kwic: Record<string, unknown[]> };
    expect(await page.$$eval(`figure[data-chart="${theme.theme_id}-terms"] rect[data-term]`, (rs) => rs.map((r) => r.getAttribute('data-term')))).toEqual(detail.terms.slice(0, 15).map((t) => t.term));
    const nodes = await page.$$eval(`figure[data-chart="${theme.theme_id}-network"] g[data-term]`, (gs) => gs.map((g) => g.getAttribute('data-term')).sort());
    expect(nodes).toEqual([...new Set(detail.cooccurrence.flatMap((p) => [p.a, p.b]))].sort());
    expect(await page.$$eval('.kwic h4', (hs) => hs.map((h) => h.textContent))).toEqual(Object.keys(detail.kwic).map((k) => `「${k}」`));
    expect(await page.$$eval('.kwic mark', (ms) => ms.length)).toBeGreaterThan(0);
    expect(await page.$$eval('ul.excerpts li span', (ss) => ss.map((s) => s.textContent))).toEqual(detail.representatives.map((r) => r.excerpt));
    expect(await page.$$eval('table[data-cases=all] tbody tr', (rs) => rs.length)).toBe(Math.min(30, theme.case_count));
    if (theme.case_count > 30) {
      await page.click('button[data-more-cases]');
      expect(await page.$$eval('table[data-cases=all] tbody tr', (rs) => rs.length)).toBe(theme.case_count);
    }
    expect(await width(page)).toBe(1280);
    await shot(page, '06-theme-detail');
    await page.goto(`${base}/#/themes/T-0002`);
    await drawn(page, '#/themes/T-0002');
    expect(await page.textContent('main h2')).toBe(`T-0002 ${SCRIPT_NAME}`);
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });

  it('saves every chart of a theme as SVG and as a PNG at 3×, with title, period, source line and a note that it is for the meeting', async () => {
    const page = await signIn(browser, base, 'meeting', { acceptDownloads: true });
    await page.goto(`${base}/#/themes/T-0001`);
    await drawn(page, '#/themes/T-0001');
    for (const chart of ['monthly', 'heatmap', 'terms', 'network']) {
      const figure = `figure[data-chart="T-0001-${chart}"]`;
      const size = await page.$eval(`${figure} svg`, (svg) => [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))]);
      const save = async (kind: 'svg' | 'png') => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${figure} button[data-export=${kind}]`)]);
        expect(download.suggestedFilename()).toBe(`T-0001-${chart}.${kind}`);
        return readFileSync((await download.path()) as string);
      };
      const svg = (await save('svg')).toString('utf8');
      expect(svg.startsWith(`<?xml version="1.0" encoding="UTF-8"?>\n<svg`)).toBe(true);
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(svg).toContain('出典: mieruka（個別支援会議の記録から集計）　期間: 2023-04〜');
      expect(svg).toContain('協議会内部用: 少数の件数も表示しています');
      expect(svg).not.toContain('<script');
      const png = await save('png');
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([(size[0] ?? 0) * 3, (size[1] ?? 0) * 3]);
    }
    await page.close();
  });

  it('shows a case worker the themes their cases fed and what the council decided', async () => {
    const worker = await apiClient(base, 'worker');
    const meeting = await apiClient(base, 'meeting');
    await worker.upload(caseCsv([caseRow('W-1'), caseRow('W-3', { 相談内容: 'グループホームの空きがない。入居先が見つからない。' })]));
    await meeting.analyse();
    const [mine] = ((await worker.get('/api/feedback')) as { themes: Array<{ theme_id: string }> }).themes;
    const themes = ((await meeting.get('/api/themes')) as { themes: Theme[] }).themes;
    const other = themes.find((t) => t.theme_id !== mine?.theme_id && t.theme_id !== 'T-0002') as Theme;
    const mergedInto = mine?.theme_id as string;
    await meeting.post(`/api/themes/${other.theme_id}/merge`, { into: mergedInto, revision: other.revision });
    const page = await signIn(browser, base, 'worker');
    await drawn(page);
    expect(await page.textContent('main h2')).toBe('あなたの事例が届いたテーマ');
    const fed = ((await apiAs(page, base, '/api/feedback')) as { themes: Array<{ theme_id: string; name: string; own_cases: number; status: string; subcommittee: string | null }> }).themes;
    expect(fed.reduce((n, t) => n + t.own_cases, 0)).toBe(2);
    expect(await page.$$eval('article.feedback h3', (hs) => hs.map((h) => h.textContent))).toEqual(fed.map((t) => `${t.theme_id} ${t.name}`));
    const first = fed[0];
    expect(await page.textContent('article.feedback p')).toBe(`あなたが取り込んだ事例のうち ${first?.own_cases} 件がこのテーマに含まれています。`);
    // The meeting merged another theme into the one the worker's cases fed.
    expect(fed.map((t) => t.theme_id)).toContain(mergedInto);
    expect(await page.textContent(`article[data-feedback-theme="${mergedInto}"] ol.decisions`)).toMatch(/^\d{4}-\d{2}-\d{2} 似たテーマの事例をこのテーマに統合$/);
    await shot(page, '07-feedback');
    await page.goto(`${base}/#/board`);
    await drawn(page, '#/board');
    expect(await page.$('table.board')).toBeNull();
    await page.close();
  });

  it('opens the plenary print view: suppressed for publication whoever prints it, A4, every chart saved with the suppression footnote', async () => {
    const page = await signIn(browser, base, 'office', { acceptDownloads: true });
    await page.click('nav a[data-screen=report]');
    await drawn(page, '#/report');
    const themes = ((await apiAs(page, base, '/api/themes?published=1')) as { themes: Theme[] }).themes;
    const ranking = await page.$$eval('table.report-table:first-of-type tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(ranking.map((r) => r[1])).toEqual(themes.map((t) => t.theme_id));
    for (const line of ranking) for (const count of line.slice(3, 6)) expect(count === 'X' || Number(count) >= 10 || count === '0').toBe(true);
    // 300 demo cases over two years: by month and by quarter most of a theme's counts are under 10.
    expect(await page.$$eval('.print-report h3', (hs) => hs.map((h) => h.textContent))).toEqual(['1. テーマの順位', `2. 推移（上位 8 テーマ、年度別）`, '3. 内訳', '4. 協議会の決定']);
    const shownBars = await page.$$eval('.small-multiples rect[data-cases]', (rs) => rs.map((r) => Number(r.getAttribute('data-cases'))));
    expect(shownBars.every((n) => n === 0 || n >= 10)).toBe(true);
    const heat = await page.$$eval('figure[data-chart^=breakdown] rect[data-cases]', (rs) => rs.map((r) => Number(r.getAttribute('data-cases'))));
    expect(heat.length).toBeGreaterThan(0);
    expect(heat.every((n) => n === 0 || n >= 10)).toBe(true);
    expect(await page.$$eval('figure[data-chart^=breakdown] rect[data-suppressed]', (rs) => rs.length)).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`figure[data-chart="breakdown-地区"] button[data-export=svg]`)]);
    const svg = readFileSync((await download.path()) as string, 'utf8');
    expect(svg).toContain('斜線・X: 1〜9 件（少数のため非表示）');
    expect(svg).not.toContain('協議会内部用');
    // The report saved as Excel and PowerPoint holds what the page shows.
    const [workbook] = await Promise.all([page.waitForEvent('download'), page.click('a[data-save=xlsx]')]);
    expect(workbook.suggestedFilename()).toMatch(/^木更津市地域自立支援協議会_地域課題の報告_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const { sheets } = await openWorkbook(readFileSync((await workbook.path()) as string));
    expect(sheets.get('テーマの順位')?.slice(1).map((r) => [r[1], ...r.slice(3, 7).map(String)])).toEqual(ranking.map((r) => [r[1], ...r.slice(3, 7)]));
    const [deck] = await Promise.all([page.waitForEvent('download'), page.click('a[data-save=pptx]')]);
    expect(deck.suggestedFilename()).toMatch(/\.pptx$/);
    expect((await openDeck(readFileSync((await deck.path()) as string))).charts.length).toBeGreaterThan(0);
    expect(await width(page)).toBe(1280);
    await shot(page, '08-print-view');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('nav')).toBe(false);
    expect(await page.isVisible('button[data-print]')).toBe(false);
    expect(await page.isVisible('a[data-save=pptx]')).toBe(false);
    const pdf = await page.pdf({ format: 'A4', path: join(SCREENSHOTS, '09-print-view.pdf') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBeGreaterThanOrEqual(3);
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });

  it('shows a viewer no small count, no excerpt, no rare term and no theme detail', async () => {
    // An automatic label made of a rare term: 床数 is in only a few of the demo's cases.
    await db.write((scope) => scope.run("UPDATE theme_snapshots SET label = '床数' WHERE theme_id = 'T-0001'"));
    const page = await signIn(browser, base, 'public');
    await drawn(page);
    expect(await page.textContent('tr[data-theme-row="T-0001"]')).toContain('テーマ T-0001');
    expect(await page.textContent('body')).not.toContain('床数');
    expect(await page.$$eval('nav a[data-screen]', (as) => as.map((a) => a.textContent))).toEqual(['テーマ案', '全体会の資料（印刷）']);
    const counts = await page.$$eval('table.board tbody tr[data-theme-row]', (rows) => rows.flatMap((r) => [...r.querySelectorAll('td.num')].slice(1, 4).map((td) => td.textContent)));
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(count === 'X' || Number(count) >= 10 || count === '0').toBe(true);
    expect(counts).toContain('X');
    expect(await page.$('a[data-theme]')).toBeNull();
    expect(await page.$('button[data-toggle-actions]')).toBeNull();
    expect(await width(page)).toBe(1280);
    await shot(page, '10-viewer-board');
    const meeting = await signIn(browser, base, 'meeting');
    const excerpts = ((await apiAs(meeting, base, '/api/themes/T-0001')) as { representatives: Array<{ excerpt: string }> }).representatives.map((r) => r.excerpt);
    await meeting.close();
    await page.goto(`${base}/#/themes/T-0001`);
    await drawn(page, '#/themes/T-0001');
    expect(await page.$('table.board')).not.toBeNull();
    const text = (await page.textContent('body')) ?? '';
    for (const excerpt of excerpts) expect(text).not.toContain(excerpt);
    await page.click('nav a[data-screen=report]');
    await drawn(page, '#/report');
    const reportText = (await page.textContent('body')) ?? '';
    for (const excerpt of excerpts) expect(reportText).not.toContain(excerpt);
    expect(reportText).not.toContain('床数');
    await page.close();
  });
});
