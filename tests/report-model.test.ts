import { describe, expect, it } from 'vitest';
import type { PeriodLine } from '../shared/period-series.ts';
import { buildReport, type PublishedTheme, type ReportInput } from '../server/report/report-model.ts';

const theme = (id: string, status = '候補'): PublishedTheme => ({
  themeId: id,
  name: `名前 ${id}`,
  status,
  subcommittee: status === '候補' ? null : '居住支援部会',
  suggestedSubcommittee: '啓発交流部会',
  caseCount: { value: 30 },
  orgCount: { suppressed: true, marker: 'X' },
  areaCount: { value: 12 },
  periodCount: { value: 11 },
});
const line = (themeId: string, value: string, cases: number | null): PeriodLine => ({ themeId, value, cases, suppressed: cases === null });

function input(lines: Partial<Record<string, PeriodLine[]>>): ReportInput {
  return { council: '木更津市地域自立支援協議会', threshold: 10, demo: false, createdOn: '2026-11-21', themes: [theme('T-0001'), theme('T-0002', '採択')], lines: (facet) => lines[facet] ?? [] };
}

describe('buildReport', () => {
  it('keeps the trend by month while at least two thirds of the non-zero months show, filling the months between', () => {
    const report = buildReport(input({ 月: [line('T-0001', '2024-04', 12), line('T-0001', '2024-06', 15), line('T-0002', '2024-05', null)], 四半期: [line('T-0001', '2024年度Q1', 27)] }));
    expect(report.trends.facet).toBe('月');
    expect(report.period).toBe('2024-04〜2024-06');
    expect(report.trends.themes.map((t) => t.periods)).toEqual([
      [{ month: '2024-04', cases: 12, suppressed: false }, { month: '2024-05', cases: 0, suppressed: false }, { month: '2024-06', cases: 15, suppressed: false }],
      [{ month: '2024-04', cases: 0, suppressed: false }, { month: '2024-05', cases: null, suppressed: true }, { month: '2024-06', cases: 0, suppressed: false }],
    ]);
  });

  it('moves to quarters when by month suppression would hide more than a third, and to years after that', () => {
    const months = [line('T-0001', '2024-04', null), line('T-0001', '2024-05', null), line('T-0001', '2024-06', 11)];
    const quarters = [line('T-0001', '2024年度Q1', 20), line('T-0001', '2024年度Q2', null)];
    expect(buildReport(input({ 月: months, 四半期: [line('T-0001', '2024年度Q1', 20)] })).trends).toMatchObject({ facet: '四半期', label: '四半期別（年度）', periods: ['2024年度Q1'] });
    expect(buildReport(input({ 月: months, 四半期: quarters, 年度: [line('T-0001', '2024年度', 25)] })).trends).toMatchObject({ facet: '年度', label: '年度別', periods: ['2024年度'] });
    // The stated period is still the months', whichever period the trend is drawn by.
    expect(buildReport(input({ 月: months, 四半期: quarters })).period).toBe('2024-04〜2024-06');
  });

  it('ranks, breaks down and lists the decisions as the print view does', () => {
    const report = buildReport(input({ 地区: [line('T-0001', '中央', 14), line('T-0001', '合計', 30), line('合計', '中央', null), line('合計', '合計', 30)] }));
    expect(report.ranking[0]).toEqual({ rank: 1, themeId: 'T-0001', name: '名前 T-0001', cases: { cases: 30, suppressed: false }, agencies: { cases: null, suppressed: true }, areas: { cases: 12, suppressed: false }, months: { cases: 11, suppressed: false }, subcommittee: '啓発交流部会', status: '候補' });
    expect(report.ranking[1]?.subcommittee).toBe('居住支援部会');
    const [areas] = report.breakdowns;
    expect(areas).toEqual({
      facet: '地区',
      values: ['中央'],
      rows: [
        { themeId: 'T-0001', name: '名前 T-0001', cells: [{ cases: 14, suppressed: false }], total: { cases: 30, suppressed: false } },
        { themeId: 'T-0002', name: '名前 T-0002', cells: [{ cases: 0, suppressed: false }], total: { cases: 0, suppressed: false } },
      ],
      totals: [{ cases: null, suppressed: true }],
      total: { cases: 30, suppressed: false },
    });
    expect(report.decisions).toEqual([{ themeId: 'T-0002', name: '名前 T-0002', status: '採択', subcommittee: '居住支援部会' }]);
    expect([report.title, report.footnote, report.source]).toEqual(['木更津市地域自立支援協議会 地域課題の報告', 'X: 1〜9 件（少数のため非表示）', '出典: mieruka（個別支援会議の記録から集計）']);
  });
});
