import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role, SessionUser } from '../../shared/vocabulary.ts';
import { audit } from '../../pipelines/audit/audit-log.ts';
import type { Database, ReadScope } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { ConflictError, NotFoundError } from '../../pipelines/domain-error.ts';
import { oneTimePassword, scryptHasher, type PasswordHasher } from './password.ts';
import type { LiveSession, SessionCache } from './session-cache.ts';
import { FAILURE_WINDOW_MS, waitBeforeSignIn } from './sign-in-throttle.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const INSERT_USER = sql('insert-user.sql');
const FIND_USER = sql('find-user-by-login.sql');
const FIND_USER_BY_ID = sql('find-user-by-id.sql');
const LIST_USERS = sql('list-users.sql');
const COUNT_SECRETARIATS = sql('count-secretariats.sql');
const INSERT_SESSION = sql('insert-session.sql');
const FIND_SESSION = sql('find-session.sql');
const DELETE_SESSION = sql('delete-session.sql');
const INSERT_ATTEMPT = sql('insert-login-attempt.sql');
const ATTEMPT_SUCCEEDED = sql('attempt-succeeded.sql');
const ATTEMPT_COUNTS = sql('attempt-counts.sql');
const INSERT_RELEASE = sql('insert-login-release.sql');

/** Sessions last a working day. */
export const SESSION_HOURS = 10;
/** Login names are 3 to this many characters. */
export const LOGIN_MAX = 40;

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

export type LoginResult = { ok: true; user: SessionUser; token: string; csrf: string } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAfterMs: number };

/** A hash to check unknown logins against, so that they take as long as known ones. */
const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();
function dummyHash(hasher: PasswordHasher): Promise<string> {
  let found = dummyHashes.get(hasher);
  if (!found) {
    found = hasher.hash(randomBytes(16).toString('hex'));
    dummyHashes.set(hasher, found);
  }
  return found;
}

/**
 * Checks a password. The attempt is counted — written as failed — in the same write that
 * decides whether it may be tried at all (sign-in-throttle.ts), before the slow hash: a
 * burst of attempts cannot outrun the count. A refused attempt is not counted and costs no
 * hash. Unknown or disabled logins are checked against a dummy hash, taking as long.
 */
export async function login(db: Database, hasher: PasswordHasher, loginName: string, password: string, client: string, now: Date): Promise<LoginResult> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  const attemptId = randomUUID();
  const admitted = await db.write(async (scope) => {
    const r = (await scope.rows(ATTEMPT_COUNTS, [loginName, client, since]))[0] ?? {};
    const last = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    const wait = waitBeforeSignIn(
      { pairFailures: Number(r.pair_failures ?? 0), pairLast: last(r.pair_last), loginFailures: Number(r.login_failures ?? 0), loginLast: last(r.login_last), clientFailures: Number(r.client_failures ?? 0), clientLast: last(r.client_last) },
      now.getTime(),
    );
    if (wait > 0) {
      await audit(scope, { userId: null, action: 'login_throttled', target: loginName, after: { client } }, now);
      return wait;
    }
    await scope.run(INSERT_ATTEMPT, [loginName, now.toISOString(), client, attemptId]);
    return 0;
  });
  if (admitted > 0) return { ok: false, reason: 'throttled', retryAfterMs: admitted };
  const found = (await db.read((scope) => scope.rows(FIND_USER, [loginName])))[0];
  const usable = found !== undefined && found.disabled !== true;
  const matches = await hasher.verify(password, usable ? String(found.password_hash) : await dummyHash(hasher));
  const ok = usable && matches;
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const result: LoginResult = ok ? { ok: true, token, csrf, user: toUser(found) } : { ok: false, reason: 'invalid' };
  await db.write(async (scope) => {
    if (result.ok) {
      await scope.run(ATTEMPT_SUCCEEDED, [attemptId]);
      await scope.run(INSERT_SESSION, [hash(token), result.user.userId, csrf, now.toISOString(), expires.toISOString()]);
    }
    await audit(scope, { userId: result.ok ? result.user.userId : null, action: result.ok ? 'login' : 'login_invalid', target: loginName, after: { client } }, now);
  });
  return result;
}

/** The secretariat lets a login sign in again at once: its failures so far no longer delay it. */
export async function releaseLogin(db: Database, userId: string, by: string, now: Date): Promise<string> {
  return db.write(async (scope) => {
    const user = (await scope.rows(FIND_USER_BY_ID, [userId]))[0];
    if (!user) throw new NotFoundError('not_found', 'その利用者はいません。');
    await scope.run(INSERT_RELEASE, [String(user.login), now.toISOString(), by]);
    await audit(scope, { userId: by, action: 'login_release', target: userId }, now);
    return String(user.login);
  });
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
