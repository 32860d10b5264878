import { Hono } from 'hono';
import { createUser, listUsers } from '../accounts/accounts.ts';
import { audit } from '../accounts/audit.ts';
import { isRole, ROLES } from '../accounts/roles.ts';
import { ApiError, invalid } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';

/** Accounts: the secretariat's alone. */
export function userRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      requireRole(c.get('user'), 'secretariat');
      return c.json({ users: await listUsers(deps.db) });
    })
    .post('/', async (c) => {
      const me = requireRole(c.get('user'), 'secretariat');
      const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
      const login = typeof body?.login === 'string' ? body.login.trim() : '';
      if (!/^[A-Za-z0-9._-]{3,40}$/.test(login)) throw invalid('login', 'ログイン名は半角英数字と . _ - の 3〜40 文字にしてください。');
      const displayName = typeof body?.displayName === 'string' ? body.displayName.trim() : '';
      if (displayName === '') throw invalid('displayName', '表示名を入力してください。');
      if (!isRole(body?.role)) throw invalid('role', `役割は ${ROLES.join('、')} のいずれかにしてください。`);
      const password = typeof body?.password === 'string' ? body.password : '';
      if (password.length < 12) throw invalid('password', 'パスワードは 12 文字以上にしてください。');
      if ((await listUsers(deps.db)).some((u) => u.login === login)) throw new ApiError(409, 'duplicate', `ログイン名「${login}」はもう使われています。`, 'login');
      const userId = await createUser(deps.db, { login, displayName, role: body.role, password }, now());
      await audit(deps.db, { userId: me.userId, action: 'user_create', target: userId, after: { login, displayName, role: body.role } }, now());
      return c.json({ userId }, 201);
    });
}
