import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CouncilSettingsError, type CouncilSettings } from '../pipelines/council/settings.ts';
import { DatabaseOpenError, type Database } from '../pipelines/db/database.ts';
import { DictionaryError } from '../pipelines/text/dictionary/dictionary-error.ts';
import type { IndexResult } from '../pipelines/text/term-index.ts';
import { createTokenizerPool } from '../pipelines/text/tokenizer/tokenizer-pool.ts';
import { readConfig } from './config.ts';
import { openWithCouncil } from './council-option.ts';
import { fatal } from './ingest-command.ts';
import { refreshTermIndex } from './text-index.ts';
import { UsageError } from './usage.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON: Options = {
  db: { type: 'string' },
  council: { type: 'string' },
  json: { type: 'boolean', default: false },
};

export interface TextContext {
  db: Database;
  settings: CouncilSettings;
  index: IndexResult;
  json: boolean;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * What `terms` and `kwic` share: their arguments, the database, the council's dictionary
 * and a term index brought up to date before anything is counted.
 */
export async function withTextContext(
  argv: string[],
  options: Options,
  run: (context: TextContext) => Promise<number>,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...COMMON, ...options } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values as TextContext['values'];
  const json = values.json === true;
  let db: Database;
  let settings: CouncilSettings;
  try {
    ({ db, settings } = await openWithCouncil((values.db as string | undefined) ?? readConfig().dbPath, values.council as string | undefined));
  } catch (error) {
    if (error instanceof CouncilSettingsError || error instanceof DatabaseOpenError) {
      return fatal(json, { code: error.name, message: error.message });
    }
    throw error;
  }
  const pool = createTokenizerPool();
  try {
    const index = await refreshTermIndex(db, settings, pool.tokenizeMany);
    return await run({ db, settings, index, json, values, positionals: parsed.positionals });
  } catch (error) {
    if (error instanceof DictionaryError) return fatal(json, { code: error.name, message: error.message });
    throw error;
  } finally {
    await pool.close();
    await db.close();
  }
}
