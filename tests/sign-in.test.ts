import { afterEach, describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../server/accounts/password.ts';
import { FIRST_DELAY_MS, LOGIN, PAIR } from '../server/accounts/sign-in-throttle.ts';
import { queryRows } from './helpers/temp-db.ts';
import { NOW, PASSWORD, testApp, type TestApp } from './helpers/test-app.ts';
import { TEST_HASHER } from './setup/db-templates.ts';

const apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((t) => t.close()));
});

/** The test hasher, counting how many passwords it was asked to check. */
function countingHasher(): PasswordHasher & { verified: () => number } {
  let verified = 0;
  return {
    hash: (password) => TEST_HASHER.hash(password),
    verify: async (password, stored) => {
      verified++;
      return TEST_HASHER.verify(password, stored);
    },
    verified: () => verified,
  };
}

/** An app whose clock the test moves. */
async function appAt(start = NOW.getTime(), passwords: PasswordHasher = TEST_HASHER) {
  let now = start;
  const t = await testApp({ now: () => new Date(now), passwords });
  apps.push(t);
  const signIn = (login: string, password: string, client = '192.0.2.1', contentType = 'application/json') =>
    t.app.request('/api/session', { method: 'POST', headers: { 'content-type': contentType, 'x-forwarded-for': client }, body: JSON.stringify({ login, password }) });
  return { t, signIn, advance: (ms: number) => void (now += ms) };
}

describe('sign-in', () => {
  it('counts a burst of 40 attempts before checking any password: no more than the free failures are ever checked', async () => {
    const hasher = countingHasher();
    const { signIn } = await appAt(NOW.getTime(), hasher);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn('secretariat', i === 20 ? PASSWORD : 'wrong guess')));
    const statuses = answers.map((a) => a.status);
    expect(hasher.verified()).toBeLessThanOrEqual(PAIR.free);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - hasher.verified());
    expect(statuses.filter((s) => s !== 429 && s !== 401 && s !== 200)).toEqual([]);
  });

  it('slows the guessing client with growing delays, but lets the real user in from elsewhere at once', async () => {
    const { t, signIn, advance } = await appAt();
    for (let i = 0; i < PAIR.free; i++) expect((await signIn('secretariat', 'wrong guess', '198.51.100.7')).status).toBe(401);
    const waits: string[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await signIn('secretariat', 'wrong guess', '198.51.100.7');
      expect(refused.status).toBe(429);
      waits.push(String(refused.headers.get('retry-after')));
      advance(FIRST_DELAY_MS * 2 ** round);
      expect((await signIn('secretariat', 'wrong guess', '198.51.100.7')).status).toBe(401);
    }
    expect(waits).toEqual(['1', '2', '4', '8']);
    const refused = await signIn('secretariat', PASSWORD, '198.51.100.7');
    expect(await refused.json()).toMatchObject({ code: 'throttled', message: 'ログインの失敗が続いたため、あと 16 秒たってからお試しください。続くときは事務局にお問い合わせください。' });
    expect((await signIn('secretariat', PASSWORD, '203.0.113.9')).status).toBe(200);
    expect(await queryRows(t.temp.db, "SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'login_throttled'")).toEqual([{ n: 5 }]);
  });

  it('slows a login guessed at from many addresses by at most a minute', async () => {
    const { signIn, advance } = await appAt();
    const guesses = LOGIN.free + 12;
    for (let i = 0; i < guesses; i++) {
      expect((await signIn('secretariat', 'wrong guess', `198.51.100.${i}`)).status).toBe(401);
      if (i < guesses - 1) advance(LOGIN.max);
    }
    const slowed = await signIn('secretariat', PASSWORD, '203.0.113.9');
    expect([slowed.status, Number(slowed.headers.get('retry-after'))]).toEqual([429, LOGIN.max / 1000]);
    advance(LOGIN.max);
    expect((await signIn('secretariat', PASSWORD, '203.0.113.9')).status).toBe(200);
  });

  it('lets the secretariat release a login at once', async () => {
    const { t, signIn } = await appAt();
    for (let i = 0; i < PAIR.free; i++) await signIn('staff', 'wrong guess');
    expect((await signIn('staff', PASSWORD)).status).toBe(429);
    const admin = await t.as('secretariat');
    const [staff] = await queryRows(t.temp.db, "SELECT user_id FROM users WHERE login = 'staff'");
    const released = await admin.send('POST', `/api/users/${String(staff?.user_id)}/unlock`);
    expect([released.status, await released.json()]).toEqual([200, { login: 'staff', released: true }]);
    expect((await signIn('staff', PASSWORD)).status).toBe(200);
    expect((await (await t.as('coordinator')).send('POST', `/api/users/${String(staff?.user_id)}/unlock`)).status).toBe(403);
  });

  it('checks a password for an unknown login as long as for a known one', async () => {
    const hasher = countingHasher();
    const { signIn } = await appAt(NOW.getTime(), hasher);
    expect((await signIn('nobody.here', 'any password')).status).toBe(401);
    expect(hasher.verified()).toBe(1);
    expect((await signIn('staff', 'wrong guess')).status).toBe(401);
    expect(hasher.verified()).toBe(2);
  });

  it('signs in only with JSON: a form posted from another site is refused', async () => {
    const { signIn } = await appAt();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await signIn('staff', PASSWORD, '192.0.2.1', type);
      expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([415, 'json_only']);
    }
  });
});

describe('request bodies', () => {
  it('refuses a sign-in body over 8 KB before reading it, whoever sends it', async () => {
    const { t } = await appAt();
    const huge = JSON.stringify({ login: 'staff', password: 'x'.repeat(200_000) });
    const res = await t.app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
    expect([res.status, await res.json()]).toEqual([413, { code: 'too_large', message: '送られたデータが大きすぎます（8 KB まで）。', requestId: res.headers.get('x-request-id') }]);
    const streamed = await t.app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(huge)), c.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('refuses a note over 2,000 characters and a JSON body over 64 KB, saying so in Japanese', async () => {
    const t = await testApp({ template: 'demo' });
    apps.push(t);
    const coordinator = await t.as('coordinator');
    const [theme] = ((await (await coordinator.get('/api/themes')).json()) as { themes: Array<{ theme_id: string; revision: number }> }).themes;
    const long = await coordinator.send('POST', `/api/themes/${theme?.theme_id}/actions`, { action: 'note', note: 'あ'.repeat(2001), revision: theme?.revision });
    expect([long.status, await long.json()]).toEqual([400, { code: 'invalid', field: 'note', message: '「note」は 2000 文字までにしてください（いまは 2001 文字です）。', requestId: long.headers.get('x-request-id') }]);
    const huge = await coordinator.send('POST', `/api/themes/${theme?.theme_id}/actions`, { action: 'note', note: 'x'.repeat(70_000), revision: theme?.revision });
    expect([huge.status, ((await huge.json()) as { code: string }).code]).toEqual([413, 'too_large']);
    const name = await coordinator.send('POST', `/api/themes/${theme?.theme_id}/actions`, { action: 'rename', name: '名'.repeat(101), revision: theme?.revision });
    expect([name.status, ((await name.json()) as { field: string }).field]).toEqual([400, 'name']);
    expect(await queryRows(t.temp.db, "SELECT count(*)::INTEGER AS n FROM theme_history WHERE action IN ('note', 'rename')")).toEqual([{ n: 0 }]);
  });
});
