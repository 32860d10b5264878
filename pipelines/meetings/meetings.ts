import { audit } from '../audit/audit-log.ts';
import { isCalendarDay } from '../calendar-day.ts';
import { DEFAULT_MEETING_KINDS, SUBCOMMITTEE_MEETING, type CouncilSettings } from '../council/settings.ts';
import type { Database, ReadScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { InvalidInputError, NotFoundError } from '../domain-error.ts';
import { bodyField, filledText } from '../request-fields.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const LAST_NUMBER = sql('last-meeting-number.sql');
const INSERT_MEETING = sql('insert-meeting.sql');
const LIST = sql('list-meetings.sql');
const MEETING = sql('meeting.sql');
const AGENDA = sql('meeting-agenda.sql');
const DECISIONS = sql('meeting-decisions.sql');
const CLEAR_AGENDA = sql('clear-agenda.sql');
const INSERT_ITEM = sql('insert-agenda-item.sql');
const THEME_EXISTS = sql('theme-exists.sql');

/** Longest title, agenda item or question: a line of an agenda, not a document. */
const TEXT_MAX = 200;
/** Most items an agenda holds. */
const AGENDA_MAX = 50;

export interface NewMeeting {
  kind: string;
  /** YYYY-MM-DD. */
  heldOn: string;
  subcommittee: string | null;
  title: string;
  /** Its papers are public (always for the plenary): counts suppressed, no excerpts. */
  public: boolean;
}

/** The plenary, whose papers are always public. */
export const PLENARY = '全体会';

export interface AgendaItem {
  themeId: string | null;
  item: string | null;
  question: string | null;
}

/** The kinds of meeting the council holds. */
export const meetingKinds = (settings: CouncilSettings): readonly string[] => settings.meetingKinds ?? DEFAULT_MEETING_KINDS;


function limited(value: string | null, name: string): string | null {
  if (value !== null && value.length > TEXT_MAX) throw new InvalidInputError(name, `「${name}」は ${TEXT_MAX} 文字までにしてください（いまは ${value.length} 文字です）。`);
  return value;
}

/** Reads a new meeting: a kind the council holds, a real date, the subcommittee for a 専門部会. */
export function parseMeeting(body: unknown, settings: CouncilSettings): NewMeeting {
  const kinds = meetingKinds(settings);
  const kind = filledText(bodyField(body, 'kind'));
  if (kind === null || !kinds.includes(kind)) throw new InvalidInputError('kind', `会議の種類は ${kinds.join('、')} のいずれかにしてください。`);
  const heldOn = filledText(bodyField(body, 'heldOn'));
  if (heldOn === null || !isCalendarDay(heldOn)) {
    throw new InvalidInputError('heldOn', '開催日は 2025-06-12 のように年-月-日で書いてください。');
  }
  const names = settings.subcommittees.map((s) => s.name);
  const subcommittee = filledText(bodyField(body, 'subcommittee'));
  if (kind === SUBCOMMITTEE_MEETING && (subcommittee === null || (names.length > 0 && !names.includes(subcommittee)))) {
    throw new InvalidInputError('subcommittee', names.length > 0 ? `専門部会は ${names.join('、')} のいずれかにしてください。` : 'どの専門部会の会議かを書いてください。');
  }
  const title = limited(filledText(bodyField(body, 'title')), 'title') ?? `${kind}（${heldOn}）`;
  return { kind, heldOn, subcommittee: kind === SUBCOMMITTEE_MEETING ? subcommittee : null, title, public: kind === PLENARY || bodyField(body, 'public') === true };
}

/** Reads an agenda: each item a theme or words, with the question to decide (optional). */
export function parseAgenda(body: unknown): AgendaItem[] {
  const items = bodyField(body, 'items');
  if (!Array.isArray(items)) throw new InvalidInputError('items', '議題を配列（items）で送ってください。');
  if (items.length > AGENDA_MAX) throw new InvalidInputError('items', `議題は ${AGENDA_MAX} 件までにしてください。`);
  return items.map((raw, i) => {
    const item: AgendaItem = { themeId: filledText(bodyField(raw, 'themeId')), item: limited(filledText(bodyField(raw, 'item')), `items[${i}].item`), question: limited(filledText(bodyField(raw, 'question')), `items[${i}].question`) };
    if ((item.themeId === null) === (item.item === null)) throw new InvalidInputError(`items[${i}]`, `議題 ${i + 1} には、テーマ（themeId）か議題の文（item）のどちらか一つを書いてください。`);
    return item;
  });
}

/** Records a meeting with the next M-number, in one write with its audit entry. */
export async function createMeeting(db: Database, meeting: NewMeeting, userId: string, now: Date): Promise<string> {
  return db.write(async (scope) => {
    const id = `M-${String(Number((await scope.rows(LAST_NUMBER))[0]?.n ?? 0) + 1).padStart(4, '0')}`;
    await scope.run(INSERT_MEETING, [id, meeting.kind, meeting.heldOn, meeting.subcommittee, meeting.title, meeting.public, now.toISOString(), userId]);
    await audit(scope, { userId, action: 'meeting_create', target: id, after: meeting }, now);
    return id;
  });
}

/** Replaces a meeting's agenda; every theme named must exist and not be merged away. */
export async function setAgenda(db: Database, meetingId: string, items: readonly AgendaItem[], userId: string, now: Date): Promise<void> {
  await db.write(async (scope) => {
    await meetingOf(scope, meetingId);
    for (const [i, item] of items.entries()) {
      if (item.themeId !== null && (await scope.rows(THEME_EXISTS, [item.themeId])).length === 0) {
        throw new InvalidInputError(`items[${i}].themeId`, `テーマ ${item.themeId} はありません（統合されたテーマは、統合先を議題にしてください）。`);
      }
    }
    await scope.run(CLEAR_AGENDA, [meetingId]);
    for (const [i, item] of items.entries()) await scope.run(INSERT_ITEM, [meetingId, i + 1, item.themeId, item.item, item.question]);
    await audit(scope, { userId, action: 'meeting_agenda', target: meetingId, after: items }, now);
  });
}

async function meetingOf(scope: ReadScope, meetingId: string): Promise<Record<string, unknown>> {
  const row = (await scope.rows(MEETING, [meetingId]))[0];
  if (!row) throw new NotFoundError('not_found', `会議 ${meetingId} はありません。`);
  return row;
}

/** Every meeting, latest first. */
export const listMeetings = (scope: ReadScope) => scope.rows(LIST);

/** A meeting with its agenda and the decisions taken in it: the council's minutes. */
export async function meetingRecord(scope: ReadScope, meetingId: string) {
  return { meeting: await meetingOf(scope, meetingId), agenda: await scope.rows(AGENDA, [meetingId]), decisions: await scope.rows(DECISIONS, [meetingId]) };
}

/** Checks that a decision names a meeting that exists; null when it names none. */
export async function meetingOfDecision(scope: ReadScope, meetingId: string | null): Promise<string | null> {
  if (meetingId === null) return null;
  await meetingOf(scope, meetingId);
  return meetingId;
}
