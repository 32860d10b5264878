import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeck, openWorkbook } from './helpers/office-files.ts';
import { NOW, testApp, type TestApp } from './helpers/test-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
/** 自立支援協議会_地域課題の報告_2026-11-21, percent-encoded as UTF-8 (RFC 5987). */
const FILE_NAME = '%E8%87%AA%E7%AB%8B%E6%94%AF%E6%8F%B4%E5%8D%94%E8%AD%B0%E4%BC%9A_%E5%9C%B0%E5%9F%9F%E8%AA%B2%E9%A1%8C%E3%81%AE%E5%A0%B1%E5%91%8A_2026-11-21';

type Count = number | { suppressed: true; marker: string } | { value: number };
interface PublishedTheme {
  theme_id: string;
  name: string;
  status: string;
  subcommittee: string | null;
  suggested_subcommittee: string | null;
  case_count: Count;
  org_count: Count;
  area_count: Count;
  period_count: Count;
}
const shown = (c: Count) => (typeof c === 'number' ? c : 'suppressed' in c ? c.marker : c.value);

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ template: 'demo' });
});
afterAll(async () => t.close());

describe('GET /api/report.xlsx and /api/report.pptx', () => {
  it('serves the workbook under the council’s Japanese file name, with the figures of /api/themes?published=1, and logs the export', async () => {
    expect(NOW.toISOString().slice(0, 10)).toBe('2026-11-21');
    const secretariat = await t.as('secretariat');
    const res = await secretariat.get('/api/report.xlsx');
    expect([res.status, res.headers.get('content-type'), res.headers.get('content-disposition')]).toEqual([200, XLSX, `attachment; filename="report.xlsx"; filename*=UTF-8''${FILE_NAME}.xlsx`]);
    const { sheets } = await openWorkbook(new Uint8Array(await res.arrayBuffer()));
    const { themes } = (await (await secretariat.get('/api/themes?published=1')).json()) as { themes: PublishedTheme[] };
    expect(themes.length).toBeGreaterThan(0);
    expect(sheets.get('テーマの順位')?.slice(1)).toEqual(
      themes.map((th, i) => [i + 1, th.theme_id, th.name, shown(th.case_count), shown(th.org_count), shown(th.area_count), shown(th.period_count), th.subcommittee ?? th.suggested_subcommittee ?? '', th.status]),
    );
    expect(sheets.get('テーマの順位')?.flat()).toContain('X');
    const log = (await (await secretariat.get('/api/audit')).json()) as { entries: Array<{ action: string; user_id: string | null; target: string | null }> };
    expect(log.entries.find((e) => e.action === 'export_report_xlsx')).toMatchObject({ target: `${themes.length} themes` });
  });

  it('serves the same published figures to the meeting and to viewers: suppression does not depend on who saves', async () => {
    const bodies = await Promise.all(
      (['coordinator', 'viewer'] as const).map(async (role) => {
        const res = await (await t.as(role)).get('/api/report.xlsx');
        expect(res.status).toBe(200);
        return (await openWorkbook(new Uint8Array(await res.arrayBuffer()))).sheets.get('内訳（地区）');
      }),
    );
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[0]?.flat()).toContain('X');
  });

  it('serves the deck with native charts', async () => {
    const res = await (await t.as('viewer')).get('/api/report.pptx');
    expect([res.status, res.headers.get('content-type'), res.headers.get('content-disposition')]).toEqual([200, PPTX, `attachment; filename="report.pptx"; filename*=UTF-8''${FILE_NAME}.pptx`]);
    const deck = await openDeck(new Uint8Array(await res.arrayBuffer()));
    expect(deck.charts.length).toBe(10);
    expect(deck.slides[0]?.[0]).toBe('自立支援協議会 地域課題の報告');
  });

  it('refuses case workers (403) and anyone not signed in (401)', async () => {
    const staff = await t.as('staff');
    for (const path of ['/api/report.xlsx', '/api/report.pptx']) {
      expect((await staff.get(path)).status).toBe(403);
      expect((await t.anonymous.get(path)).status).toBe(401);
    }
  });
});
