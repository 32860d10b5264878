import { DEFAULT_COUNCIL, type CouncilSettings } from '../../pipelines/council/settings.ts';
import { formInProcess } from '../../pipelines/themes/theme-former.ts';
import { tokenizeInProcess } from '../../pipelines/text/tokenize-in-process.ts';
import type { PasswordHasher } from '../../server/accounts/password.ts';
import { createApp, type App } from '../../server/app.ts';
import { CSRF_HEADER } from '../../server/http/session-auth.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { TEST_HASHER, TEST_NOW, TEST_PASSWORD, type DbTemplates } from '../setup/db-templates.ts';
import { tempDatabase, type TempDatabase } from './temp-db.ts';

export const NOW = TEST_NOW;
export const PASSWORD = TEST_PASSWORD;

export interface Client {
  get(path: string): Promise<Response>;
  upload(path: string, form: FormData): Promise<Response>;
  send(method: string, path: string, body?: unknown, options?: { csrf?: boolean }): Promise<Response>;
}

export interface TestApp {
  app: App;
  temp: TempDatabase;
  as(role: Role): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface TestAppOptions {
  maxUploadBytes?: number;
  /** The prepared database to start from: accounts only (default), or with the demo analysed. */
  template?: Exclude<keyof DbTemplates, 'empty'>;
  settings?: CouncilSettings;
  /** The server's clock (a fixed instant unless given). */
  now?: () => Date;
  passwords?: PasswordHasher;
}

/** A real app over a temporary database of its own, with one account per role (login = the role). */
export async function testApp(options: TestAppOptions = {}): Promise<TestApp> {
  const temp = await tempDatabase(options.template ?? 'accounts');
  const app = createApp({
    db: temp.db,
    settings: options.settings ?? DEFAULT_COUNCIL,
    tokenizeMany: tokenizeInProcess,
    now: options.now ?? (() => NOW),
    passwords: options.passwords ?? TEST_HASHER,
    former: formInProcess,
    ...(options.maxUploadBytes === undefined ? {} : { maxUploadBytes: options.maxUploadBytes }),
  });
  const client = (cookie: string | null, csrf: string | null): Client => ({
    get: async (path) => app.request(path, { headers: cookie ? { cookie } : {} }),
    upload: async (path, form) => app.request(path, { method: 'POST', body: form, headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { [CSRF_HEADER]: csrf } : {}) } }),
    send: async (method, path, body, sendOptions = {}) =>
      app.request(path, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(cookie ? { cookie } : {}),
          ...(csrf && sendOptions.csrf !== false ? { [CSRF_HEADER]: csrf } : {}),
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
    async close() {
      await app.jobs.idle();
      await temp.close();
    },
  };
}
