import type { StandardHeader } from '../ingest/columns.ts';
import { normaliseHeaderName, type ColumnMapping } from '../ingest/header.ts';
import { parseCouncilSettings, type CouncilSettings } from './settings.ts';

/**
 * The settings with a confirmed mapping kept as header aliases, so that the next file with
 * the same column names needs no mapping: each chosen column that is not already a standard
 * name becomes an alias (replacing an alias of the same name), checked as the settings file is.
 */
export function withMappingAsAliases(settings: CouncilSettings, mapping: ColumnMapping): CouncilSettings {
  const aliases = new Map<string, StandardHeader>(Object.entries(settings.headerAliases));
  for (const [standard, column] of mapping) {
    if (column === null || normaliseHeaderName(column) === standard) continue;
    for (const name of [...aliases.keys()]) if (normaliseHeaderName(name) === normaliseHeaderName(column)) aliases.delete(name);
    aliases.set(column.trim(), standard);
  }
  return parseCouncilSettings({ ...settings, headerAliases: Object.fromEntries(aliases) });
}
