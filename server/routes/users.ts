import { Hono } from 'hono';
import { isRole, ROLES } from '../../shared/vocabulary.ts';
import { createUser, listUsers, LOGIN_MAX, releaseLogin } from '../accounts/accounts.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../accounts/password.ts';
import { invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';

const DISPLAY_NAME_MAX = 100;

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
      if (!new RegExp(`^[A-Za-z0-9._-]{3,${LOGIN_MAX}}$`).test(login)) throw invalid('login', `ログイン名は半角英数字と . _ - の 3〜${LOGIN_MAX} 文字にしてください。`);
      const displayName = typeof body?.displayName === 'string' ? body.displayName.trim() : '';
      if (displayName === '') throw invalid('displayName', '表示名を入力してください。');
      if (displayName.length > DISPLAY_NAME_MAX) throw invalid('displayName', `表示名は ${DISPLAY_NAME_MAX} 文字までにしてください。`);
      if (!isRole(body?.role)) throw invalid('role', `役割は ${ROLES.join('、')} のいずれかにしてください。`);
      const password = typeof body?.password === 'string' ? body.password : '';
      if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) throw invalid('password', `パスワードは ${PASSWORD_MIN}〜${PASSWORD_MAX} 文字にしてください。`);
      const userId = await createUser(deps.db, { login, displayName, role: body.role, password }, deps.now(), { hasher: deps.passwords, createdBy: me.userId });
      return c.json({ userId }, 201);
    })
    .post('/:id/unlock', async (c) => {
      const me = requireRole(c.get('user'), 'secretariat');
      const login = await releaseLogin(deps.db, c.req.param('id'), me.userId, deps.now());
      return c.json({ login, released: true });
    });
}
