import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { hashPassword, oneTimePassword, verifyPassword } from './password.ts';
import type { Role, SessionUser } from './roles.ts';

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
const rows = async (db: Database, query: string, params: Array<string | number | boolean | null> = []) =>
  (await db.connection.runAndReadAll(query, params)).getRowObjectsJson();

export async function createUser(db: Database, user: { login: string; displayName: string; role: Role; password: string }, now: Date): Promise<string> {
  const userId = `U-${randomUUID()}`;
  await db.connection.run(INSERT_USER, [userId, user.login, user.displayName, user.role, await hashPassword(user.password), now.toISOString()]);
  return userId;
}

export async function listUsers(db: Database): Promise<Array<Record<string, unknown>>> {
  return rows(db, LIST_USERS);
}

/**
 * The first start has no secretariat: one is made, with MIERUKA_ADMIN_PASSWORD when set,
 * otherwise a one-time password printed on the console by the caller.
 */
export async function ensureSecretariat(db: Database, password: string | undefined, now: Date): Promise<{ login: string; password: string | null } | null> {
  if (Number((await rows(db, COUNT_SECRETARIATS))[0]?.n) > 0) return null;
  const chosen = password ?? oneTimePassword();
  await createUser(db, { login: 'admin', displayName: '事務局（初期アカウント）', role: 'secretariat', password: chosen }, now);
  return { login: 'admin', password: password === undefined ? chosen : null };
}

export type LoginResult = { ok: true; user: SessionUser; token: string; csrf: string } | { ok: false; reason: 'locked' | 'invalid' };

/** Checks a password, counting failures: LOCKOUT_FAILURES in a row lock the login for a while. */
export async function login(db: Database, loginName: string, password: string, now: Date): Promise<LoginResult> {
  const since = new Date(now.getTime() - LOCKOUT_MINUTES * 60_000).toISOString();
  if (Number((await rows(db, RECENT_FAILURES, [loginName, since]))[0]?.n) >= LOCKOUT_FAILURES) return { ok: false, reason: 'locked' };
  const found = (await rows(db, FIND_USER, [loginName]))[0];
  const ok = found !== undefined && found.disabled !== true && (await verifyPassword(password, String(found.password_hash)));
  await db.connection.run(INSERT_ATTEMPT, [loginName, now.toISOString(), ok]);
  if (!ok || !found) return { ok: false, reason: 'invalid' };
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db.connection.run(INSERT_SESSION, [hash(token), String(found.user_id), csrf, now.toISOString(), expires.toISOString()]);
  return { ok: true, token, csrf, user: toUser(found) };
}

export async function sessionFor(db: Database, token: string, now: Date): Promise<{ user: SessionUser; csrf: string } | null> {
  const found = (await rows(db, FIND_SESSION, [hash(token), now.toISOString()]))[0];
  return found ? { user: toUser(found), csrf: String(found.csrf_token) } : null;
}

export async function logout(db: Database, token: string): Promise<void> {
  await db.connection.run(DELETE_SESSION, [hash(token)]);
}

function toUser(row: Record<string, unknown>): SessionUser {
  return { userId: String(row.user_id), login: String(row.login), displayName: String(row.display_name), role: row.role as Role };
}
