import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.ts';
import { startServe } from './helpers/serve-process.ts';
import { tempDir, type TempDir } from './helpers/temp-db.ts';

let dir: TempDir;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

const startServer = (env: NodeJS.ProcessEnv) => startServe(env);

describe('mieruka serve (npm start)', () => {
  it('loads and analyses the demo into an empty database, makes the first secretariat, and answers on loopback', async () => {
    const server = await startServer({ MIERUKA_DB: dir.path('serve.duckdb') });
    try {
      const health = await fetch(`${server.url}/api/health`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      const page = await fetch(`${server.url}/`);
      expect([page.status, (await page.text()).includes('<title>mieruka（みえる化）</title>')]).toEqual([200, true]);
      expect(server.stderr()).toContain('デモデータ（架空の事例 300 件）を 鎌倉市障害者支援協議会 の設定で取り込み、分析しました');
      const password = /一回限りのパスワード: (\S+)/.exec(server.stderr())?.[1] ?? '';
      expect(password).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
      const login = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password }) });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const status = (await (await fetch(`${server.url}/api/status`, { headers: { cookie } })).json()) as { council: string; subcommittees: string[] };
      expect(status).toMatchObject({ council: '鎌倉市障害者支援協議会', subcommittees: ['地域生活支援部会', '精神保健福祉部会', 'こども応援部会'] });
      const { themes } = (await (await fetch(`${server.url}/api/themes`, { headers: { cookie } })).json()) as { themes: Array<{ suggested_subcommittee: string | null }> };
      expect(themes.filter((t) => t.suggested_subcommittee !== null).length).toBeGreaterThan(0);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // Commands run without --council on that database take the council it was given.
    const analysed = await runCli(['analyze', '--db', dir.path('serve.duckdb'), '--json']);
    const routed = (JSON.parse(analysed.stdout) as { themes: Array<{ subcommittee: string | null }> }).themes.map((t) => t.subcommittee).filter((s) => s !== null);
    expect(routed.length).toBeGreaterThan(0);
    expect(routed.every((s) => ['地域生活支援部会', '精神保健福祉部会', 'こども応援部会'].includes(s ?? ''))).toBe(true);
    const again = await startServer({ MIERUKA_DB: dir.path('serve.duckdb') });
    try {
      expect(again.stderr()).not.toContain('デモデータ');
      expect(again.stderr()).not.toContain('初期アカウント');
    } finally {
      await again.stop();
    }
    const cleared = await runCli(['clear-demo', '--db', dir.path('serve.duckdb')]);
    expect([cleared.code, cleared.stdout]).toEqual([0, 'デモデータを削除しました。事例を取り込んで使い始めてください。\n']);
    expect((await runCli(['clear-demo', '--db', dir.path('serve.duckdb')])).stdout).toBe('デモデータはありません。\n');
  });

  it('takes the first password from MIERUKA_ADMIN_PASSWORD, the demo council from MIERUKA_COUNCIL, and stops on a bad PORT', async () => {
    const server = await startServer({ MIERUKA_DB: dir.path('env.duckdb'), MIERUKA_ADMIN_PASSWORD: 'a password from env', MIERUKA_COUNCIL: 'kisarazu' });
    try {
      expect(server.stderr()).toContain('事務局の初期アカウントを作りました。ログイン名: admin（パスワードは MIERUKA_ADMIN_PASSWORD）');
      expect(server.stderr()).toContain('を 木更津市地域自立支援協議会 の設定で取り込み');
    } finally {
      await server.stop();
    }
    await expect(startServer({ MIERUKA_DB: dir.path('bad.duckdb'), PORT: 'eighty' })).rejects.toThrow(
      '設定エラー: 環境変数 PORT の値「eighty」はポート番号（0〜65535 の整数。0 は空いている番号）ではありません。',
    );
  });
});
