import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ROLE_NAMES } from '../../shared/vocabulary.ts';
import { LOGIN_MAX, login, logout, SESSION_HOURS } from '../accounts/accounts.ts';
import { PASSWORD_MAX } from '../accounts/password.ts';
import { ApiError, invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { clientAddress } from '../http/client-address.ts';
import { SESSION_COOKIE } from '../http/session-auth.ts';

/** Sign in (POST, open), see who is signed in (GET), sign out (DELETE). */
export function sessionRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      // A form on another site can post text/plain without asking; only JSON signs in.
      if (!/^application\/json(;|$)/i.test(c.req.header('content-type') ?? '')) {
        throw new ApiError(415, 'json_only', 'ログインは JSON（Content-Type: application/json）で送ってください。');
      }
      const body = (await c.req.json().catch(() => null)) as { login?: unknown; password?: unknown } | null;
      if (typeof body?.login !== 'string' || body.login.trim() === '') throw invalid('login', 'ログイン名を入力してください。');
      if (body.login.length > LOGIN_MAX) throw invalid('login', `ログイン名は ${LOGIN_MAX} 文字までです。`);
      if (typeof body.password !== 'string' || body.password === '') throw invalid('password', 'パスワードを入力してください。');
      if (body.password.length > PASSWORD_MAX) throw invalid('password', `パスワードは ${PASSWORD_MAX} 文字までです。`);
      const result = await login(deps.db, deps.passwords, body.login.trim(), body.password, clientAddress(c), deps.now());
      if (!result.ok && result.reason === 'throttled') {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        c.header('retry-after', String(seconds));
        throw new ApiError(429, 'throttled', `ログインの失敗が続いたため、あと ${seconds} 秒たってからお試しください。続くときは事務局にお問い合わせください。`);
      }
      if (!result.ok) throw new ApiError(401, 'invalid_login', 'ログイン名またはパスワードが違います。');
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
