import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Role, SessionUser } from '../../shared/vocabulary.ts';
import type { Database } from '../../pipelines/db/database.ts';
import { sessionFor } from '../accounts/accounts.ts';
import type { SessionCache } from '../accounts/session-cache.ts';
import { ApiError, forbidden, unauthorized } from './api-error.ts';
import type { AppEnv } from './app-env.ts';

export const SESSION_COOKIE = 'mieruka_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api route but the open ones needs a live session; every state-changing request
 * must also carry the session's CSRF token in a header, which another site's form or
 * script cannot read (the cookie is SameSite=Strict as well).
 */
export function sessionAuth(db: Database, sessions: SessionCache, now: () => Date, open: (method: string, path: string) => boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('user', null);
    c.set('csrf', null);
    if (open(c.req.method, c.req.path)) return next();
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await sessionFor(db, sessions, token, now()) : null;
    if (!session) throw unauthorized();
    if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrf) {
      throw new ApiError(403, 'csrf', 'ページの有効期限が切れたか、別のサイトからの操作です。ページを読み込み直してください。');
    }
    c.set('user', session.user);
    c.set('csrf', session.csrf);
    return next();
  });
}

/** The signed-in user, who must have one of the roles. */
export function requireRole(user: SessionUser | null, ...roles: Role[]): SessionUser {
  if (!user) throw unauthorized();
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}
