import { Hono } from 'hono';
import { isRole, ROLES } from '../../shared/vocabulary.ts';
import { createUser, listUsers } from '../accounts/accounts.ts';
import { invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';

/** Accounts: the secretariat's alone. */
export function userRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      requireRole(c.get('user'), 'secretariat');
      return c.json({ users: await deps.db.read(listUsers) });
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
      const userId = await createUser(deps.db, { login, displayName, role: body.role, password }, deps.now(), { hasher: deps.passwords, createdBy: me.userId });
      return c.json({ userId }, 201);
    });
}
