import { parseCouncilSettings, type CouncilSettings } from '../../pipelines/council/settings.ts';
import type { Database } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';

const READ = sqlFile(import.meta.url, 'sql/read-settings.sql');
const WRITE = sqlFile(import.meta.url, 'sql/write-settings.sql');

/** The settings saved through the server, checked again as they are read; null when none. */
export async function storedSettings(db: Database): Promise<CouncilSettings | null> {
  const row = (await db.connection.runAndReadAll(READ)).getRowObjectsJson()[0];
  return row ? parseCouncilSettings(JSON.parse(String(row.settings))) : null;
}

export async function saveSettings(db: Database, settings: CouncilSettings, userId: string | null, now: Date): Promise<void> {
  await db.connection.run(WRITE, [JSON.stringify(settings), now.toISOString(), userId]);
}
