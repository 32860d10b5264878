import { existsSync } from 'node:fs';
import { CouncilSettingsError, DEFAULT_COUNCIL, isPresetName, loadCouncilSettings, presetPath, type CouncilSettings } from '../pipelines/council/settings.ts';
import { openDatabase, type Database } from '../pipelines/db/database.ts';
import { storedSettings } from '../server/settings/stored-settings.ts';

/** The preset a new database's demo starts with, so routing and subcommittees show at first sight. */
export const DEMO_COUNCIL = 'kamakura';

/** `--council FILE`, or a shipped preset by name; the defaults without it. */
export async function resolveCouncil(value: string | undefined): Promise<CouncilSettings> {
  if (value === undefined) return DEFAULT_COUNCIL;
  if (isPresetName(value) && !existsSync(value)) return loadCouncilSettings(presetPath(value));
  return loadCouncilSettings(value);
}

/**
 * Opens the database with the council's settings: `--council` when given, else those the
 * secretariat saved in it (the settings screen, or the demo's preset), else the defaults.
 * The database is closed again when the settings cannot be read.
 */
export async function openWithCouncil(dbPath: string, council: string | undefined): Promise<{ db: Database; settings: CouncilSettings }> {
  const chosen = council === undefined ? null : await resolveCouncil(council);
  const db = await openDatabase(dbPath);
  if (chosen) return { db, settings: chosen };
  try {
    return { db, settings: (await db.read(storedSettings)) ?? DEFAULT_COUNCIL };
  } catch (error) {
    await db.close();
    if (error instanceof CouncilSettingsError) throw new CouncilSettingsError(`データベースに保存された協議会の設定を読めません: ${error.message}`, error.key);
    throw error;
  }
}
