import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role, SessionUser } from '../../shared/vocabulary.ts';
import { audit } from '../../pipelines/audit/audit-log.ts';
import type { Database, ReadScope } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { ConflictError } from '../../pipelines/domain-error.ts';
import { oneTimePassword, scryptHasher, type PasswordHasher } from './password.ts';
import type { LiveSession, SessionCache } from './session-cache.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const INSERT_USER = sql('insert-user.sql');
const FIND_USER = sql('find-user-by-login.sql');
const LIST_USERS = sql('list-users.sql');
const COUNT_SECRETARIATS = sql('count-secretariats.sql');
const INSERT_SESSION = sql('insert-session.sql');
const FIND_SESSION = sql('find-session.sql');
const DELETE_SESSION = sql('delete-session.sql');
const INSERT_ATTEMPT = sql('insert-login-attempt.sql');
const RECENT_FAILURES = sql('recent-failures.sql');

/** Sessions last a working day. */
export const SESSION_HOURS = 10;
/** This many failed logins within the window lock the login until the window passes. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Makes an account, in one write with its audit entry; a login already taken is refused. */
export async function createUser(db: Database, user: NewUser, now: Date, options: { hasher?: PasswordHasher; createdBy?: string | null } = {}): Promise<string> {
  const userId = `U-${randomUUID()}`;
  const passwordHash = await (options.hasher ?? scryptHasher()).hash(user.password);
  await db.write(async (scope) => {
    if ((await scope.rows(FIND_USER, [user.login])).length > 0) throw new ConflictError('duplicate', `ログイン名「${user.login}」はもう使われています。`, 'login');
    await scope.run(INSERT_USER, [userId, user.login, user.displayName, user.role, passwordHash, now.toISOString()]);
    await audit(scope, { userId: options.createdBy ?? null, action: 'user_create', target: userId, after: { login: user.login, displayName: user.displayName, role: user.role } }, now);
  });
  return userId;
}

export async function listUsers(scope: ReadScope): Promise<Array<Record<string, unknown>>> {
  return scope.rows(LIST_USERS);
}

/**
 * The first start has no secretariat: one is made, with MIERUKA_ADMIN_PASSWORD when set,
 * otherwise a one-time password printed on the console by the caller.
 */
export async function ensureSecretariat(db: Database, password: string | undefined, now: Date, hasher?: PasswordHasher): Promise<{ login: string; password: string | null } | null> {
  if (Number((await db.read((scope) => scope.rows(COUNT_SECRETARIATS)))[0]?.n) > 0) return null;
  const chosen = password ?? oneTimePassword();
  await createUser(db, { login: 'admin', displayName: '事務局（初期アカウント）', role: 'secretariat', password: chosen }, now, hasher ? { hasher } : {});
  return { login: 'admin', password: password === undefined ? chosen : null };
}

export type LoginResult = { ok: true; user: SessionUser; token: string; csrf: string } | { ok: false; reason: 'locked' | 'invalid' };

/**
 * Checks a password, counting failures: LOCKOUT_FAILURES in a row lock the login for a
 * while. The attempt, the session it opens and the audit entry are one write.
 */
export async function login(db: Database, hasher: PasswordHasher, loginName: string, password: string, now: Date): Promise<LoginResult> {
  const since = new Date(now.getTime() - LOCKOUT_MINUTES * 60_000).toISOString();
  const { failures, found } = await db.read(async (scope) => ({
    failures: Number((await scope.rows(RECENT_FAILURES, [loginName, since]))[0]?.n),
    found: (await scope.rows(FIND_USER, [loginName]))[0],
  }));
  const locked = failures >= LOCKOUT_FAILURES;
  const ok = !locked && found !== undefined && found.disabled !== true && (await hasher.verify(password, String(found.password_hash)));
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const result: LoginResult = ok && found ? { ok: true, token, csrf, user: toUser(found) } : { ok: false, reason: locked ? 'locked' : 'invalid' };
  await db.write(async (scope) => {
    if (!locked) await scope.run(INSERT_ATTEMPT, [loginName, now.toISOString(), ok]);
    if (result.ok) await scope.run(INSERT_SESSION, [hash(token), result.user.userId, csrf, now.toISOString(), expires.toISOString()]);
    await audit(scope, { userId: result.ok ? result.user.userId : null, action: result.ok ? 'login' : `login_${result.reason}`, target: loginName }, now);
  });
  return result;
}

/** The live session a token opens, through the cache of sessions already read. */
export async function sessionFor(db: Database, sessions: SessionCache, token: string, now: Date): Promise<LiveSession | null> {
  return sessions.get(hash(token), now, async () => {
    const found = (await db.read((scope) => scope.rows(FIND_SESSION, [hash(token), now.toISOString()])))[0];
    return found ? { user: toUser(found), csrf: String(found.csrf_token), expiresAt: Date.parse(`${String(found.expires_at)}Z`) } : null;
  });
}

/** Ends a session (when there is one) at once and notes it in the audit log, in one write. */
export async function logout(db: Database, sessions: SessionCache, token: string | undefined, userId: string | null, now: Date): Promise<void> {
  await db.write(async (scope) => {
    if (token) await scope.run(DELETE_SESSION, [hash(token)]);
    await audit(scope, { userId, action: 'logout' }, now);
  });
  if (token) sessions.forget(hash(token));
}

function toUser(row: Record<string, unknown>): SessionUser {
  return { userId: String(row.user_id), login: String(row.login), displayName: String(row.display_name), role: row.role as Role };
}
