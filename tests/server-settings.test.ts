import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storedSettings } from '../server/settings/stored-settings.ts';
import { testApp } from './helpers/test-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

const SETTINGS = {
  name: '木更津市地域自立支援協議会',
  areas: ['中央', '北部'],
  subcommittees: [{ name: '居住支援部会', description: '住まい', terms: ['グループホーム'] }],
  suppressionThreshold: 5,
};

describe('the server: council settings', () => {
  it('lets the secretariat replace the settings, keeps them in the database, and applies them at once', async () => {
    const admin = await t.as('secretariat');
    const res = await admin.send('PUT', '/api/settings', SETTINGS);
    expect(res.status).toBe(200);
    expect((await t.temp.db.read(storedSettings))?.suppressionThreshold).toBe(5);
    const log = (await (await admin.get('/api/audit')).json()) as { entries: Array<{ action: string }> };
    expect(log.entries[0]?.action).toBe('settings_update');
    const status = (await (await (await t.as('viewer')).get('/api/status')).json()) as { council: string; suppressionThreshold: number; subcommittees: string[] };
    expect(status).toMatchObject({ council: '木更津市地域自立支援協議会', suppressionThreshold: 5, subcommittees: ['居住支援部会'] });
  });

  it('refuses a bad settings body naming the key, and anyone but the secretariat', async () => {
    const admin = await t.as('secretariat');
    const bad = await admin.send('PUT', '/api/settings', { ...SETTINGS, suppressionThreshold: 0 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('suppressionThreshold');
    expect((await (await t.as('coordinator')).send('PUT', '/api/settings', SETTINGS)).status).toBe(403);
    expect((await (await t.as('coordinator')).get('/api/settings')).status).toBe(403);
  });

  it("keeps the council's concepts and refuses a concept without expressions, naming it", async () => {
    const admin = await t.as('secretariat');
    const concepts = [{ concept: 'ペットの世話', expressions: ['猫の世話', '犬の世話'] }];
    expect((await admin.send('PUT', '/api/settings', { ...SETTINGS, dictionary: { concepts } })).status).toBe(200);
    expect((await t.temp.db.read(storedSettings))?.dictionary).toEqual({ concepts });
    const bad = await admin.send('PUT', '/api/settings', { ...SETTINGS, dictionary: { concepts: [{ concept: 'ペットの世話', expressions: [] }] } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('dictionary.concepts[0].expressions');
  });

  it('switches the whole council to a shipped one or a blank one, keeping the column names taught for its files', async () => {
    const admin = await t.as('secretariat');
    expect((await admin.send('PUT', '/api/settings', { ...SETTINGS, headerAliases: { 整理番号: '記録ID' } })).status).toBe(200);
    const listed = (await (await admin.get('/api/settings/councils')).json()) as { current: string; councils: Array<{ id: string; name: string; subcommittees: string[] }> };
    expect(listed.current).toBe('木更津市地域自立支援協議会');
    expect(listed.councils.map((c) => [c.id, c.name, c.subcommittees.length])).toEqual([
      ['kamakura', '鎌倉市障害者支援協議会', 3],
      ['kisarazu', '木更津市地域自立支援協議会', 6],
      ['blank', '白紙（専門部会なし）', 0],
    ]);

    const res = await admin.send('POST', '/api/settings/council', { council: 'kamakura' });
    expect(res.status).toBe(200);
    const stored = await t.temp.db.read(storedSettings);
    expect([stored?.name, stored?.subcommittees.map((s) => s.name), stored?.areas, stored?.headerAliases]).toEqual([
      '鎌倉市障害者支援協議会',
      ['地域生活支援部会', '精神保健福祉部会', 'こども応援部会'],
      undefined,
      { ケース番号: '記録ID', 実施日: '会議日', 整理番号: '記録ID' },
    ]);
    expect(await (await (await t.as('viewer')).get('/api/status')).json()).toMatchObject({ council: '鎌倉市障害者支援協議会', subcommittees: ['地域生活支援部会', '精神保健福祉部会', 'こども応援部会'] });
    const log = (await (await admin.get('/api/audit')).json()) as { entries: Array<{ action: string }> };
    expect(log.entries.filter((e) => e.action === 'settings_update').length).toBe(2);

    expect((await admin.send('POST', '/api/settings/council', { council: 'blank' })).status).toBe(200);
    expect(await (await admin.get('/api/status')).json()).toMatchObject({ council: '自立支援協議会', subcommittees: [] });
  });

  it('refuses a council it does not ship, an inherited key, and anyone but the secretariat', async () => {
    const admin = await t.as('secretariat');
    for (const body of [{ council: 'yokohama' }, JSON.parse('{"__proto__": {"council": "kamakura"}}') as unknown, {}]) {
      const res = await admin.send('POST', '/api/settings/council', body);
      expect([res.status, await res.json()]).toEqual([400, expect.objectContaining({ field: 'council', message: '切り替える協議会を選んでください。' })]);
    }
    expect((await (await t.as('coordinator')).send('POST', '/api/settings/council', { council: 'kamakura' })).status).toBe(403);
    expect((await (await t.as('coordinator')).get('/api/settings/councils')).status).toBe(403);
    expect(await t.temp.db.read(storedSettings)).toBeNull();
  });
});
