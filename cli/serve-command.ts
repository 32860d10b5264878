import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { CouncilSettingsError } from '../pipelines/council/settings.ts';
import { DatabaseOpenError, openDatabase } from '../pipelines/db/database.ts';
import { createTokenizerPool } from '../pipelines/text/tokenizer/tokenizer-pool.ts';
import { createApp } from '../server/app.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { readConfig } from './config.ts';
import { storedSettings } from '../server/settings/stored-settings.ts';
import { DEMO_COUNCIL, resolveCouncil } from './council-option.ts';
import { UsageError } from './usage.ts';

/** The loopback address only: the server is for the council's own machine or a proxy in front. */
export const HOST = '127.0.0.1';
/** The built dashboard (npm run build), served beside the API. */
export const WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url));

/** `mieruka serve [--db PATH] [--port N] [--council FILE]`, and what `npm start` runs. */
export async function runServeCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { db: { type: 'string' }, port: { type: 'string' }, council: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const config = readConfig({ ...process.env, ...(values.port !== undefined ? { PORT: values.port } : {}) });
  const council = values.council ?? config.council;
  let settings;
  let demoCouncil;
  let db;
  try {
    settings = await resolveCouncil(council);
    demoCouncil = await resolveCouncil(council ?? DEMO_COUNCIL);
    db = await openDatabase(values.db ?? config.dbPath);
    const stored = await db.read(storedSettings);
    if (stored) {
      if (council) process.stderr.write('画面から保存された協議会の設定があるため、そちらを使います（--council は使いません）。\n');
      settings = stored;
      demoCouncil = undefined;
    }
  } catch (error) {
    if (error instanceof CouncilSettingsError || error instanceof DatabaseOpenError) {
      process.stderr.write(`エラー: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const pool = createTokenizerPool();
  process.stderr.write(`データベース ${db.path} を開きました。\n`);
  const report = await bootstrap(db, { settings, tokenizeMany: pool.tokenizeMany, adminPassword: config.adminPassword, now: new Date(), ...(demoCouncil ? { demoCouncil } : {}) });
  settings = report.settings;
  if (report.demoLoaded) {
    process.stderr.write(
      `データベースが空だったため、デモデータ（架空の事例 300 件）を ${settings.name} の設定で取り込み、分析しました。画面には「デモデータ」と表示されます。協議会の設定は画面の「協議会の設定」で替えられます。\n`,
    );
  }
  if (report.admin) {
    process.stderr.write(
      report.admin.password
        ? `事務局の初期アカウントを作りました。ログイン名: ${report.admin.login}  一回限りのパスワード: ${report.admin.password}\n（ログイン後に利用者を作り、このパスワードは使い続けないでください）\n`
        : `事務局の初期アカウントを作りました。ログイン名: ${report.admin.login}（パスワードは MIERUKA_ADMIN_PASSWORD）\n`,
    );
  }
  const webRoot = WEB_ROOT;
  if (!existsSync(`${webRoot}/index.html`)) process.stderr.write('画面（dist/web）がまだ作られていません。npm run build で作れます。いまは API だけを提供します。\n');
  const app = createApp({ db, settings, tokenizeMany: pool.tokenizeMany, ...(existsSync(`${webRoot}/index.html`) ? { webRoot } : {}) });
  const server = serve({ fetch: app.fetch, hostname: HOST, port: config.port }, (info: AddressInfo) => {
    process.stdout.write(`mieruka を http://${HOST}:${info.port}/ で開始しました（止めるには Ctrl+C）。\n`);
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await pool.close();
  await db.close();
  return 0;
}
