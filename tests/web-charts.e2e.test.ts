import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plenaryFootnote } from '../web/src/charts/footnote.ts';
import { launchChromium } from './helpers/browser.ts';

type Charts = typeof import('./fixtures-web/charts-entry.ts');
type Range = [string, string] | null;

declare global {
  interface Window {
    charts: Charts;
    __pwned?: number;
    __selections: Range[];
  }
}

const SCRIPT = '<script>window.__pwned=1</script>';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      lib: { entry: fileURLToPath(new URL('./fixtures-web/charts-entry.ts', import.meta.url)), formats: ['iife'], name: 'charts' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: { type: string; code?: string }[] }[];
  const code = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk')?.code;
  if (!code) throw new Error('the chart bundle has no code');
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><html lang="ja"><body></body></html>');
  await page.addScriptTag({ content: code });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('plenaryFootnote', () => {
  it('gives the source line, the period, and the suppression note only when something is hidden', () => {
    expect(plenaryFootnote({ period: '2024-01〜2024-12', threshold: 10, suppressed: true })).toBe(
      '出典: mieruka（個別支援会議の記録から集計）　期間: 2024-01〜2024-12\n斜線・X: 1〜9 件（少数のため非表示）',
    );
    expect(plenaryFootnote({ period: null, threshold: 5, suppressed: false })).toBe('出典: mieruka（個別支援会議の記録から集計）');
    expect(plenaryFootnote({ period: '', threshold: 3, suppressed: true })).toBe('出典: mieruka（個別支援会議の記録から集計）\n斜線・X: 1〜2 件（少数のため非表示）');
    expect(plenaryFootnote({ period: null, threshold: 10, suppressed: true, internal: true })).toBe(
      '出典: mieruka（個別支援会議の記録から集計）\n斜線・X: 1〜9 件（少数のため非表示）\n協議会内部用: 少数の件数も表示しています（全体会には「全体会の資料」の図を）',
    );
  });
});

describe('chart functions in Chromium', () => {
  it('monthlyBars draws title, bars, hatched suppressed months and a two-line footnote whose last line is the last text', async () => {
    const got = await page.evaluate(() => {
      const { monthlyBars, plenaryFootnote } = window.charts;
      const svg = monthlyBars(
        [
          { month: '2024-01', cases: 12, suppressed: false },
          { month: '2024-02', cases: null, suppressed: true },
          { month: '2024-03', cases: 0, suppressed: false },
          { month: '2024-04', cases: 15, suppressed: false },
        ],
        { width: 640, height: 220, title: '就労：月別の事例数', footnote: plenaryFootnote({ period: '2024-01〜2024-04', threshold: 10, suppressed: true }) },
      );
      document.body.append(svg);
      const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
      return {
        size: [svg.getAttribute('width'), svg.getAttribute('height'), svg.getAttribute('viewBox'), svg.getAttribute('role')],
        name: svg.querySelector('title')?.textContent,
        background: svg.querySelector('rect')?.getAttribute('fill'),
        cases: [...svg.querySelectorAll('rect[data-cases]')].map((r) => r.getAttribute('data-cases')),
        suppressed: [...svg.querySelectorAll('rect[data-suppressed="true"]')].map((r) => r.getAttribute('fill')),
        hatch: svg.querySelectorAll('defs pattern#suppressed-hatch').length,
        first: texts[0],
        lastTwo: texts.slice(-2),
        lastOfType: svg.querySelector('text:last-of-type')?.textContent,
        opening: svg.outerHTML.slice(0, svg.outerHTML.indexOf('>') + 1),
        plainLast: monthlyBars([{ month: '2024-01', cases: 3, suppressed: false }], { width: 300, height: 160, title: 't', footnote: '出典: mieruka（個別支援会議の記録から集計）' })
          .querySelector('text:last-of-type')?.textContent,
      };
    });
    expect(got.size).toEqual(['640', '220', '0 0 640 220', 'img']);
    expect(got.name).toBe('就労：月別の事例数');
    expect(got.background).toBe('#fff');
    expect(got.cases).toEqual(['12', '0', '15']);
    expect(got.suppressed).toEqual(['url(#suppressed-hatch)']);
    expect(got.hatch).toBe(1);
    expect(got.first).toBe('就労：月別の事例数');
    expect(got.lastTwo).toEqual(['出典: mieruka（個別支援会議の記録から集計）　期間: 2024-01〜2024-04', '斜線・X: 1〜9 件（少数のため非表示）']);
    expect(got.lastOfType).toBe('斜線・X: 1〜9 件（少数のため非表示）');
    expect(got.opening).toBe(`<svg width="640" height="220" viewBox="0 0 640 220" role="img" font-family="'Noto Sans CJK JP', 'Noto Sans JP', sans-serif">`);
    expect(got.plainLast).toBe('出典: mieruka（個別支援会議の記録から集計）');
  });

  it('sparkline fills missing months with 0, leaves suppressed months as hatched gaps, and carries its label but no text', async () => {
    const got = await page.evaluate(() => {
      const svg = window.charts.sparkline(
        [
          { month: '2024-01', cases: 3, suppressed: false },
          { month: '2024-02', cases: null, suppressed: true },
          { month: '2024-04', cases: 7, suppressed: false },
          { month: '2024-06', cases: 2, suppressed: false },
          { month: '2025-01', cases: 99, suppressed: false },
        ],
        { months: ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'], label: '通院同行の推移' },
      );
      document.body.append(svg);
      return {
        attrs: ['class', 'width', 'height', 'data-months', 'data-max', 'aria-label', 'role'].map((a) => svg.getAttribute(a)),
        title: svg.querySelector('title')?.textContent,
        gaps: svg.querySelectorAll('rect[data-suppressed="true"]').length,
        texts: svg.querySelectorAll('text').length,
        last: svg.querySelector('circle[data-last]')?.getAttribute('data-last'),
        lines: svg.querySelectorAll('path').length,
      };
    });
    expect(got.attrs).toEqual(['sparkline', '120', '28', '6', '7', '通院同行の推移', 'img']);
    expect(got.title).toBe('通院同行の推移');
    expect(got.gaps).toBe(1);
    expect(got.texts).toBe(0);
    expect(got.last).toBe('2');
    expect(got.lines).toBe(2);
  });

  it('heatmap shows every area × type, 0 for missing ones, X for suppressed ones, and user labels only as text', async () => {
    const got = await page.evaluate((script) => {
      const { heatmap, plenaryFootnote } = window.charts;
      const svg = heatmap(
        [
          { row: '中央', column: '身体', cases: 40, suppressed: false },
          { row: '中央', column: '知的', cases: 12, suppressed: false },
          { row: '北部', column: '知的', cases: null, suppressed: true },
          { row: script, column: '精神', cases: 10, suppressed: false },
        ],
        {
          rows: ['中央', '北部', script],
          columns: ['身体', '知的', '精神'],
          width: 480,
          title: '地区別・障害種別の事例数',
          footnote: plenaryFootnote({ period: '2024年度', threshold: 10, suppressed: true }),
          rowLabel: '地区',
          columnLabel: '障害種別',
        },
      );
      document.body.append(svg);
      const cell = (row: string, column: string) => {
        const rect = [...svg.querySelectorAll('rect[data-row]')].find((r) => r.getAttribute('data-row') === row && r.getAttribute('data-column') === column);
        const text = [...svg.querySelectorAll('text[data-row]')].find((r) => r.getAttribute('data-row') === row && r.getAttribute('data-column') === column);
        return { cases: rect?.getAttribute('data-cases') ?? null, suppressed: rect?.getAttribute('data-suppressed') ?? null, fill: rect?.getAttribute('fill'), text: text?.textContent, ink: text?.getAttribute('fill') };
      };
      return {
        height: svg.getAttribute('height'),
        counted: svg.querySelectorAll('rect[data-cases]').length,
        hidden: svg.querySelectorAll('rect[data-suppressed="true"]').length,
        hiddenCell: cell('北部', '知的'),
        missing: cell('北部', '身体'),
        darkest: cell('中央', '身体'),
        light: cell(script, '精神'),
        rowLabels: [...svg.querySelectorAll('text')].map((t) => t.textContent).filter((t) => t === script).length,
        scripts: document.querySelectorAll('script').length,
        legend: [...svg.querySelectorAll('text')].map((t) => t.textContent).filter((t) => t === '0' || t === '40 件' || t === 'X: 非表示'),
        last: [...svg.querySelectorAll('text')].at(-1)?.textContent,
      };
    }, SCRIPT);
    // title 28 + footnote 8 + 13 + 10, margins 8 + 36 header, 3 rows × 28, legend 30
    expect(got.height).toBe('217');
    expect(got.counted).toBe(8);
    expect(got.hidden).toBe(1);
    expect(got.hiddenCell).toEqual({ cases: null, suppressed: 'true', fill: 'url(#suppressed-hatch)', text: 'X', ink: '#222' });
    expect(got.missing).toEqual({ cases: '0', suppressed: null, fill: '#ffffff', text: '0', ink: '#222' });
    expect(got.darkest).toMatchObject({ cases: '40', text: '40', ink: '#fff' });
    expect(got.light).toMatchObject({ cases: '10', text: '10', ink: '#222' });
    expect(got.rowLabels).toBe(1);
    expect(got.scripts).toBe(1); // only the bundle itself
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    // five missing combinations, then the legend's 0 … 40 件 and the hatch key
    expect(got.legend).toEqual(['0', '0', '0', '0', '0', '0', '40 件', 'X: 非表示']);
    expect(got.last).toBe('斜線・X: 1〜9 件（少数のため非表示）');
  });

  it('termBars keeps the heaviest terms in the given order, labelled to two decimals, with labels as text', async () => {
    const got = await page.evaluate((script) => {
      const svg = window.charts.termBars(
        [
          { term: '就労', weight: 0.5 },
          { term: '通院', weight: 0.9 },
          { term: script, weight: 0.7 },
          { term: '送迎', weight: 0.456 },
        ],
        { width: 400, title: '特徴的な語', footnote: '出典: mieruka（個別支援会議の記録から集計）', max: 3 },
      );
      document.body.append(svg);
      const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
      return {
        terms: [...svg.querySelectorAll('rect[data-term]')].map((r) => r.getAttribute('data-term')),
        widths: [...svg.querySelectorAll('rect[data-term]')].map((r) => Number(r.getAttribute('width'))),
        values: texts.filter((t) => /^\d\.\d\d$/.test(t ?? '')),
        height: svg.getAttribute('height'),
        last: texts.at(-1),
      };
    }, SCRIPT);
    expect(got.terms).toEqual(['就労', '通院', SCRIPT]);
    expect(got.values).toEqual(['0.50', '0.90', '0.70']);
    expect(got.widths[1]).toBeGreaterThan(got.widths[2] ?? Infinity);
    expect(got.widths[2]).toBeGreaterThan(got.widths[0] ?? Infinity);
    expect(got.height).toBe(String(28 + 8 + 10 + 16 + 3 * 22));
    expect(got.last).toBe('出典: mieruka（個別支援会議の記録から集計）');
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  it('cooccurrenceNetwork lays out the same data identically, inside the svg, and says so when nothing co-occurs', async () => {
    const got = await page.evaluate(() => {
      const { cooccurrenceNetwork } = window.charts;
      const terms = ['就労', '通院', '送迎', '家族', '住まい', 'グループホーム', '移動支援', '相談支援', '日中活動', '短期入所', '医療的ケア', '権利擁護'];
      const links = terms.flatMap((a, i) => terms.slice(i + 1, i + 4).map((b, k) => ({ a, b, together: 10 - k, jaccard: 0.6 - 0.15 * k })));
      links.push({ a: '就労', b: '権利擁護', together: 1, jaccard: 0.01 });
      const weights = new Map(terms.map((t, i) => [t, 1 + i]));
      const options = { width: 360, height: 260, title: '共起ネットワーク', footnote: '出典: mieruka（個別支援会議の記録から集計）', weights, minJaccard: 0.05 };
      const one = cooccurrenceNetwork(links, options);
      const two = cooccurrenceNetwork(links, options);
      document.body.append(one);
      const box = one.getBoundingClientRect();
      const outside = [...one.querySelectorAll('g[data-term] circle')].filter((c) => {
        const r = c.getBoundingClientRect();
        return r.left < box.left || r.top < box.top || r.right > box.right || r.bottom > box.bottom;
      }).length;
      const empty = cooccurrenceNetwork([{ a: '就労', b: '通院', together: 1, jaccard: 0.1 }], { ...options, minJaccard: 0.5 });
      return {
        same: one.outerHTML === two.outerHTML,
        nodes: one.querySelectorAll('g[data-term]').length,
        links: [...one.querySelectorAll('line[data-a]')].map((l) => `${l.getAttribute('data-a')}-${l.getAttribute('data-b')}`),
        outside,
        emptyTexts: [...empty.querySelectorAll('text')].map((t) => t.textContent),
        emptyNodes: empty.querySelectorAll('[data-term]').length,
      };
    });
    expect(got.same).toBe(true);
    expect(got.nodes).toBe(12);
    expect(got.links).toHaveLength(9 * 3 + 2 + 1);
    expect(got.links).not.toContain('就労-権利擁護');
    expect(got.links.slice(0, 3)).toEqual(['就労-通院', '就労-送迎', '就労-家族']);
    expect(got.outside).toBe(0);
    expect(got.emptyTexts).toEqual(['共起ネットワーク', '共起する語がありません', '出典: mieruka（個別支援会議の記録から集計）']);
    expect(got.emptyNodes).toBe(0);
  });
});

describe('the timeline brush in Chromium', () => {
  const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08'];

  async function barCentre(month: string): Promise<{ x: number; y: number }> {
    const box = await page.locator(`svg.timeline rect[data-month="${month}"]`).boundingBox();
    if (!box) throw new Error(`no bar for ${month}`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  it('selects whole months by dragging, moves with the arrow keys, clears with Escape and with a click', async () => {
    await page.evaluate((months) => {
      document.body.replaceChildren();
      window.__selections = [];
      const cases = [12, 18, 15, 20, 14, 16, 11, null];
      const svg = window.charts.timeline(
        months.map((month, i) => ({ month, cases: cases[i] ?? null, suppressed: cases[i] === null })),
        { width: 640, height: 240, title: '月別の事例数', footnote: '出典: mieruka（個別支援会議の記録から集計）', selection: null, onSelect: (range) => window.__selections.push(range) },
      );
      document.body.append(svg);
    }, months);
    expect(await page.locator('svg.timeline rect[data-month]').count()).toBe(8);
    expect(await page.locator('svg.timeline rect[data-suppressed="true"]').count()).toBe(1);

    const from = await barCentre('2024-03');
    const to = await barCentre('2024-05');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    expect(await page.evaluate(() => window.__selections)).toEqual([['2024-03', '2024-05']]);
    const selected = () => page.$$eval('svg.timeline rect[data-selected="true"]', (rects) => rects.map((r) => r.getAttribute('data-month')));
    expect(await selected()).toEqual(['2024-03', '2024-04', '2024-05']);
    expect(await page.$eval('svg.timeline rect[data-month="2024-01"]', (r) => r.getAttribute('fill'))).toBe('#d0d0d0');
    expect(await page.$eval('svg.timeline rect[data-month="2024-04"]', (r) => r.getAttribute('fill'))).toBe('#0072B2');

    await page.focus('svg.timeline');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => window.__selections.at(-1))).toEqual(['2024-04', '2024-06']);
    expect(await selected()).toEqual(['2024-04', '2024-05', '2024-06']);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.__selections.at(-1))).toBeNull();
    expect(await selected()).toEqual([]);

    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    const elsewhere = await barCentre('2024-07');
    await page.mouse.click(elsewhere.x, elsewhere.y);
    expect(await page.evaluate(() => window.__selections)).toEqual([['2024-03', '2024-05'], ['2024-04', '2024-06'], null, ['2024-03', '2024-05'], null]);
  });

  it('starts from the given selection without reporting it back', async () => {
    const got = await page.evaluate((months) => {
      document.body.replaceChildren();
      window.__selections = [];
      const svg = window.charts.timeline(
        months.map((month, i) => ({ month, cases: i + 1, suppressed: false })),
        { width: 640, height: 240, title: '月別の事例数', footnote: '出典: mieruka（個別支援会議の記録から集計）', selection: ['2024-02', '2024-04'], onSelect: (range) => window.__selections.push(range) },
      );
      document.body.append(svg);
      const bar = (m: string) => svg.querySelector(`rect[data-month="${m}"]`) as SVGRectElement;
      const brush = svg.querySelector('.brush .selection') as SVGRectElement;
      return {
        blue: [...svg.querySelectorAll('rect[data-month]')].filter((r) => r.getAttribute('fill') === '#0072B2').map((r) => r.getAttribute('data-month')),
        grey: svg.querySelectorAll('rect[data-month][fill="#d0d0d0"]').length,
        calls: window.__selections.length,
        tabindex: svg.getAttribute('tabindex'),
        covers: Number(brush.getAttribute('x')) <= Number(bar('2024-02').getAttribute('x')) &&
          Number(brush.getAttribute('x')) + Number(brush.getAttribute('width')) >= Number(bar('2024-04').getAttribute('x')) + Number(bar('2024-04').getAttribute('width')) &&
          Number(brush.getAttribute('x')) > Number(bar('2024-01').getAttribute('x')) + Number(bar('2024-01').getAttribute('width')),
      };
    }, months);
    expect(got).toEqual({ blue: ['2024-02', '2024-03', '2024-04'], grey: 5, calls: 0, tabindex: '0', covers: true });
  });
});
