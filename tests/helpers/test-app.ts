import { DEFAULT_COUNCIL } from '../../pipelines/council/settings.ts';
import { tokenizeInProcess } from '../../pipelines/text/tokenize-in-process.ts';
import { createUser } from '../../server/accounts/accounts.ts';
import { ROLES, type Role } from '../../server/accounts/roles.ts';
import { createApp, type App } from '../../server/app.ts';
import { CSRF_HEADER } from '../../server/http/session-auth.ts';
import { tempDatabase } from './temp-db.ts';

export const NOW = new Date('2026-11-21T09:00:00Z');
export const PASSWORD = 'correct horse battery';

export interface Client {
  get(path: string): Promise<Response>;
  upload(path: string, form: FormData): Promise<Response>;
  send(method: string, path: string, body?: unknown, options?: { csrf?: boolean }): Promise<Response>;
}

/** A real app over a temporary database, with one account per role (login = the role). */
export async function testApp(options: { maxUploadBytes?: number } = {}): Promise<{ app: App; temp: Awaited<ReturnType<typeof tempDatabase>>; as(role: Role): Promise<Client>; anonymous: Client }> {
  const temp = await tempDatabase();
  for (const role of ROLES) await createUser(temp.db, { login: role, displayName: role, role, password: PASSWORD }, NOW);
  const app = createApp({ db: temp.db, settings: DEFAULT_COUNCIL, tokenizeMany: tokenizeInProcess, now: () => NOW, ...options });
  const client = (cookie: string | null, csrf: string | null): Client => ({
    get: async (path) => app.request(path, { headers: cookie ? { cookie } : {} }),
    upload: async (path, form) => app.request(path, { method: 'POST', body: form, headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { [CSRF_HEADER]: csrf } : {}) } }),
    send: async (method, path, body, options = {}) =>
      app.request(path, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(cookie ? { cookie } : {}),
          ...(csrf && options.csrf !== false ? { [CSRF_HEADER]: csrf } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  });
  return {
    app,
    temp,
    anonymous: client(null, null),
    async as(role) {
      const res = await app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: role, password: PASSWORD }) });
      if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return client(cookie, csrfToken);
    },
  };
}
