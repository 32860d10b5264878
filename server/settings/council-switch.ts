import { DEFAULT_COUNCIL, PRESET_NAMES, loadCouncilSettings, presetPath, type CouncilSettings } from '../../pipelines/council/settings.ts';

/** What the settings screen offers: each shipped council, or a blank one to fill in. */
export const COUNCIL_CHOICES = [...PRESET_NAMES, 'blank'] as const;
export type CouncilChoice = (typeof COUNCIL_CHOICES)[number];

export function isCouncilChoice(value: unknown): value is CouncilChoice {
  return typeof value === 'string' && (COUNCIL_CHOICES as readonly string[]).includes(value);
}

/** A council as the settings screen lists it before anyone switches to it. */
export interface CouncilSummary {
  id: CouncilChoice;
  name: string;
  subcommittees: string[];
  meetingKinds: string[];
  suppressionThreshold: number;
}

function chosenSettings(choice: CouncilChoice): Promise<CouncilSettings> {
  return choice === 'blank' ? Promise.resolve(DEFAULT_COUNCIL) : loadCouncilSettings(presetPath(choice));
}

export async function councilChoices(): Promise<CouncilSummary[]> {
  return Promise.all(
    COUNCIL_CHOICES.map(async (id) => {
      const s = await chosenSettings(id);
      return { id, name: id === 'blank' ? '白紙（専門部会なし）' : s.name, subcommittees: s.subcommittees.map((c) => c.name), meetingKinds: s.meetingKinds ?? [], suppressionThreshold: s.suppressionThreshold };
    }),
  );
}

/**
 * The settings after switching to `choice`: everything the council is (name, subcommittees
 * and their remits, categories, meetings, calendar, threshold, dictionary) comes from the
 * choice; the column names already taught for this office's files are kept.
 */
export async function switchedSettings(current: CouncilSettings, choice: CouncilChoice): Promise<CouncilSettings> {
  const next = await chosenSettings(choice);
  return { ...next, headerAliases: { ...next.headerAliases, ...current.headerAliases } };
}
