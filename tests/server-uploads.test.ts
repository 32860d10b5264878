import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseCsv, caseRow } from './helpers/case-csv.ts';
import { addCaseSheet, caseCells, workbookBytes } from './helpers/case-workbook.ts';
import { queryRows } from './helpers/temp-db.ts';
import { csvForm, jobEvents as events } from './helpers/job-events.ts';
import { testApp } from './helpers/test-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp({ maxUploadBytes: 200_000 });
});
afterEach(() => t.close());

const FILE = caseCsv([caseRow('K-1'), caseRow('K-2', { 相談内容: '母の携帯090-1234-5678' }), caseRow('K-3', { 年齢層: '47歳' })]);

describe('the server: uploads and analysis runs', () => {
  it('runs an upload as a job, streams its progress, and keeps the report for the uploader', async () => {
    const staff = await t.as('staff');
    const res = await staff.upload('/api/uploads', csvForm(FILE));
    expect(res.status).toBe(202);
    const { jobId } = (await res.json()) as { jobId: string };
    const stream = await events(staff, jobId);
    expect(stream.at(-1)).toMatchObject({ event: 'done', data: { file: 'cases.csv', rows: 3, accepted: 2, rejected: 1 } });
    expect(stream.filter((e) => e.event === 'progress').map((e) => e.data.stage)).toContain('store');
    const uploads = ((await (await staff.get('/api/uploads')).json()) as { uploads: Array<{ upload_id: string; accepted: number }> }).uploads;
    expect(uploads.map((u) => u.accepted)).toEqual([2]);
    const detail = (await (await staff.get(`/api/uploads/${uploads[0]?.upload_id}`)).json()) as { issues: Array<{ code: string }>; pii: Array<{ kind: string }> };
    expect(detail.issues.map((i) => i.code)).toEqual(['exact_age']);
    expect(detail.pii.map((p) => p.kind)).toEqual(['phone']);
    expect(((await (await (await t.as('viewer')).get('/api/uploads')).status))).toBe(403);
    const other = await t.as('coordinator');
    expect(((await (await other.get('/api/uploads')).json()) as { uploads: unknown[] }).uploads).toHaveLength(1);
  });

  it('takes an Excel workbook, from the sheet the form names, and refuses a sheet that is not there in Japanese', async () => {
    const staff = await t.as('staff');
    const bytes = await workbookBytes((book) => {
      addCaseSheet(book, '4月', [caseCells('K-1')]);
      const may = addCaseSheet(book, '5月', [caseCells(12), caseCells('K-5'), caseCells('K-6')]);
      may.getRow(3).hidden = true;
    });
    const form = (sheet: string) => {
      const f = new FormData();
      f.set('file', new File([bytes], 'cases.xlsx'));
      f.set('sheet', sheet);
      return f;
    };
    const { jobId } = (await (await staff.upload('/api/uploads', form('5月'))).json()) as { jobId: string };
    expect((await events(staff, jobId)).at(-1)).toMatchObject({ event: 'done', data: { file: 'cases.xlsx', sheet: '5月', rows: 3, accepted: 2, skipped: 1 } });
    expect(await queryRows(t.temp.db, 'SELECT record_id, line FROM cases ORDER BY line')).toEqual([
      { record_id: '12', line: 2 },
      { record_id: 'K-6', line: 4 },
    ]);
    const missing = (await (await staff.upload('/api/uploads', form('6月'))).json()) as { jobId: string };
    expect((await events(staff, missing.jobId)).at(-1)).toMatchObject({
      event: 'failed',
      data: { message: 'シート「6月」はこのブックにありません。このブックのシート: 「4月」「5月」。' },
    });
  });

  it('refuses a file over the size limit and a request without a file', async () => {
    const staff = await t.as('staff');
    const big = await staff.upload('/api/uploads', csvForm(FILE + 'x'.repeat(250_000)));
    expect([big.status, ((await big.json()) as { code: string }).code]).toEqual([413, 'too_large']);
    const none = await staff.upload('/api/uploads', new FormData());
    expect([none.status, ((await none.json()) as { field: string }).field]).toEqual([400, 'file']);
  });

  it('serialises an upload and an analysis started together, and shows staff the themes their cases fed', async () => {
    const staff = await t.as('staff');
    const coordinator = await t.as('coordinator');
    const rows = Array.from({ length: 40 }, (_, i) =>
      caseRow(`K-${100 + i}`, { 相談内容: '', 対応・支援内容: '', 会議日: `2024/${String((i % 12) + 1).padStart(2, '0')}/10`, 事業所コード: `S0${i % 5}`, 課題: i % 2 ? 'グループホームの空きがない。入居先がない。' : '送迎の手段がない。通所できない。' }),
    );
    const upload = (await (await staff.upload('/api/uploads', csvForm(caseCsv(rows)))).json()) as { jobId: string };
    const analysis = (await (await coordinator.send('POST', '/api/analysis', {})).json()) as { jobId: string };
    expect((await events(staff, upload.jobId)).at(-1)?.event).toBe('done');
    const done = (await events(coordinator, analysis.jobId)).at(-1);
    expect(done).toMatchObject({ event: 'done', data: { cases: 40 } });
    expect(Number(done?.data.themes)).toBeGreaterThanOrEqual(2);
    const runs = ((await (await coordinator.get('/api/analysis')).json()) as { runs: unknown[] }).runs;
    expect(runs).toHaveLength(1);
    const seen = ((await (await staff.get('/api/themes')).json()) as { themes: Array<{ status: string }> }).themes;
    expect(seen.length).toBe(Number(done?.data.themes));
    expect(seen.every((x) => x.status === '候補')).toBe(true);
    expect((await staff.send('POST', '/api/analysis', {})).status).toBe(403);
    const first = seen[0] as unknown as { theme_id: string };
    const listed = ((await (await coordinator.get('/api/themes')).json()) as { themes: Array<{ theme_id: string; revision: number }> }).themes;
    const revision = listed.find((x) => x.theme_id === first.theme_id)?.revision as number;
    expect((await coordinator.send('POST', `/api/themes/${first.theme_id}/actions`, { action: 'adopt', revision })).status).toBe(200);
    expect((await coordinator.send('POST', `/api/themes/${first.theme_id}/actions`, { action: 'note', note: '内部のメモ', revision: revision + 1 })).status).toBe(200);
    const feedback = (await (await staff.get('/api/feedback')).json()) as { themes: Array<{ theme_id: string; own_cases: number; status: string; decisions: unknown[] }> };
    expect(feedback.themes.map((x) => x.theme_id).sort()).toEqual(seen.map((x) => (x as unknown as { theme_id: string }).theme_id).sort());
    expect(feedback.themes.reduce((n, x) => n + x.own_cases, 0)).toBeLessThanOrEqual(40);
    expect(feedback.themes.every((x) => x.own_cases >= 1)).toBe(true);
    const adopted = feedback.themes.find((x) => x.theme_id === first.theme_id);
    expect(adopted?.status).toBe('採択');
    expect(adopted?.decisions).toEqual([{ date: '2026-11-21', action: 'adopt', status: '採択', subcommittee: null }]);
    expect(JSON.stringify(feedback)).not.toContain('内部のメモ');
    expect((await (await t.as('viewer')).get('/api/feedback')).status).toBe(403);
  });
});
