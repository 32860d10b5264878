import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { analyze } from '../pipelines/themes/analyze.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { NOW, testApp, type Client } from './helpers/test-app.ts';
import { queryRows } from './helpers/temp-db.ts';

// Each test starts from its own copy of the demo database, ingested and analysed.
let t: Awaited<ReturnType<typeof testApp>>;
const reanalyse = () => analyze(t.temp.db, { settings: DEFAULT_COUNCIL, tokenizeMany: tokenizeInProcess, now: NOW });
beforeEach(async () => {
  t = await testApp({ template: 'demo' });
});
afterEach(() => t.close());

type Theme = Record<string, unknown> & { theme_id: string; status: string; revision: number };
const list = async (role: Parameters<typeof t.as>[0], query = '') => ((await (await (await t.as(role)).get(`/api/themes${query}`)).json()) as { themes: Theme[] }).themes;
const revisionOf = async (id: string) => (await list('coordinator')).find((x) => x.theme_id === id)?.revision as number;

/** The coordination meeting's moves on T-0002, from 候補 to 提言済, each on the revision the last one left. */
const WORKFLOW = [
  [{ action: 'rename', name: '緊急時の受け皿' }, '候補'],
  [{ action: 'adopt' }, '採択'],
  [{ action: 'refer', subcommittee: '安心安全部会' }, '部会へ依頼'],
  [{ action: 'discuss' }, '協議中'],
  [{ action: 'conclude', conclusion: '拠点の整備を提案する' }, '協議中'],
  [{ action: 'report' }, '全体会報告'],
  [{ action: 'recommend' }, '提言済'],
] as const;

async function runWorkflow(coordinator: Client): Promise<number> {
  let revision = await revisionOf('T-0002');
  for (const [body, status] of WORKFLOW) {
    const res = await coordinator.send('POST', '/api/themes/T-0002/actions', { ...body, revision });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { decision: { status: string }; revision: number };
    expect(answer.decision.status).toBe(status);
    expect(answer.revision).toBe(revision + 1);
    revision = answer.revision;
  }
  return revision;
}

describe('the server: themes', () => {
  it('lists the latest run\'s themes, ranked, for the coordination meeting', async () => {
    const themes = await list('coordinator');
    expect(themes.length).toBeGreaterThanOrEqual(8);
    expect(themes[0]).toMatchObject({ theme_id: 'T-0001', status: '候補' });
    const scores = themes.map((x) => Number(x.score));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('filters by area, disability type, age band and period', async () => {
    const all = await list('coordinator');
    const inArea = await list('coordinator', '?area=' + encodeURIComponent('山間'));
    expect(inArea.length).toBeGreaterThan(0);
    expect(inArea.length).toBeLessThan(all.length + 1);
    expect(await list('coordinator', '?from=2099-01')).toEqual([]);
    expect((await list('coordinator', '?from=2023-04&to=2025-03')).length).toBe(all.length);
    const children = await list('coordinator', '?ageBand=' + encodeURIComponent('18歳未満'));
    expect(children.length).toBeLessThan(all.length);
    const bad = await (await t.as('coordinator')).get('/api/themes?from=2024');
    expect([bad.status, ((await bad.json()) as { field: string }).field]).toEqual([400, 'from']);
  });

  it('shows a theme\'s evidence: terms, excerpts, breakdowns and KWIC', async () => {
    const coordinator = await t.as('coordinator');
    const detail = (await (await coordinator.get('/api/themes/T-0001')).json()) as {
      theme: Theme;
      terms: Array<{ term: string }>;
      representatives: Array<{ recordId: string; excerpt: string }>;
      breakdowns: Record<string, Array<{ value: string; cases: number }>>;
      kwic: Record<string, Array<{ keyword: string }>>;
    };
    expect(detail.terms.length).toBeGreaterThanOrEqual(3);
    expect(detail.representatives).toHaveLength(3);
    expect(detail.representatives.every((r) => r.excerpt.length > 0)).toBe(true);
    for (const facet of ['地区', '障害種別', '年齢層', '月', '四半期', '年度']) {
      expect(detail.breakdowns[facet]?.reduce((n, r) => n + r.cases, 0)).toBe(Number(detail.theme.case_count));
    }
    expect(Object.keys(detail.kwic)).toEqual(detail.terms.slice(0, 3).map((x) => x.term));
    const members = new Set(
      (await queryRows(t.temp.db, "SELECT record_id FROM theme_members WHERE theme_id = 'T-0001' AND run_id = (SELECT run_id FROM analysis_runs ORDER BY finished_at DESC LIMIT 1)")).map((r) => String(r.record_id)),
    );
    const lines = Object.values(detail.kwic as unknown as Record<string, Array<{ recordId: string }>>).flat();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => !members.has(l.recordId))).toEqual([]);
    const pairs = (detail as unknown as { cooccurrence: Array<{ a: string; b: string; together: number; jaccard: number }> }).cooccurrence;
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      expect(p.a < p.b).toBe(true);
      expect(p.jaccard).toBeGreaterThan(0);
      expect(p.jaccard).toBeLessThanOrEqual(1);
    }
  });

  it('suppresses small counts for viewers', async () => {
    const [full, viewed] = [await list('coordinator'), await list('viewer')];
    viewed.forEach((v, i) => {
      const count = Number(full[i]?.case_count);
      expect(v.case_count).toEqual(count >= 10 || count === 0 ? { value: count } : { suppressed: true, marker: 'X' });
      expect(v.org_count).toEqual(Number(full[i]?.org_count) >= 10 ? { value: Number(full[i]?.org_count) } : { suppressed: true, marker: 'X' });
    });
  });

  it('shows staff only the themes their own uploads fed', async () => {
    expect(await list('staff')).toEqual([]);
    expect((await (await t.as('staff')).get('/api/themes/T-0001')).status).toBe(403);
  });

  it('moves a theme through the workflow, keeping who changed what, and refuses a wrong move', async () => {
    const coordinator = await t.as('coordinator');
    const revision = await runWorkflow(coordinator);
    const act = (body: object) => coordinator.send('POST', '/api/themes/T-0002/actions', { ...body, revision });
    const wrong = await act({ action: 'adopt' });
    expect([wrong.status, await wrong.json()]).toEqual([409, { code: 'transition', message: '「提言済」のテーマに「採択」はできません。', requestId: wrong.headers.get('x-request-id') }]);
    const missing = await act({ action: 'note' });
    expect([missing.status, ((await missing.json()) as { field: string }).field]).toEqual([400, 'note']);

    const detail = (await (await coordinator.get('/api/themes/T-0002')).json()) as { theme: Theme; history: Array<{ action: string; changed_by: string; before_value: string; after_value: string }> };
    expect(detail.theme).toMatchObject({ name: '緊急時の受け皿', status: '提言済', subcommittee: '安心安全部会' });
    expect(detail.history.map((h) => [h.action, h.changed_by])).toEqual(
      ['rename', 'adopt', 'refer', 'discuss', 'conclude', 'report', 'recommend'].map((a) => [a, 'coordinator']),
    );
    expect(JSON.parse(detail.history[1]?.before_value ?? '{}').status).toBe('候補');
    expect(JSON.parse(detail.history[6]?.after_value ?? '{}').notes).toBe('2026-11-21 部会の結論: 拠点の整備を提案する');
  });

  it('offers only the moves a theme\'s status allows, and lists the latest decisions across themes', async () => {
    const coordinator = await t.as('coordinator');
    await runWorkflow(coordinator);
    const actions = (id: string) => list('coordinator').then((all) => all.find((x) => x.theme_id === id)?.actions as Array<{ action: string; field?: string }>);
    expect((await actions('T-0002')).map((a) => a.action)).toEqual(['rename', 'note']);
    const candidate = (await list('coordinator')).find((x) => x.status === '候補') as Theme;
    expect((await actions(candidate.theme_id)).map((a) => a.action + (a.field ? `:${a.field}` : ''))).toEqual(['rename:name', 'adopt', 'dismiss:reason', 'note:note']);
    expect((await list('viewer'))[0]).not.toHaveProperty('actions');
    const recent = (await (await coordinator.get('/api/themes/history')).json()) as { history: Array<{ theme_id: string; action: string; label: string; changed_by: string }> };
    expect(recent.history.slice(0, 3).map((h) => [h.theme_id, h.action, h.label, h.changed_by])).toEqual([
      ['T-0002', 'recommend', '市への提言', 'coordinator'],
      ['T-0002', 'report', '全体会への報告', 'coordinator'],
      ['T-0002', 'conclude', '部会の結論の記録', 'coordinator'],
    ]);
    expect((await (await t.as('viewer')).get('/api/themes/history')).status).toBe(403);
  });

  it('keeps the council\'s decisions across a re-analysis', async () => {
    await runWorkflow(await t.as('coordinator'));
    await reanalyse();
    const theme = (await list('coordinator')).find((x) => x.theme_id === 'T-0002');
    expect(theme).toMatchObject({ name: '緊急時の受け皿', status: '提言済', subcommittee: '安心安全部会' });
  });

  it('merges one theme into another: its cases join, the counts are measured again, and the next run keeps it so', async () => {
    const coordinator = await t.as('coordinator');
    const before = await list('coordinator');
    const [a, b] = [before.find((x) => x.theme_id === 'T-0004'), before.find((x) => x.theme_id === 'T-0005')];
    const res = await coordinator.send('POST', '/api/themes/T-0005/merge', { into: 'T-0004', revision: b?.revision });
    expect([res.status, await res.json()]).toEqual([200, { themeId: 'T-0004', mergedFrom: 'T-0005' }]);
    const after = await list('coordinator');
    expect(after.map((x) => x.theme_id)).not.toContain('T-0005');
    expect(Number(after.find((x) => x.theme_id === 'T-0004')?.case_count)).toBe(Number(a?.case_count) + Number(b?.case_count));
    await reanalyse();
    const next = await list('coordinator');
    expect(next.map((x) => x.theme_id)).not.toContain('T-0005');
    expect(Number(next.find((x) => x.theme_id === 'T-0004')?.case_count)).toBeGreaterThanOrEqual(Number(a?.case_count) + Number(b?.case_count));
    const self = await coordinator.send('POST', '/api/themes/T-0004/merge', { into: 'T-0004', revision: await revisionOf('T-0004') });
    expect([self.status, ((await self.json()) as { field: string }).field]).toEqual([400, 'into']);
  });

  it('splits a theme in two: the cases are shared between them and both are measured again', async () => {
    const coordinator = await t.as('coordinator');
    const before = (await list('coordinator')).find((x) => x.theme_id === 'T-0001');
    const res = await coordinator.send('POST', '/api/themes/T-0001/split', { revision: before?.revision });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { themeId: string; newId: string; label: string; moved: number };
    expect(body.newId).toMatch(/^T-\d{4}$/);
    const after = await list('coordinator');
    const [kept, split] = [after.find((x) => x.theme_id === 'T-0001'), after.find((x) => x.theme_id === body.newId)];
    expect(Number(split?.case_count)).toBe(body.moved);
    expect(Number(kept?.case_count) + Number(split?.case_count)).toBe(Number(before?.case_count));
    expect(split?.name).toBe(body.label);
    const history = ((await (await coordinator.get(`/api/themes/${body.newId}`)).json()) as { history: Array<{ action: string }> }).history;
    expect(history.map((h) => h.action)).toEqual(['split']);
  });

  it.each(['viewer', 'staff'] as const)('refuses workflow actions from %s', async (role) => {
    const res = await (await t.as(role)).send('POST', '/api/themes/T-0003/actions', { action: 'adopt', revision: 0 });
    expect(res.status).toBe(403);
  });
});

describe('the server: tables as Arrow', () => {
  it('sends a theme\'s case list to the meeting only: its own cases nearest the centre first, then those touching it second, each saying why', async () => {
    const { tableFromIPC } = await import('apache-arrow');
    const theme = (await list('coordinator')).find((x) => x.theme_id === 'T-0003');
    const res = await (await t.as('coordinator')).get('/api/themes/T-0003/cases.arrow');
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.schema.fields.map((f) => f.name)).toEqual([
      'record_id', 'conference_date', 'agency_code', 'area', 'disability_type', 'age_band', 'similarity', 'role', 'other_theme', 'margin', 'shared_terms', 'fixed',
    ]);
    const rows = table.toArray().map((r) => r.toJSON() as { role: string; similarity: number; shared_terms: string; other_theme: string | null });
    const own = rows.filter((r) => r.role === '主');
    expect([own.length, rows.length - own.length]).toEqual([Number(theme?.case_count), Number(theme?.secondary_count)]);
    expect(rows.slice(0, own.length).every((r) => r.role === '主')).toBe(true);
    const sims = own.map((r) => r.similarity);
    expect(sims).toEqual([...sims].sort((a, b) => b - a));
    expect(own.filter((r) => r.shared_terms !== '').length).toBeGreaterThan(own.length / 2);
    expect(own.every((r) => r.other_theme === null || (r.other_theme !== 'T-0003' && /^T-\d{4}$/.test(r.other_theme)))).toBe(true);
    expect((await (await t.as('viewer')).get('/api/themes/T-0003/cases.arrow')).status).toBe(403);
  });

  it('sends the term list: every term to the meeting, only terms in at least 10 cases to viewers', async () => {
    const { tableFromIPC } = await import('apache-arrow');
    const read = async (role: Parameters<typeof t.as>[0]) =>
      tableFromIPC(new Uint8Array(await (await (await t.as(role)).get('/api/exports/terms.arrow?top=200')).arrayBuffer()))
        .toArray()
        .map((r) => r.toJSON() as { term: string; frequency: number | null; cases: number | null; suppressed: boolean });
    const [full, viewed] = [await read('coordinator'), await read('viewer')];
    expect(full).toHaveLength(200);
    expect(full.some((l) => (l.cases ?? 0) < 10)).toBe(true);
    // Every demo agency writes every common term, so the viewers' list is the meeting's without the rare ones.
    expect(viewed.length).toBeGreaterThan(0);
    expect(viewed).toEqual(full.filter((l) => (l.cases ?? 0) >= 10));
  });
});

describe('the server: exports', () => {
  it('sends the themes × 地区 breakdown as Arrow: whole for the meeting, suppressed with complementary cells for viewers', async () => {
    const { tableFromIPC } = await import('apache-arrow');
    const read = async (role: Parameters<typeof t.as>[0]) => {
      const res = await (await t.as(role)).get('/api/exports/breakdown.arrow?facet=' + encodeURIComponent('地区'));
      return tableFromIPC(new Uint8Array(await res.arrayBuffer())).toArray().map((r) => r.toJSON() as { theme_id: string; value: string; cases: number | null; suppressed: boolean });
    };
    const full = await read('coordinator');
    const viewed = await read('viewer');
    expect(viewed.map((l) => [l.theme_id, l.value])).toEqual(full.map((l) => [l.theme_id, l.value]));
    const grand = full.find((l) => l.theme_id === '合計' && l.value === '合計');
    expect(grand?.cases).toBe(full.filter((l) => l.theme_id !== '合計' && l.value !== '合計').reduce((n, l) => n + (l.cases ?? 0), 0));
    viewed.forEach((l, i) => {
      if (!l.suppressed) expect(l.cases).toBe(full[i]?.cases);
      else expect(l.cases).toBeNull();
      if (!l.suppressed && l.cases !== 0) expect(l.cases ?? 0).toBeGreaterThanOrEqual(10);
    });
    // A theme row with one hidden cell would give it away by subtraction from the row total.
    const rows = new Map<string, typeof viewed>();
    for (const l of viewed) rows.set(l.theme_id, [...(rows.get(l.theme_id) ?? []), l]);
    for (const [, line] of rows) {
      const hidden = line.filter((l) => l.value !== '合計' && l.suppressed).length;
      const totalShown = !line.find((l) => l.value === '合計')?.suppressed;
      if (totalShown) expect(hidden === 0 || hidden >= 2).toBe(true);
    }
    const bad = await (await t.as('viewer')).get('/api/exports/breakdown.arrow?facet=市');
    expect([bad.status, ((await bad.json()) as { field: string }).field]).toEqual([400, 'facet']);
  });

  it('counts by fiscal quarter and fiscal year (April to March) as well as by month', async () => {
    const { tableFromIPC } = await import('apache-arrow');
    const read = async (facet: string) => {
      const res = await (await t.as('coordinator')).get('/api/exports/breakdown.arrow?facet=' + encodeURIComponent(facet));
      return tableFromIPC(new Uint8Array(await res.arrayBuffer())).toArray().map((r) => r.toJSON() as { theme_id: string; value: string; cases: number });
    };
    const totals = async (facet: string) => (await read(facet)).filter((l) => l.theme_id === '合計' && l.value !== '合計');
    expect((await totals('年度')).map((l) => l.value)).toEqual(['2023年度', '2024年度']);
    expect((await totals('四半期')).map((l) => l.value)).toEqual(['2023年度Q1', '2023年度Q2', '2023年度Q3', '2023年度Q4', '2024年度Q1', '2024年度Q2', '2024年度Q3', '2024年度Q4']);
    const months = await totals('月');
    const sum = (ls: Array<{ cases: number }>) => ls.reduce((n, l) => n + l.cases, 0);
    expect((await totals('四半期'))[3]?.cases).toBe(sum(months.filter((l) => ['2024-01', '2024-02', '2024-03'].includes(l.value))));
    expect((await totals('年度'))[1]?.cases).toBe(sum(months.filter((l) => l.value >= '2024-04' && l.value <= '2025-03')));
  });

  it('exports the themes as an Excel CSV with small counts suppressed, and audits it', async () => {
    const admin = await t.as('secretariat');
    const res = await admin.get('/api/exports/themes.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const log = (await (await admin.get('/api/audit')).json()) as { entries: Array<{ action: string }> };
    expect(log.entries[0]?.action).toBe('export_themes_csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('ID,テーマ,状態,専門部会,事例数,事業所数,地区数,月数,初出,最新,傾向,スコア');
    const full = await list('coordinator');
    lines.slice(1, -1).forEach((line, i) => {
      const cells = line.split(',');
      const count = Number(full[i]?.case_count);
      expect(cells[4]).toBe(count >= 10 ? String(count) : 'X');
    });
  });

  it('sends a theme\'s monthly counts as Arrow, suppressed for viewers', async () => {
    const { tableFromIPC } = await import('apache-arrow');
    const read = async (role: Parameters<typeof t.as>[0]) => {
      const res = await (await t.as(role)).get('/api/exports/themes/T-0001/monthly.arrow');
      expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
      return tableFromIPC(new Uint8Array(await res.arrayBuffer())).toArray().map((r) => r.toJSON() as { month: string; cases: number | null; suppressed: boolean });
    };
    const full = await read('coordinator');
    const theme = (await list('coordinator')).find((x) => x.theme_id === 'T-0001');
    expect(full.reduce((n, r) => n + (r.cases ?? 0), 0)).toBe(Number(theme?.case_count));
    expect(full.every((r) => !r.suppressed)).toBe(true);
    const viewed = await read('viewer');
    expect(viewed.map((r) => r.month)).toEqual(full.map((r) => r.month));
    for (const r of viewed) expect(r.suppressed ? r.cases === null : (r.cases ?? 0) >= 10 || r.cases === 0).toBe(true);
    expect((await (await t.as('staff')).get('/api/exports/themes.csv')).status).toBe(403);
  });

  it('sends a theme\'s 地区 × 障害種別 table as Arrow: adding up to the theme for the meeting, suppressed for viewers', async () => {
    const { tableFromIPC } = await import('apache-arrow');
    const read = async (role: Parameters<typeof t.as>[0]) => {
      const res = await (await t.as(role)).get('/api/exports/themes/T-0001/heatmap.arrow');
      return tableFromIPC(new Uint8Array(await res.arrayBuffer())).toArray().map((r) => r.toJSON() as { area: string; disability_type: string; cases: number | null; suppressed: boolean });
    };
    const full = await read('coordinator');
    const theme = (await list('coordinator')).find((x) => x.theme_id === 'T-0001');
    expect(full.reduce((n, r) => n + (r.cases ?? 0), 0)).toBe(Number(theme?.case_count));
    expect(full.every((r) => !r.suppressed)).toBe(true);
    const areas = new Set(full.map((r) => r.area));
    const types = new Set(full.map((r) => r.disability_type));
    expect(full.length).toBe(areas.size * types.size);
    const viewed = await read('viewer');
    expect(viewed.map((r) => [r.area, r.disability_type])).toEqual(full.map((r) => [r.area, r.disability_type]));
    viewed.forEach((r, i) => {
      if (r.suppressed) expect(r.cases).toBeNull();
      else expect([r.cases === 0 || (r.cases ?? 0) >= 10, r.cases]).toEqual([true, full[i]?.cases]);
    });
    expect(viewed.filter((r) => r.suppressed).length).toBeGreaterThan(0);
    expect((await (await t.as('staff')).get('/api/exports/themes/T-0001/heatmap.arrow')).status).toBe(403);
    expect((await (await t.as('viewer')).get('/api/exports/themes/T-9999/heatmap.arrow')).status).toBe(404);
  });

  it('answers the meeting as it answers viewers when asked for published figures (the plenary print view)', async () => {
    const coordinator = await t.as('coordinator');
    const viewer = await t.as('viewer');
    for (const path of ['/api/exports/breakdown.arrow?facet=' + encodeURIComponent('障害種別'), '/api/exports/themes/T-0001/monthly.arrow', '/api/exports/themes/T-0001/heatmap.arrow', '/api/exports/terms.arrow?top=50']) {
      const asPublished = new Uint8Array(await (await coordinator.get(`${path}${path.includes('?') ? '&' : '?'}published=1`)).arrayBuffer());
      const asViewer = new Uint8Array(await (await viewer.get(path)).arrayBuffer());
      const internal = new Uint8Array(await (await coordinator.get(path)).arrayBuffer());
      expect(Buffer.from(asPublished).equals(Buffer.from(asViewer))).toBe(true);
      if (!path.startsWith('/api/exports/terms')) expect(Buffer.from(internal).equals(Buffer.from(asViewer))).toBe(false);
    }
    const themes = (await (await coordinator.get('/api/themes?published=1')).json()) as { themes: unknown[] };
    expect(themes.themes).toEqual(await list('viewer'));
  });

  it('tells every screen the council\'s subcommittees and the areas in the records', async () => {
    const status = (await (await t.as('staff')).get('/api/status')).json() as Promise<{ areas: string[]; subcommittees: string[] }>;
    const rows = await queryRows(t.temp.db, 'SELECT DISTINCT area FROM cases WHERE area IS NOT NULL ORDER BY area');
    expect((await status).areas).toEqual(rows.map((r) => String(r.area)));
    expect((await status).subcommittees).toEqual(DEFAULT_COUNCIL.subcommittees.map((s) => s.name));
  });
});
