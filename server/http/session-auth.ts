import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Role, SessionUser } from '../../shared/vocabulary.ts';
import type { Database } from '../../pipelines/db/database.ts';
import { sessionFor } from '../accounts/accounts.ts';
import type { LiveSession, SessionCache } from '../accounts/session-cache.ts';
import { ApiError, forbidden, unauthorized } from './api-error.ts';
import type { AppEnv, LocalSession } from './app-env.ts';

export const SESSION_COOKIE = 'mieruka_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api route but the open ones needs a live session; every state-changing request
 * must also carry the session's CSRF token in a header, which another site's form or
 * script cannot read (the cookie is SameSite=Strict as well).
 */
export function sessionAuth(db: Database, sessions: SessionCache, now: () => Date, open: (method: string, path: string) => boolean, local?: LocalSession) {
  const localLive = local ? localSessionCheck(local) : () => null;
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('user', null);
    c.set('csrf', null);
    if (open(c.req.method, c.req.path)) return next();
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? (localLive(token, now()) ?? (await sessionFor(db, sessions, token, now()))) : null;
    if (!session) throw unauthorized();
    if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrf) {
      throw new ApiError(403, 'csrf', 'ページの有効期限が切れたか、別のサイトからの操作です。ページを読み込み直してください。');
    }
    c.set('user', session.user);
    c.set('csrf', session.csrf);
    return next();
  });
}

const digest = (token: string) => createHash('sha256').update(token).digest();

/** The process's own session, matched in constant time (by digest, so lengths never differ). */
function localSessionCheck(local: LocalSession): (token: string, at: Date) => LiveSession | null {
  const expected = digest(local.token);
  const live: LiveSession = { user: local.user, csrf: randomBytes(24).toString('base64url'), expiresAt: local.expiresAt.getTime() };
  return (token, at) => (at.getTime() < live.expiresAt && timingSafeEqual(digest(token), expected) ? live : null);
}

/** The signed-in user, who must have one of the roles. */
export function requireRole(user: SessionUser | null, ...roles: Role[]): SessionUser {
  if (!user) throw unauthorized();
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}
