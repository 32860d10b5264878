// The council's year through the API: meetings and their minutes, subcommittees' plans and progress, the city's plan, issues raised by related bodies.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCouncilSettings, presetPath } from '../pipelines/council/settings.ts';
import { testApp, type Client } from './helpers/test-app.ts';

// Each test starts from its own copy of the demo database, ingested and analysed, under the Kisarazu preset.
let t: Awaited<ReturnType<typeof testApp>>;
let coordinator: Client;
beforeEach(async () => {
  t = await testApp({ template: 'demo', settings: await loadCouncilSettings(presetPath('kisarazu')) });
  coordinator = await t.as('coordinator');
});
afterEach(() => t.close());

const answer = async (res: Response) => [res.status, await res.json()] as const;
const revisionOf = async (id: string) =>
  ((await (await coordinator.get('/api/themes')).json()) as { themes: Array<{ theme_id: string; revision: number }> }).themes.find((x) => x.theme_id === id)?.revision as number;

describe('the council\'s meetings', () => {
  it('records a meeting of a kind the council holds, sets its agenda, and reads it back as minutes with the decisions taken in it', async () => {
    const created = await coordinator.send('POST', '/api/meetings', { kind: '調整会議', heldOn: '2025-06-12', title: '第1回 調整会議' });
    expect(await answer(created)).toEqual([201, { meetingId: 'M-0001', kind: '調整会議', heldOn: '2025-06-12', subcommittee: null, title: '第1回 調整会議', public: false }]);
    const agenda = { items: [{ themeId: 'T-0002', question: '居住支援部会に依頼するか' }, { item: '全体会の日程' }] };
    expect((await coordinator.send('PUT', '/api/meetings/M-0001/agenda', agenda)).status).toBe(200);
    const adopted = await coordinator.send('POST', '/api/themes/T-0002/actions', { action: 'adopt', revision: await revisionOf('T-0002'), meetingId: 'M-0001' });
    expect(adopted.status).toBe(200);
    const [status, record] = await answer(await coordinator.get('/api/meetings/M-0001'));
    expect(status).toBe(200);
    const minutes = record as { meeting: unknown; agenda: Array<Record<string, unknown>>; decisions: Array<Record<string, unknown>> };
    expect(minutes.meeting).toEqual({ meeting_id: 'M-0001', kind: '調整会議', held_on: '2025-06-12', subcommittee: null, title: '第1回 調整会議', public: false });
    expect(minutes.agenda.map((a) => [a.position, a.theme_id, a.status, a.item, a.question])).toEqual([
      [1, 'T-0002', '採択', null, '居住支援部会に依頼するか'],
      [2, null, null, '全体会の日程', null],
    ]);
    expect(minutes.decisions.map((d) => [d.theme_id, d.action, d.label])).toEqual([['T-0002', 'adopt', '採択']]);
    const history = ((await (await coordinator.get('/api/themes/T-0002')).json()) as { history: Array<Record<string, unknown>> }).history;
    expect(history.map((h) => [h.action, h.meeting_id, h.meeting_kind, h.meeting_held_on])).toEqual([['adopt', 'M-0001', '調整会議', '2025-06-12']]);
    const listed = (await (await coordinator.get('/api/meetings')).json()) as { kinds: string[]; meetings: Array<Record<string, unknown>> };
    expect(listed.kinds).toEqual(['個別支援会議', '調整会議', '専門部会', '全体会']);
    expect(listed.meetings.map((m) => [m.meeting_id, m.agenda_items, m.decisions])).toEqual([['M-0001', 2, 1]]);
  });

  it('names the subcommittee of a 専門部会 and refuses what the council does not hold', async () => {
    const field = async (body: unknown, path = '/api/meetings', method = 'POST') => {
      const res = await coordinator.send(method, path, body);
      return [res.status, ((await res.json()) as { field?: string; code: string }).field ?? 'ok'];
    };
    expect(await field({ kind: '専門部会', heldOn: '2025-07-01', subcommittee: '居住支援部会' })).toEqual([201, 'ok']);
    const plenary = (await (await coordinator.send('POST', '/api/meetings', { kind: '全体会', heldOn: '2025-09-01', public: false })).json()) as { public: boolean; title: string };
    expect([plenary.public, plenary.title]).toEqual([true, '全体会（2025-09-01）']);
    expect(await field({ kind: '専門部会', heldOn: '2025-07-01' })).toEqual([400, 'subcommittee']);
    expect(await field({ kind: '専門部会', heldOn: '2025-07-01', subcommittee: '架空部会' })).toEqual([400, 'subcommittee']);
    expect(await field({ kind: '運営会議', heldOn: '2025-07-01' })).toEqual([400, 'kind']);
    expect(await field({ kind: '全体会', heldOn: '2025-02-30' })).toEqual([400, 'heldOn']);
    expect(await field({ kind: '全体会', heldOn: '7月1日' })).toEqual([400, 'heldOn']);
    expect(await field({ items: [{ themeId: 'T-9999' }] }, '/api/meetings/M-0001/agenda', 'PUT')).toEqual([400, 'items[0].themeId']);
    expect(await field({ items: [{ themeId: 'T-0001', item: '両方' }] }, '/api/meetings/M-0001/agenda', 'PUT')).toEqual([400, 'items[0]']);
    expect(await field({ items: [] }, '/api/meetings/M-0404/agenda', 'PUT')).toEqual([404, 'ok']);
    const wrong = await coordinator.send('POST', '/api/themes/T-0003/actions', { action: 'adopt', revision: await revisionOf('T-0003'), meetingId: 'M-0404' });
    expect(wrong.status).toBe(404);
    expect((await (await t.as('viewer')).send('POST', '/api/meetings', { kind: '全体会', heldOn: '2025-07-01' })).status).toBe(403);
  });
});

describe('the subcommittees\' work', () => {
  it('keeps a referred theme\'s plan and progress, and shows on the subcommittee\'s board what is overdue', async () => {
    const notYet = await coordinator.send('PUT', '/api/subcommittees/themes/T-0002/plan', { studies: '空き状況の調査' });
    expect([notYet.status, ((await notYet.json()) as { code: string }).code]).toEqual([409, 'not_referred']);
    let revision = await revisionOf('T-0002');
    for (const body of [{ action: 'adopt' }, { action: 'refer', subcommittee: '居住支援部会' }]) {
      expect((await coordinator.send('POST', '/api/themes/T-0002/actions', { ...body, revision })).status).toBe(200);
      revision += 1;
    }
    const plan = { studies: '市内のグループホームの空き状況と待機者の調査', due: '2026-10-31', nextReport: '2026-09-30' };
    expect(await answer(await coordinator.send('PUT', '/api/subcommittees/themes/T-0002/plan', plan))).toEqual([200, { themeId: 'T-0002', plan }]);
    expect((await coordinator.send('POST', '/api/subcommittees/themes/T-0002/progress', { text: '事業所アンケートを配布した', notedOn: '2026-08-20' })).status).toBe(201);
    const board = async () => ((await (await coordinator.get(`/api/subcommittees/${encodeURIComponent('居住支援部会')}/progress`)).json()) as { today: string; themes: Array<Record<string, unknown>> });
    // The test clock stands at 2026-11-21: the next report (09-30) is late and the plan's end (10-31) has passed.
    const first = await board();
    expect(first.today).toBe('2026-11-21');
    expect(first.themes.map((x) => [x.theme_id, x.status, x.due, x.next_report, x.latest, x.reports, x.due_passed, x.report_late])).toEqual([
      ['T-0002', '部会へ依頼', '2026-10-31', '2026-09-30', '事業所アンケートを配布した', 0, true, true],
    ]);
    expect((await coordinator.send('POST', '/api/subcommittees/themes/T-0002/progress', { kind: 'report', text: '調査結果を運営会議に報告', notedOn: '2026-10-05' })).status).toBe(201);
    const second = await board();
    expect(second.themes.map((x) => [x.latest, x.reports, x.report_late])).toEqual([['調査結果を運営会議に報告', 1, false]]);
    const detail = (await (await coordinator.get('/api/subcommittees/themes/T-0002')).json()) as { plan: Record<string, unknown>; progress: Array<Record<string, unknown>> };
    expect([detail.plan.studies, detail.progress.map((p) => [p.kind, p.noted_on])]).toEqual([plan.studies, [['progress', '2026-08-20'], ['report', '2026-10-05']]]);
    const wrong = await coordinator.send('POST', '/api/subcommittees/themes/T-0002/progress', { kind: 'memo', text: 'x' });
    expect([wrong.status, ((await wrong.json()) as { field: string }).field]).toEqual([400, 'kind']);
    const late = await coordinator.send('PUT', '/api/subcommittees/themes/T-0002/plan', { studies: 'x', due: '2026-13-01' });
    expect([late.status, ((await late.json()) as { field: string }).field]).toEqual([400, 'due']);
    expect((await coordinator.get(`/api/subcommittees/${encodeURIComponent('架空部会')}/progress`)).status).toBe(400);
  });
});

describe('the city\'s plan', () => {
  it('loads the plan\'s items from a CSV, links themes to them, and lists per item the themes and the council\'s notes', async () => {
    const secretariat = await t.as('secretariat');
    const csv = '\ufeff番号,項目\r\n1-1,地域生活支援拠点等の整備\r\n2-3,グループホームの確保\r\n';
    expect(await answer(await secretariat.send('PUT', '/api/plan/items', { csv }))).toEqual([200, { items: 2 }]);
    expect(await answer(await coordinator.send('PUT', '/api/plan/themes/T-0002', { numbers: ['2-3'] }))).toEqual([200, { themeId: 'T-0002', numbers: ['2-3'] }]);
    const revision = await revisionOf('T-0002');
    await coordinator.send('POST', '/api/themes/T-0002/actions', { action: 'note', note: '市に整備を求める意見をまとめる', revision });
    const report = (await (await coordinator.get('/api/plan/report')).json()) as { items: Array<{ number: string; heading: string; themes: Array<Record<string, unknown>> }> };
    expect(report.items.map((i) => [i.number, i.heading, i.themes.map((x) => [x.themeId, x.status])])).toEqual([
      ['1-1', '地域生活支援拠点等の整備', []],
      ['2-3', 'グループホームの確保', [['T-0002', '候補']]],
    ]);
    expect(String(report.items[1]?.themes[0]?.notes)).toContain('市に整備を求める意見をまとめる');
    expect(await answer(await coordinator.get('/api/plan/themes/T-0002'))).toEqual([200, { numbers: ['2-3'] }]);
    // A new plan without 2-3 drops the link.
    await secretariat.send('PUT', '/api/plan/items', { csv: '番号,項目\n1-1,地域生活支援拠点等の整備\n' });
    expect(await answer(await coordinator.get('/api/plan/themes/T-0002'))).toEqual([200, { numbers: [] }]);
  });

  it.each([
    ['番号,見出し\n1,a\n', '1 行目に「項目」の列がありません。列は 番号、項目 にしてください。'],
    ['番号,項目\n1,a\n,b\n', '3 行目の「番号」が空です。'],
    ['番号,項目\n1,a\n1,b\n', '3 行目の番号「1」は 2 行目と重複しています。'],
    ['番号,項目\n1,\n', '2 行目の「項目」が空です。'],
  ])('refuses the plan CSV %j with its line', async (csv, message) => {
    const res = await (await t.as('secretariat')).send('PUT', '/api/plan/items', { csv });
    expect([res.status, ((await res.json()) as { message: string }).message]).toEqual([400, message]);
  });

  it('refuses a link to an item the plan does not have, and lets only the secretariat load the plan', async () => {
    const res = await coordinator.send('PUT', '/api/plan/themes/T-0002', { numbers: ['9-9'] });
    expect([res.status, ((await res.json()) as { field: string }).field]).toEqual([400, 'numbers']);
    expect((await coordinator.send('PUT', '/api/plan/items', { csv: '番号,項目\n1,a\n' })).status).toBe(403);
  });
});

describe('issues raised by related bodies and subcommittees', () => {
  it('takes an issue from a body\'s account, by form and by CSV, and tells the body what became of it', async () => {
    const body = await t.as('staff');
    const raised = await body.send('POST', '/api/raised-issues', { raisedBy: '相談支援事業所連絡会', title: '夜間の相談先がない', description: '夜間に緊急の相談を受けられる所がない。', raisedOn: '2025-06-01' });
    expect(await answer(raised)).toEqual([201, { issueIds: ['I-0001'] }]);
    const csv = '\ufeff提出者,件名,内容,根拠\r\n居住支援部会,保証人がいない,賃貸の入居で保証人を求められる,部会での聞き取り\r\n居住支援部会,家賃が高い,,\r\n';
    const wrong = await coordinator.send('POST', '/api/raised-issues', { csv });
    expect([wrong.status, ((await wrong.json()) as { message: string }).message]).toEqual([400, '3 行目の「内容」が空です。']);
    expect(await answer(await coordinator.send('POST', '/api/raised-issues', { csv: csv.split('\r\n').slice(0, 2).join('\r\n') }))).toEqual([201, { issueIds: ['I-0002'] }]);
    expect((await coordinator.send('POST', '/api/raised-issues/I-0001/decision', { action: 'merge', themeId: 'T-0001' })).status).toBe(200);
    expect((await coordinator.send('POST', '/api/raised-issues/I-0002/decision', { action: 'dismiss' })).status).toBe(400);
    expect((await coordinator.send('POST', '/api/raised-issues/I-0002/decision', { action: 'dismiss', reason: '市の住宅部局と協議済み' })).status).toBe(200);
    const again = await coordinator.send('POST', '/api/raised-issues/I-0001/decision', { action: 'dismiss', reason: 'x' });
    expect([again.status, ((await again.json()) as { code: string }).code]).toEqual([409, 'decided']);
    await coordinator.send('POST', '/api/themes/T-0001/actions', { action: 'adopt', revision: await revisionOf('T-0001') });
    const mine = ((await (await body.get('/api/raised-issues')).json()) as { issues: Array<Record<string, unknown>> }).issues;
    expect(mine.map((i) => [i.issue_id, i.status, i.theme_id, i.theme_status])).toEqual([['I-0001', '統合', 'T-0001', '採択']]);
    const all = ((await (await coordinator.get('/api/raised-issues')).json()) as { issues: Array<Record<string, unknown>> }).issues;
    expect(all.map((i) => [i.issue_id, i.raised_by, i.status, i.reason])).toEqual([
      ['I-0002', '居住支援部会', '見送り', '市の住宅部局と協議済み'],
      ['I-0001', '相談支援事業所連絡会', '統合', null],
    ]);
    expect((await (await t.as('viewer')).get('/api/raised-issues')).status).toBe(403);
    expect((await body.send('POST', '/api/raised-issues/I-0002/decision', { action: 'reopen' })).status).toBe(403);
  });
});
