import { afterEach, describe, expect, it } from 'vitest';
import { generateCases } from '../fixtures/generator/generate.ts';
import { renderCsv } from '../fixtures/generator/write-csv.ts';
import { csvForm, jobEvents } from './helpers/job-events.ts';
import { queryRows } from './helpers/temp-db.ts';
import { testApp, type Client, type TestApp } from './helpers/test-app.ts';

// Requests here run truly at once: every read and write of the app goes to the same real
// DuckDB file through the gate, from concurrent promises, as a council's busy morning does.

const apps: TestApp[] = [];
const demoApp = async () => {
  const t = await testApp({ template: 'demo' });
  apps.push(t);
  return t;
};
afterEach(async () => {
  await Promise.all(apps.splice(0).map((t) => t.close()));
});

const READERS = 8;
const NOTES = 20;
const UPLOAD_ROWS = 2000;

type Theme = { theme_id: string; revision: number; case_count: number };
const themesOf = async (client: Client) => ((await (await client.get('/api/themes')).json()) as { themes: Theme[] }).themes;

/** Generated cases under ids of their own (G-…), so that none is a new version of a demo case. */
function uploadFile(rows: number): string {
  const cases = [...generateCases({ rows, seed: 31 })].map((c) => ({ ...c, record: { ...c.record, 記録ID: c.record.記録ID.replace('K-', 'G-') } }));
  return new TextDecoder().decode(renderCsv(cases, 'utf-8').csv);
}

describe('the server under concurrent use', () => {
  it('stores an upload once and every acknowledged decision while readers poll the board, answering no request with a 5xx', async () => {
    const t = await demoApp();
    const coordinator = await t.as('coordinator');
    const staff = await t.as('staff');
    const readers = await Promise.all(Array.from({ length: READERS }, (_, i) => t.as(i % 2 ? 'viewer' : 'coordinator')));
    const [target] = await themesOf(coordinator);
    const statuses: number[] = [];
    let uploading = true;

    const { jobId } = (await (await staff.upload('/api/uploads', csvForm(uploadFile(UPLOAD_ROWS)))).json()) as { jobId: string };
    const upload = jobEvents(staff, jobId).finally(() => (uploading = false));
    const reading = readers.map(async (reader, i) => {
      let rounds = 0;
      while (uploading || rounds < 2) {
        rounds++;
        for (const path of ['/api/themes', '/api/status', i % 2 ? '/api/exports/breakdown.arrow?facet=%E6%9C%88' : `/api/themes/${target?.theme_id}`]) {
          const res = await reader.get(path);
          await res.arrayBuffer();
          statuses.push(res.status);
          // A cached answer comes back without any I/O; over a network, the socket would let
          // the rest of the server run between two requests, so here the loop does.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    });
    const acknowledged: string[] = [];
    let revision = target?.revision as number;
    for (let n = 1; n <= NOTES; n++) {
      const res = await coordinator.send('POST', `/api/themes/${target?.theme_id}/actions`, { action: 'note', note: `同時操作のメモ ${n}`, revision });
      statuses.push(res.status);
      if (res.status === 200) {
        revision = ((await res.json()) as { revision: number }).revision;
        acknowledged.push(`同時操作のメモ ${n}`);
      }
    }
    const events = await upload;
    await Promise.all(reading);

    expect(events.at(-1)).toMatchObject({ event: 'done', data: { rows: UPLOAD_ROWS, accepted: UPLOAD_ROWS } });
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(acknowledged).toHaveLength(NOTES);
    const history = await queryRows(t.temp.db, "SELECT after_value FROM theme_history WHERE theme_id = $1 AND action = 'note' ORDER BY seq", [target?.theme_id as string]);
    expect(history).toHaveLength(NOTES);
    expect(JSON.parse(String(history.at(-1)?.after_value)).notes.split('\n').map((line: string) => line.slice(11))).toEqual(acknowledged);
    expect(await queryRows(t.temp.db, "SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'theme_note'")).toEqual([{ n: NOTES }]);
    expect(await queryRows(t.temp.db, "SELECT count(*)::INTEGER AS uploads, count(*) FILTER (WHERE accepted = $1)::INTEGER AS this_one FROM uploads", [UPLOAD_ROWS])).toEqual([{ uploads: 2, this_one: 1 }]);
    expect(await queryRows(t.temp.db, "SELECT count(*)::INTEGER AS n FROM current_cases WHERE record_id LIKE 'G-%'")).toEqual([{ n: UPLOAD_ROWS }]);
  });

  it('lets one of two decisions made on the same revision win, and tells the other that the theme changed first', async () => {
    const t = await demoApp();
    const [first, second] = [await t.as('coordinator'), await t.as('secretariat')];
    const [theme] = await themesOf(first);
    let revision = theme?.revision as number;
    for (let round = 1; round <= 10; round++) {
      const answers = await Promise.all([
        first.send('POST', `/api/themes/${theme?.theme_id}/actions`, { action: 'note', note: `調整会議 ${round}`, revision }),
        second.send('POST', `/api/themes/${theme?.theme_id}/actions`, { action: 'note', note: `事務局 ${round}`, revision }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const lost = answers.find((a) => a.status === 409) as Response;
      expect(await lost.json()).toEqual({ code: 'stale', message: '他の方が先にこのテーマを変更しました。画面を更新してください。', requestId: lost.headers.get('x-request-id') });
      revision = ((await (answers.find((a) => a.status === 200) as Response).json()) as { revision: number }).revision;
    }
    expect(await queryRows(t.temp.db, "SELECT count(*)::INTEGER AS n FROM theme_history WHERE action = 'note'")).toEqual([{ n: 10 }]);
    const merge = await first.send('POST', `/api/themes/${theme?.theme_id}/merge`, { into: 'T-0002', revision: revision - 1 });
    expect([merge.status, ((await merge.json()) as { code: string }).code]).toEqual([409, 'stale']);
    const split = await first.send('POST', `/api/themes/${theme?.theme_id}/split`, { revision: revision - 1 });
    expect([split.status, ((await split.json()) as { code: string }).code]).toEqual([409, 'stale']);
    const missing = await first.send('POST', `/api/themes/${theme?.theme_id}/actions`, { action: 'adopt' });
    expect([missing.status, ((await missing.json()) as { field: string }).field]).toEqual([400, 'revision']);
  });

  it('answers sixteen theme details asked at once exactly as it answers them one by one', async () => {
    const [sequential, concurrent] = [await demoApp(), await demoApp()];
    const ids = (await themesOf(await sequential.as('coordinator'))).map((x) => x.theme_id);
    const asked = Array.from({ length: 16 }, (_, i) => ids[i % ids.length] as string);
    const one = await sequential.as('coordinator');
    const expected: unknown[] = [];
    for (const id of asked) expected.push(await (await one.get(`/api/themes/${id}`)).json());
    const many = await concurrent.as('coordinator');
    const answers = await Promise.all(asked.map((id) => many.get(`/api/themes/${id}`)));
    expect(answers.map((a) => a.status)).toEqual(asked.map(() => 200));
    expect(await Promise.all(answers.map((a) => a.json()))).toEqual(expected);
    const excerpts = (expected as Array<{ representatives: Array<{ excerpt: string }> }>).flatMap((d) => d.representatives.map((r) => r.excerpt));
    expect(excerpts.filter((e) => e === '')).toEqual([]);
  });

  it('keeps no answer computed before a write once the write is committed', async () => {
    const t = await demoApp();
    const coordinator = await t.as('coordinator');
    const [theme] = await themesOf(coordinator);
    const before = await themesOf(coordinator);
    const renamed = await coordinator.send('POST', `/api/themes/${theme?.theme_id}/actions`, { action: 'rename', name: '新しい名前', revision: theme?.revision });
    expect(renamed.status).toBe(200);
    const after = await themesOf(coordinator);
    expect(after.find((x) => x.theme_id === theme?.theme_id)).toMatchObject({ name: '新しい名前', revision: (theme?.revision as number) + 1 });
    expect(before.find((x) => x.theme_id === theme?.theme_id)).not.toMatchObject({ name: '新しい名前' });
  });
});
