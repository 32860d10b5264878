import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CouncilSettings } from '../pipelines/council/settings.ts';
import type { Database } from '../pipelines/db/database.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { analyze } from '../pipelines/themes/analyze.ts';
import { CHOSEN_METHOD } from '../pipelines/themes/chosen-method.ts';
import type { TokenizeMany } from '../pipelines/text/tokenize-texts.ts';
import { ensureSecretariat } from './accounts/accounts.ts';

const DEMO_FILE = fileURLToPath(new URL('../fixtures/demo.csv', import.meta.url));

export interface BootstrapReport {
  demoLoaded: boolean;
  /** The first secretariat account, when this start made it; `password` null when it came from the environment. */
  admin: { login: string; password: string | null } | null;
}

async function count(db: Database, sql: string): Promise<number> {
  return Number((await db.connection.runAndReadAll(sql)).getRowObjectsJson()[0]?.n ?? 0);
}

/**
 * What a start does before it listens: on an empty database, the 300 made-up demo cases are
 * loaded and analysed and the database is flagged as demo data (デモデータ) until the
 * secretariat clears it; and the first secretariat account is made.
 */
export async function bootstrap(
  db: Database,
  options: { settings: CouncilSettings; tokenizeMany: TokenizeMany; adminPassword: string | undefined; now: Date },
): Promise<BootstrapReport> {
  let demoLoaded = false;
  if ((await count(db, 'SELECT count(*) AS n FROM cases')) === 0) {
    await ingestFile(db, await readFile(DEMO_FILE), { fileName: 'demo.csv', settings: options.settings, piiMode: 'mask', tokenizeMany: options.tokenizeMany, now: options.now });
    await analyze(db, { settings: options.settings, tokenizeMany: options.tokenizeMany, method: CHOSEN_METHOD, now: options.now });
    await db.connection.run("INSERT OR REPLACE INTO app_flags VALUES ('demo', 'true')");
    demoLoaded = true;
  }
  const admin = await ensureSecretariat(db, options.adminPassword, options.now);
  return { demoLoaded, admin };
}

export async function isDemo(db: Database): Promise<boolean> {
  return (await count(db, "SELECT count(*) AS n FROM app_flags WHERE name = 'demo' AND value = 'true'")) > 0;
}
