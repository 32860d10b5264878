import { parseCouncilSettings, type CouncilSettings } from '../../pipelines/council/settings.ts';
import { audit } from '../../pipelines/audit/audit-log.ts';
import type { Database, ReadScope } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';

const READ = sqlFile(import.meta.url, 'sql/read-settings.sql');
const WRITE = sqlFile(import.meta.url, 'sql/write-settings.sql');

/** The settings saved through the server, checked again as they are read; null when none. */
export async function storedSettings(scope: ReadScope): Promise<CouncilSettings | null> {
  const row = (await scope.rows(READ))[0];
  return row ? parseCouncilSettings(JSON.parse(String(row.settings))) : null;
}

/** Saves the settings with their audit entry, in one write. */
export async function saveSettings(db: Database, before: CouncilSettings, settings: CouncilSettings, userId: string | null, now: Date): Promise<void> {
  await db.write(async (scope) => {
    await scope.run(WRITE, [JSON.stringify(settings), now.toISOString(), userId]);
    await audit(scope, { userId, action: 'settings_update', before, after: settings }, now);
  });
}
