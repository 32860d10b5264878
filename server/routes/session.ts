import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ROLE_NAMES } from '../../shared/vocabulary.ts';
import { login, logout, SESSION_HOURS } from '../accounts/accounts.ts';
import { ApiError, invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { SESSION_COOKIE } from '../http/session-auth.ts';

/** Sign in (POST, open), see who is signed in (GET), sign out (DELETE). */
export function sessionRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const body = (await c.req.json().catch(() => null)) as { login?: unknown; password?: unknown } | null;
      if (typeof body?.login !== 'string' || body.login.trim() === '') throw invalid('login', 'ログイン名を入力してください。');
      if (typeof body.password !== 'string' || body.password === '') throw invalid('password', 'パスワードを入力してください。');
      const result = await login(deps.db, deps.passwords, body.login.trim(), body.password, deps.now());
      if (!result.ok) {
        throw result.reason === 'locked'
          ? new ApiError(429, 'locked', 'ログインの失敗が続いたため、しばらくログインできません。15 分ほど待ってからもう一度お試しください。')
          : new ApiError(401, 'invalid_login', 'ログイン名またはパスワードが違います。');
      }
      setCookie(c, SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: SESSION_HOURS * 3600, secure: false });
      return c.json({ user: { ...result.user, roleName: ROLE_NAMES[result.user.role] }, csrfToken: result.csrf });
    })
    .get('/', (c) => {
      const user = c.get('user');
      if (!user) throw new ApiError(401, 'unauthorized', 'ログインしてください。');
      return c.json({ user: { ...user, roleName: ROLE_NAMES[user.role] }, csrfToken: c.get('csrf') });
    })
    .delete('/', async (c) => {
      await logout(deps.db, deps.sessions, getCookie(c, SESSION_COOKIE), c.get('user')?.userId ?? null, deps.now());
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true });
    });
}
