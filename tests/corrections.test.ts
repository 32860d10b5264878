import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { analyze } from '../pipelines/themes/analyze.ts';
import { readCaseCorrections } from '../pipelines/themes/case-corrections.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { NOW, testApp, type Client } from './helpers/test-app.ts';
import { queryRows } from './helpers/temp-db.ts';

// Each test starts from its own copy of the demo database, ingested and analysed.
let t: Awaited<ReturnType<typeof testApp>>;
let coordinator: Client;
beforeEach(async () => {
  t = await testApp({ template: 'demo' });
  coordinator = await t.as('coordinator');
});
afterEach(() => t.close());

const reanalyse = (full: boolean) => analyze(t.temp.db, { settings: DEFAULT_COUNCIL, tokenizeMany: tokenizeInProcess, now: NOW, full });
const latestRun = `(SELECT run_id FROM analysis_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1)`;
/** Where a case is in the latest run: its theme, 'individual' (個別の事情), 'unassigned', or null. */
async function placeOf(recordId: string): Promise<string | null> {
  const member = await queryRows(t.temp.db, `SELECT theme_id FROM theme_members WHERE run_id = ${latestRun} AND record_id = $1`, [recordId]);
  if (member[0]) return String(member[0].theme_id);
  const left = await queryRows(t.temp.db, `SELECT individual FROM run_unassigned WHERE run_id = ${latestRun} AND record_id = $1`, [recordId]);
  return left[0] ? (left[0].individual === true ? 'individual' : 'unassigned') : null;
}
const members = async (themeId: string) =>
  (await queryRows(t.temp.db, `SELECT record_id FROM theme_members WHERE run_id = ${latestRun} AND theme_id = $1 ORDER BY similarity, record_id`, [themeId])).map((r) => String(r.record_id));
const theme = async (id: string) => {
  const rows = (await (await coordinator.get('/api/themes')).json()) as { themes: Array<{ theme_id: string; case_count: number; revision: number }> };
  return rows.themes.find((x) => x.theme_id === id);
};
const correct = (body: Record<string, unknown>) => coordinator.send('POST', '/api/corrections', body);
const history = async (id: string) => ((await (await coordinator.get(`/api/themes/${id}`)).json()) as { history: Array<{ action: string; after_value: string }> }).history;

describe('corrections of the meeting', () => {
  it('moves a case to another theme at once, records it in both histories, and every later analysis keeps it there', async () => {
    const [from, to] = [(await theme('T-0003'))!, (await theme('T-0004'))!];
    const moved = (await members('T-0003'))[0]!;
    const res = await correct({ kind: 'move', recordId: moved, from: 'T-0003', to: 'T-0004', revision: from.revision });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ recordId: moved, correctionId: 1, place: { themeId: 'T-0004', individual: false } });
    expect([(await theme('T-0003'))?.case_count, (await theme('T-0004'))?.case_count]).toEqual([from.case_count - 1, to.case_count + 1]);
    for (const id of ['T-0003', 'T-0004']) {
      const entries = await history(id);
      expect(entries.map((h) => [h.action, JSON.parse(h.after_value)])).toEqual([['move', { recordId: moved, themeId: 'T-0004', correctionId: 1 }]]);
    }
    await reanalyse(false);
    expect(await placeOf(moved)).toBe('T-0004');
    await reanalyse(true);
    expect(await placeOf(moved)).toBe('T-0004');
    expect(await t.temp.db.read(readCaseCorrections)).toEqual(new Map([[moved, 'T-0004']]));
  });

  it('takes a case out as 個別の事情 and keeps it out of every theme in a full re-analysis', async () => {
    const out = (await members('T-0002'))[0]!;
    const res = await correct({ kind: 'take_out', recordId: out, from: 'T-0002', revision: (await theme('T-0002'))!.revision });
    expect([res.status, ((await res.json()) as { place: unknown }).place]).toEqual([200, { themeId: null, individual: true }]);
    expect(await placeOf(out)).toBe('individual');
    const again = await correct({ kind: 'take_out', recordId: out });
    expect([again.status, ((await again.json()) as { code: string }).code]).toEqual([409, 'already_out']);
    const result = await reanalyse(true);
    expect(await placeOf(out)).toBe('individual');
    expect(result.individualMatters).toContain(out);
  });

  it('pins a case where it is: a full re-analysis keeps it in that theme, under the same id', async () => {
    const pinned = (await members('T-0001'))[0]!;
    const res = await correct({ kind: 'pin', recordId: pinned, from: 'T-0001', revision: (await theme('T-0001'))!.revision });
    expect(res.status).toBe(200);
    await reanalyse(true);
    expect(await placeOf(pinned)).toBe('T-0001');
  });

  it('undoes a move: the case goes back at once, the correction is listed as undone and no analysis keeps it', async () => {
    const moved = (await members('T-0003'))[0]!;
    const before = (await theme('T-0003'))!;
    await correct({ kind: 'move', recordId: moved, from: 'T-0003', to: 'T-0004', revision: before.revision });
    const undo = await coordinator.send('POST', '/api/corrections/1/undo');
    expect([undo.status, await undo.json()]).toEqual([200, { kind: 'move', restored: [moved], fromNextAnalysis: false }]);
    expect(await placeOf(moved)).toBe('T-0003');
    expect((await theme('T-0003'))?.case_count).toBe(before.case_count);
    const listed = (await (await coordinator.get('/api/corrections')).json()) as { corrections: Array<Record<string, unknown>> };
    expect(listed.corrections.map((c) => [c.correction_id, c.kind, c.label, c.cases, c.first_case, c.undone_at])).toEqual([[1, 'move', '事例の移動', 1, moved, NOW.toISOString().slice(0, 19)]]);
    expect(await t.temp.db.read(readCaseCorrections)).toEqual(new Map());
    const twice = await coordinator.send('POST', '/api/corrections/1/undo');
    expect([twice.status, ((await twice.json()) as { code: string }).code]).toEqual([409, 'already_undone']);
    expect((await history('T-0003')).map((h) => h.action)).toEqual(['move', 'undo']);
  });

  it('keeps merged themes together and split halves apart through a full re-analysis', async () => {
    const [a, b] = [await members('T-0004'), await members('T-0005')];
    expect((await coordinator.send('POST', '/api/themes/T-0005/merge', { into: 'T-0004', revision: (await theme('T-0005'))!.revision })).status).toBe(200);
    const split = await coordinator.send('POST', '/api/themes/T-0001/split', { revision: (await theme('T-0001'))!.revision });
    const { newId } = (await split.json()) as { newId: string };
    const [kept, away] = [await members('T-0001'), await members(newId)];
    await reanalyse(true);
    for (const id of [...a, ...b]) expect(await placeOf(id)).toBe('T-0004');
    for (const id of kept) expect(await placeOf(id)).toBe('T-0001');
    for (const id of away) expect(await placeOf(id)).toBe(newId);
    const kinds = ((await (await coordinator.get('/api/corrections')).json()) as { corrections: Array<{ kind: string; cases: number }> }).corrections;
    expect(kinds).toEqual([
      expect.objectContaining({ kind: 'split', cases: kept.length + away.length }),
      expect.objectContaining({ kind: 'merge', cases: a.length + b.length }),
    ]);
  });

  it('undoes a merge and a split at once: the merged theme comes back with its cases, the split-off one goes back', async () => {
    const [a, b] = [await members('T-0004'), await members('T-0005')];
    await coordinator.send('POST', '/api/themes/T-0005/merge', { into: 'T-0004', revision: (await theme('T-0005'))!.revision });
    const before = await members('T-0001');
    const { newId } = (await (await coordinator.send('POST', '/api/themes/T-0001/split', { revision: (await theme('T-0001'))!.revision })).json()) as { newId: string };
    const away = await members(newId);
    const undoSplit = await coordinator.send('POST', '/api/corrections/2/undo');
    expect([undoSplit.status, await undoSplit.json()]).toEqual([200, { kind: 'split', restored: [...away].sort(), fromNextAnalysis: false }]);
    expect((await members('T-0001')).sort()).toEqual([...before].sort());
    expect(await theme(newId)).toBeUndefined();
    const undoMerge = await coordinator.send('POST', '/api/corrections/1/undo');
    expect([undoMerge.status, ((await undoMerge.json()) as { restored: string[] }).restored]).toEqual([200, [...b].sort()]);
    expect([(await members('T-0004')).sort(), (await members('T-0005')).sort()]).toEqual([[...a].sort(), [...b].sort()]);
    expect([(await theme('T-0004'))?.case_count, (await theme('T-0005'))?.case_count]).toEqual([a.length, b.length]);
    expect(await t.temp.db.read(readCaseCorrections)).toEqual(new Map());
  });

  it('refuses a correction made on what has changed since, or that names no case, kind or target', async () => {
    const [moved, other] = (await members('T-0003')).slice(0, 2);
    const revision = (await theme('T-0003'))!.revision;
    const answer = async (body: Record<string, unknown>) => {
      const res = await correct(body);
      const json = (await res.json()) as { code: string; field?: string };
      return [res.status, json.field ?? json.code];
    };
    expect(await answer({ kind: 'rename', recordId: moved })).toEqual([400, 'kind']);
    expect(await answer({ kind: '__proto__', recordId: moved })).toEqual([400, 'kind']);
    expect(await answer({ kind: 'move', from: 'T-0003', to: 'T-0004', revision })).toEqual([400, 'recordId']);
    expect(await answer({ kind: 'move', recordId: moved, from: 'T-0003', revision })).toEqual([400, 'to']);
    expect(await answer({ kind: 'move', recordId: moved, from: 'T-0003', to: 'T-0003', revision })).toEqual([400, 'to']);
    expect(await answer({ kind: 'move', recordId: moved, from: 'T-0003', to: 'T-0004' })).toEqual([400, 'revision']);
    expect(await answer({ kind: 'pin', recordId: moved })).toEqual([400, 'from']);
    expect(await answer({ kind: 'move', recordId: moved, from: 'T-0003', to: 'T-9999', revision })).toEqual([404, 'not_found']);
    expect(await answer({ kind: 'move', recordId: 'K-NONE', from: 'T-0003', to: 'T-0004', revision })).toEqual([404, 'not_found']);
    expect(await answer({ kind: 'move', recordId: moved, from: 'T-0003', to: 'T-0004', revision: revision + 1 })).toEqual([409, 'stale']);
    expect(await answer({ kind: 'move', recordId: moved, from: 'T-0003', to: 'T-0004', revision })).toEqual([200, undefined]);
    expect(await answer({ kind: 'move', recordId: moved, from: 'T-0003', to: 'T-0005', revision })).toEqual([409, 'stale_case']);
    expect(await answer({ kind: 'take_out', recordId: other, from: 'T-0004', revision: (await theme('T-0004'))!.revision })).toEqual([409, 'stale_case']);
    expect((await (await t.as('viewer')).send('POST', '/api/corrections', { kind: 'pin', recordId: moved, from: 'T-0004', revision: 0 })).status).toBe(403);
  });
});

describe('what the meeting reviews', () => {
  it('lists the cases left out of every theme, the one-off matters apart and the rest nearest a theme first', async () => {
    const { tableFromIPC } = await import('apache-arrow');
    const out = (await members('T-0002'))[0]!;
    await correct({ kind: 'take_out', recordId: out, from: 'T-0002', revision: (await theme('T-0002'))!.revision });
    const res = await coordinator.get('/api/unassigned/cases.arrow');
    const rows = tableFromIPC(new Uint8Array(await res.arrayBuffer()))
      .toArray()
      .map((r) => r.toJSON() as { record_id: string; individual: boolean; nearest_theme: string | null; nearest_similarity: number });
    const left = await queryRows(t.temp.db, `SELECT count(*)::INTEGER AS n FROM run_unassigned WHERE run_id = ${latestRun}`);
    expect(rows.length).toBe(Number(left[0]?.n));
    expect(rows.find((r) => r.record_id === out)?.individual).toBe(true);
    const placed = rows.filter((r) => !r.individual).map((r) => r.nearest_similarity);
    expect(placed).toEqual([...placed].sort((a, b) => b - a));
    expect((await (await t.as('viewer')).get('/api/unassigned/cases.arrow')).status).toBe(403);
  });

  it('lets the secretariat write the council\'s categories, checked as the settings are, and the meeting read them', async () => {
    const secretariat = await t.as('secretariat');
    const categories = [{ name: '移動手段', description: '通所や通院の足がない。', examples: ['送迎がない'] }];
    const saved = await secretariat.send('PUT', '/api/categories', { categories });
    expect([saved.status, await saved.json()]).toEqual([200, { categories }]);
    expect(await (await coordinator.get('/api/categories')).json()).toEqual({ categories });
    const wrong = await secretariat.send('PUT', '/api/categories', { categories: [{ name: '住まい' }] });
    expect([wrong.status, ((await wrong.json()) as { field: string }).field]).toEqual([400, 'categories[0]']);
    expect((await coordinator.send('PUT', '/api/categories', { categories })).status).toBe(403);
    expect((await secretariat.send('POST', '/api/analysis', { full: true })).status).toBe(202);
    await t.app.jobs.idle();
    const guided = ((await (await coordinator.get('/api/themes')).json()) as { themes: Array<{ name: string; guided: boolean }> }).themes.filter((x) => x.guided);
    expect(guided.map((x) => x.name)).toEqual(['移動手段']);
  });
});
