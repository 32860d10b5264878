import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAIR } from '../server/accounts/sign-in-throttle.ts';
import { ROLES, type Role } from '../shared/vocabulary.ts';
import { PASSWORD, testApp } from './helpers/test-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

const login = (loginName: string, password: string) =>
  t.app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: loginName, password }) });

describe('the server: sessions', () => {
  it('answers health without a session, and nothing else', async () => {
    const health = await t.anonymous.get('/api/health');
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const users = await t.anonymous.get('/api/users');
    expect(users.status).toBe(401);
    expect(await users.json()).toEqual({ code: 'unauthorized', message: 'ログインしてください。', requestId: users.headers.get('x-request-id') });
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie and returns a CSRF token', async () => {
    const res = await login('coordinator', PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^mieruka_session=[A-Za-z0-9_-]{43}; Max-Age=36000; Path=\/; HttpOnly; SameSite=Strict$/);
    const body = (await res.json()) as { user: { role: string; roleName: string }; csrfToken: string };
    expect(body.user).toMatchObject({ login: 'coordinator', role: 'coordinator', roleName: '調整会議・運営会議' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a wrong password, then slows the login after repeated failures', async () => {
    const wrong = await login('staff', 'nope');
    expect([wrong.status, ((await wrong.json()) as { code: string }).code]).toEqual([401, 'invalid_login']);
    for (let i = 1; i < PAIR.free; i++) await login('staff', 'nope');
    const throttled = await login('staff', PASSWORD);
    expect([throttled.status, ((await throttled.json()) as { code: string }).code, throttled.headers.get('retry-after')]).toEqual([429, 'throttled', '1']);
    expect((await login('viewer', PASSWORD)).status).toBe(200);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const admin = await t.as('secretariat');
    const res = await admin.send('POST', '/api/users', { login: 'new.user', displayName: '新規', role: 'viewer', password: 'a long enough pass' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('csrf');
  });

  it('says which field is wrong', async () => {
    const admin = await t.as('secretariat');
    const res = await admin.send('POST', '/api/users', { login: 'ok.user', displayName: '新規', role: 'mayor', password: 'a long enough pass' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid', field: 'role', message: '役割は secretariat、coordinator、staff、viewer のいずれかにしてください。' });
  });

  it('sends a strict Content-Security-Policy and answers unknown routes with 404 JSON', async () => {
    const res = await t.anonymous.get('/api/nothing-here');
    expect(res.status).toBe(401);
    const coordinator = await t.as('coordinator');
    const missing = await coordinator.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('not_found');
    expect(missing.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('signs out, after which the session is gone', async () => {
    const staff = await t.as('staff');
    expect((await staff.send('DELETE', '/api/session')).status).toBe(200);
    expect((await staff.get('/api/session')).status).toBe(401);
  });
});

/** Who may do what: each role against each route, as the closing note's table (no analysis has run here, so a theme is 404 to those who may see it). */
const ACCESS: Array<[string, string, Record<Role, number>]> = [
  ['GET', '/api/session', { secretariat: 200, coordinator: 200, staff: 200, viewer: 200 }],
  ['GET', '/api/users', { secretariat: 200, coordinator: 403, staff: 403, viewer: 403 }],
  ['POST', '/api/users', { secretariat: 201, coordinator: 403, staff: 403, viewer: 403 }],
  ['GET', '/api/audit', { secretariat: 200, coordinator: 403, staff: 403, viewer: 403 }],
  ['GET', '/api/themes', { secretariat: 200, coordinator: 200, staff: 200, viewer: 200 }],
  ['GET', '/api/themes/T-0001', { secretariat: 404, coordinator: 404, staff: 403, viewer: 403 }],
  ['POST', '/api/themes/T-0001/actions', { secretariat: 404, coordinator: 404, staff: 403, viewer: 403 }],
  ['GET', '/api/uploads', { secretariat: 200, coordinator: 200, staff: 200, viewer: 403 }],
  ['GET', '/api/analysis', { secretariat: 200, coordinator: 200, staff: 403, viewer: 403 }],
  ['POST', '/api/analysis', { secretariat: 202, coordinator: 202, staff: 403, viewer: 403 }],
  ['GET', '/api/exports/themes.csv', { secretariat: 200, coordinator: 200, staff: 403, viewer: 200 }],
  ['GET', '/api/report.xlsx', { secretariat: 200, coordinator: 200, staff: 403, viewer: 200 }],
  ['GET', '/api/report.pptx', { secretariat: 200, coordinator: 200, staff: 403, viewer: 200 }],
  ['GET', '/api/template.csv', { secretariat: 200, coordinator: 200, staff: 200, viewer: 403 }],
  ['GET', '/api/feedback', { secretariat: 200, coordinator: 200, staff: 200, viewer: 403 }],
  ['GET', '/api/exports/themes/T-0001/heatmap.arrow', { secretariat: 404, coordinator: 404, staff: 403, viewer: 404 }],
];

describe('the server: access by role', () => {
  it.each(ACCESS.flatMap(([method, path, expected]) => ROLES.map((role) => [method, path, role, expected[role]] as const)))(
    '%s %s as %s → %i',
    async (method, path, role, status) => {
      const client = await t.as(role);
      const body = path === '/api/users' ? { login: `made.by.${role}`, displayName: '新規', role: 'viewer', password: 'a long enough pass' } : path === '/api/analysis' ? {} : { action: 'adopt', revision: 0 };
      const res = method === 'GET' ? await client.get(path) : await client.send(method, path, body);
      expect(res.status).toBe(status);
    },
  );

  it('records logins and decisions in the audit log', async () => {
    const admin = await t.as('secretariat');
    await admin.send('POST', '/api/users', { login: 'audited', displayName: '監査', role: 'staff', password: 'a long enough pass' });
    const log = (await (await admin.get('/api/audit')).json()) as { entries: Array<{ action: string; target: string | null }> };
    expect(log.entries.slice(0, 2).map((e) => e.action)).toEqual(['user_create', 'login']);
    expect(log.entries[1]?.target).toBe('secretariat');
  });
});
