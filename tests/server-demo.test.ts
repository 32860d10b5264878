import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { NOW, testApp } from './helpers/test-app.ts';
import { queryRows } from './helpers/temp-db.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
  const report = await bootstrap(t.temp.db, { settings: DEFAULT_COUNCIL, tokenizeMany: tokenizeInProcess, adminPassword: undefined, now: NOW });
  expect(report).toMatchObject({ demoLoaded: true });
});
afterAll(() => t.close());

describe('the server: demo data', () => {
  it('says on every screen that the data is a demo, until the secretariat clears it', async () => {
    const viewer = await t.as('viewer');
    expect(await (await viewer.get('/api/status')).json()).toEqual({
      council: '自立支援協議会',
      suppressionThreshold: 10,
      subcommittees: [],
      areas: ['丘陵', '中央', '北部', '南部', '山間', '東部', '臨海', '西部'],
      demo: true,
      demoLabel: 'デモデータ',
    });
    expect(((await (await t.as('coordinator')).get('/api/themes')).status)).toBe(200);
    expect((await (await t.as('coordinator')).send('POST', '/api/status/clear-demo')).status).toBe(403);

    const admin = await t.as('secretariat');
    expect([(await admin.send('POST', '/api/status/clear-demo')).status]).toEqual([200]);
    expect(await (await viewer.get('/api/status')).json()).toMatchObject({ demo: false, areas: [] });
    await expect(((await (await t.as('coordinator')).get('/api/themes')).json() as Promise<{ themes: unknown[] }>).then((b) => b.themes)).resolves.toEqual([]);
    expect(await queryRows(t.temp.db, 'SELECT (SELECT count(*) FROM cases)::INTEGER AS cases, (SELECT count(*) FROM text_tokens)::INTEGER AS tokens, (SELECT count(*) FROM term_vector_build)::INTEGER AS term_vectors, (SELECT count(*) FROM users)::INTEGER AS users')).toEqual([
      { cases: 0, tokens: 0, term_vectors: 0, users: 4 },
    ]);
    const again = await admin.send('POST', '/api/status/clear-demo');
    expect([again.status, ((await again.json()) as { code: string }).code]).toEqual([409, 'not_demo']);
  });
});
