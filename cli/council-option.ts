import { existsSync } from 'node:fs';
import { DEFAULT_COUNCIL, loadCouncilSettings, presetPath, type CouncilSettings } from '../pipelines/council/settings.ts';

/** `--council FILE`, or a shipped preset by name; the defaults without it. */
export async function resolveCouncil(value: string | undefined): Promise<CouncilSettings> {
  if (value === undefined) return DEFAULT_COUNCIL;
  if ((value === 'kisarazu' || value === 'kamakura') && !existsSync(value)) {
    return loadCouncilSettings(presetPath(value));
  }
  return loadCouncilSettings(value);
}
