import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CouncilSettings } from '../pipelines/council/settings.ts';
import type { Database } from '../pipelines/db/database.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { analyze } from '../pipelines/themes/analyze.ts';
import type { TokenizeMany } from '../pipelines/text/tokenize-texts.ts';
import { ensureSecretariat } from './accounts/accounts.ts';
import { markDemo } from './demo/demo-data.ts';
import { failInterruptedJobs } from './jobs/job-store.ts';
import { saveSettings } from './settings/stored-settings.ts';

const DEMO_FILE = fileURLToPath(new URL('../fixtures/demo.csv', import.meta.url));

export interface BootstrapReport {
  demoLoaded: boolean;
  /** The council's settings to serve with: the demo's council when this start saved it, else those passed in. */
  settings: CouncilSettings;
  /** The first secretariat account, when this start made it; `password` null when it came from the environment. */
  admin: { login: string; password: string | null } | null;
}

/**
 * What a start does before it listens: jobs the last stop cut short are marked failed; on
 * an empty database, the demo's council (when given) is saved as the council's settings,
 * and the 300 made-up demo cases are loaded (flagged as demo data, デモデータ, in the same
 * write, until the secretariat clears them) and analysed with it; and the first secretariat
 * account is made.
 */
export async function bootstrap(
  db: Database,
  options: { settings: CouncilSettings; tokenizeMany: TokenizeMany; adminPassword: string | undefined; now: Date; demoCouncil?: CouncilSettings },
): Promise<BootstrapReport> {
  let settings = options.settings;
  await failInterruptedJobs(db, options.now);
  const empty = Number((await db.read((scope) => scope.rows('SELECT count(*) AS n FROM cases')))[0]?.n ?? 0) === 0;
  if (empty) {
    if (options.demoCouncil) {
      await saveSettings(db, settings, options.demoCouncil, null, options.now);
      settings = options.demoCouncil;
    }
    await ingestFile(db, await readFile(DEMO_FILE), { fileName: 'demo.csv', settings, piiMode: 'mask', tokenizeMany: options.tokenizeMany, now: options.now, alsoStore: markDemo });
    await analyze(db, { settings, tokenizeMany: options.tokenizeMany, now: options.now });
  }
  const admin = await ensureSecretariat(db, options.adminPassword, options.now);
  return { demoLoaded: empty, settings, admin };
}
