import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { openDatabase } from '../pipelines/db/database.ts';
import { ReadCache } from '../server/http/read-cache.ts';
import { readReport } from '../server/report/read-report.ts';
import type { ReportCell, ReportModel } from '../server/report/report-model.ts';
import { runBreakdown } from '../server/themes/run-breakdown.ts';
import type { BreakdownLine } from '../server/themes/breakdown-table.ts';
import { openDeck, openWorkbook, partsWithBom, type Deck } from './helpers/office-files.ts';
import { runCli, type CliResult } from './helpers/run-cli.ts';
import { tempDir, type TempDir } from './helpers/temp-db.ts';
import { copyDatabase } from './setup/db-templates.ts';

const SOURCE = '出典: mieruka（個別支援会議の記録から集計）';
const FOOTNOTE = 'X: 1〜9 件（少数のため非表示）';
const THRESHOLD = 10;

let dir: TempDir;
let db: string;
const runs = new Map<string, CliResult>();
let model: ReportModel;
/** The counts as they are, unsuppressed, by facet: theme → value → cases. */
const truth = new Map<string, Map<string, Map<string, number>>>();

const text = (cell: ReportCell) => (cell.suppressed ? 'X' : String(cell.cases));
const trueCount = (facet: string, themeId: string, value: string) => truth.get(facet)?.get(themeId)?.get(value) ?? 0;

beforeAll(async () => {
  dir = tempDir();
  db = dir.path('demo.duckdb');
  copyDatabase(inject('dbTemplates').demo, db);
  for (const format of ['pptx', 'xlsx', 'pdf']) runs.set(format, await runCli(['report', '--db', db, '--format', format, '--out', dir.path(`資料.${format}`)]));
  const opened = await openDatabase(db);
  try {
    const deps = { db: opened, settings: DEFAULT_COUNCIL, cache: new ReadCache(opened) };
    model = await readReport(deps, new Date());
    for (const facet of [model.trends.facet, '地区', '障害種別'] as const) {
      const lines: BreakdownLine[] = await runBreakdown(deps, facet, null);
      const byTheme = new Map<string, Map<string, number>>();
      for (const l of lines) byTheme.set(l.themeId, (byTheme.get(l.themeId) ?? new Map()).set(l.value, l.cases ?? 0));
      truth.set(facet, byTheme);
    }
  } finally {
    await opened.close();
  }
}, 180_000);
afterAll(() => dir.remove());

describe('mieruka report', () => {
  it('saves each format with a progress line on stderr and the file named on stdout, exit 0', () => {
    for (const [format, run] of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/^全体会の資料を .+ で作っています…\n$/);
      expect(run.stdout).toContain(`を ${dir.path(`資料.${format}`)} に保存しました。`);
    }
    // The demo's report is long enough to exercise every split and every suppression.
    expect(model.ranking.length).toBeGreaterThan(12);
    expect(model.trends.themes).toHaveLength(8);
    expect(model.ranking.some((t) => t.areas.suppressed)).toBe(true);
  });

  describe('PowerPoint', () => {
    let deck: Deck;
    beforeAll(async () => {
      deck = await openDeck(readFileSync(dir.path('資料.pptx')));
    });

    it('has a title slide and one slide or more per part, each with title, period, source and footnote', () => {
      const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
      const expected = 1 + pages(model.ranking.length, 12) + pages(model.trends.themes.length, 4) + model.breakdowns.reduce((n, b) => n + 1 + pages(b.rows.length, 12), 0) + pages(model.decisions.length, 12);
      expect(deck.slides).toHaveLength(expected);
      expect(deck.slides.map((s) => s[0])).toEqual([
        '自立支援協議会 地域課題の報告',
        '1. テーマの順位（1/2）',
        '1. テーマの順位（2/2）',
        `2. 推移（上位 8 テーマ、${model.trends.label}）（1/2）`,
        `2. 推移（上位 8 テーマ、${model.trends.label}）（2/2）`,
        '3. 内訳（地区別）',
        '3. 内訳（テーマ別・地区別の事例数）（1/2）',
        '3. 内訳（テーマ別・地区別の事例数）（2/2）',
        '3. 内訳（障害種別別）',
        '3. 内訳（テーマ別・障害種別別の事例数）（1/2）',
        '3. 内訳（テーマ別・障害種別別の事例数）（2/2）',
        '4. 協議会の決定',
      ]);
      for (const slide of deck.slides) {
        expect(slide).toContain(`対象期間: ${model.period}`);
        expect(slide).toContain(SOURCE);
        expect(slide).toContain(FOOTNOTE);
      }
      expect(model.period).toMatch(/^\d{4}-\d{2}〜\d{4}-\d{2}$/);
    });

    it('holds the ranking as native tables, X for every suppressed count', () => {
      const rows = [deck.tables[1], deck.tables[2]].flatMap((t) => (t ?? []).slice(1));
      expect(deck.tables[1]?.[0]).toEqual(['順位', 'ID', 'テーマ', '事例', '事業所', '地区', '月数', '専門部会', '状態']);
      expect(rows).toEqual(model.ranking.map((t) => [String(t.rank), t.themeId, t.name, text(t.cases), text(t.agencies), text(t.areas), text(t.months), t.subcommittee ?? '—', t.status]));
    });

    it('draws each leading trend and each breakdown as a native chart with its data, a suppressed point 0 and marked X', () => {
      expect(deck.charts.map((c) => c.path)).toEqual(Array.from({ length: 10 }, (_, i) => `ppt/charts/chart${i + 1}.xml`));
      let hidden = 0;
      model.trends.themes.forEach((t, i) => {
        const chart = deck.charts[i];
        expect(chart?.xml).toContain(`${t.themeId} ${t.name}`);
        t.periods.forEach((p, k) => {
          if (p.suppressed) {
            hidden++;
            expect([chart?.categories[k], chart?.values[k]]).toEqual([`${p.month}（X）`, '0']);
            expect(trueCount(model.trends.facet, t.themeId, p.month)).toBeGreaterThan(0);
          } else expect([chart?.categories[k], chart?.values[k]]).toEqual([p.month, String(p.cases)]);
        });
      });
      expect(hidden).toBeGreaterThan(0);
      model.breakdowns.forEach((b, i) => {
        const chart = deck.charts[8 + i];
        expect(chart?.categories).toEqual(b.values.map((v, j) => (b.totals[j]?.suppressed ? `${v}（X）` : v)));
        expect(chart?.values).toEqual(b.totals.map((c) => (c.suppressed ? '0' : String(c.cases))));
      });
    });

    it('never writes a suppressed count: its table cell is X, and the true count of a small cell is nowhere in its place', () => {
      model.breakdowns.forEach((b, i) => {
        const first = 6 + i * 3;
        const rows = [deck.tables[first], deck.tables[first + 1]].flatMap((t) => (t ?? []).slice(1));
        expect(rows).toEqual([...b.rows.map((r) => [r.themeId, r.name, ...r.cells.map(text), text(r.total)]), ['合計', '', ...b.totals.map(text), text(b.total)]]);
        b.rows.forEach((r, k) =>
          b.values.forEach((v, j) => {
            const count = trueCount(b.facet, r.themeId, v);
            if (count > 0 && count < THRESHOLD) expect(rows[k]?.[2 + j], `${r.themeId} ${v}`).toBe('X');
          }),
        );
      });
    });
  });

  describe('Excel', () => {
    it('has the cover and one sheet per table, bold frozen headers, X in suppressed cells, no BOM', async () => {
      const bytes = readFileSync(dir.path('資料.xlsx'));
      const { workbook, sheets } = await openWorkbook(bytes);
      expect([...sheets.keys()]).toEqual(['表紙', 'テーマの順位', '推移', '内訳（地区）', '内訳（障害種別）', '協議会の決定']);
      for (const ws of workbook.worksheets) {
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(ws.getRow(1).font?.bold).toBe(true);
        expect(ws.columns.every((c) => (c.width ?? 0) >= 6)).toBe(true);
      }
      expect(sheets.get('表紙')?.slice(0, 6)).toEqual([
        ['項目', '内容'],
        ['協議会', '自立支援協議会'],
        ['資料', '自立支援協議会 地域課題の報告（全体会の資料）'],
        ['対象期間', model.period],
        ['作成日', model.createdOn],
        ['出典', SOURCE],
      ]);
      expect(sheets.get('表紙')?.[6]).toEqual(['注', FOOTNOTE]);
      const cell = (c: ReportCell) => (c.suppressed ? 'X' : c.cases);
      expect(sheets.get('テーマの順位')).toEqual([
        ['順位', 'ID', 'テーマ', '事例', '事業所', '地区', '月数', '専門部会', '状態'],
        ...model.ranking.map((t) => [t.rank, t.themeId, t.name, cell(t.cases), cell(t.agencies), cell(t.areas), cell(t.months), t.subcommittee ?? '', t.status]),
      ]);
      expect(sheets.get('推移')).toEqual([['ID', 'テーマ', ...model.trends.periods], ...model.trends.themes.map((t) => [t.themeId, t.name, ...t.periods.map(cell)])]);
      for (const b of model.breakdowns) {
        const rows = sheets.get(`内訳（${b.facet}）`) ?? [];
        expect(rows[0]).toEqual(['ID', 'テーマ', ...b.values, '合計']);
        expect(rows.at(-1)).toEqual(['合計', '', ...b.totals.map(cell), cell(b.total)]);
        b.rows.forEach((r, k) => {
          expect(rows[k + 1]).toEqual([r.themeId, r.name, ...r.cells.map(cell), cell(r.total)]);
          b.values.forEach((v, j) => {
            const count = trueCount(b.facet, r.themeId, v);
            if (count > 0 && count < THRESHOLD) expect(rows[k + 1]?.[2 + j]).toBe('X');
          });
        });
      }
      expect(sheets.get('協議会の決定')).toEqual([['ID', 'テーマ', '状態', '専門部会'], ...model.decisions.map((d) => [d.themeId, d.name, d.status, d.subcommittee ?? ''])]);
      expect(await partsWithBom(bytes)).toEqual([]);
    });
  });

  it('prints the A4 view to PDF through Chromium: several A4 pages', () => {
    const pdf = readFileSync(dir.path('資料.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const body = pdf.toString('latin1');
    expect(body.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    const boxes = new Set([...body.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => `${Math.floor(Number(m[1]))}x${Math.floor(Number(m[2]))}`));
    expect([...boxes]).toEqual(['595x842']);
  });

  it('refuses an unknown format or a missing --out with a Japanese usage message (exit 2), and a missing Chromium with one line (exit 1)', async () => {
    const unknown = await runCli(['report', '--db', db, '--format', 'docx', '--out', dir.path('x.docx')]);
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([2, 'エラー: --format「docx」は作れません。pdf、pptx、xlsx のいずれかを指定してください。']);
    const noOut = await runCli(['report', '--db', db, '--format', 'pptx']);
    expect([noOut.code, noOut.stderr.split('\n')[0]]).toEqual([2, 'エラー: report には保存先のファイルを --out で指定してください（例: --out 全体会資料.pptx）。']);
    const noFormat = await runCli(['report', '--db', db, '--out', dir.path('x.pptx')]);
    expect([noFormat.code, noFormat.stderr.split('\n')[0]]).toEqual([2, 'エラー: report には --format pdf、pptx、xlsx のいずれかを指定してください。']);
    const noChromium = await runCli(['report', '--db', db, '--format', 'pdf', '--out', dir.path('x.pdf')], { PATH: dir.path('empty-path') });
    expect(noChromium.code).toBe(1);
    expect(noChromium.stderr.trim().split('\n').at(-1)).toBe(
      'エラー: PDF を作るには Chromium が要ります。sudo apt-get install chromium で入れてから、もう一度実行してください（または画面の「全体会の資料（印刷）」から、ブラウザーの印刷で PDF に保存できます）。',
    );
  });
});
