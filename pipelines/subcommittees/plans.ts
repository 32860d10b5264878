import { REFERRED_STATUSES, type Status } from '../../shared/vocabulary.ts';
import { audit } from '../audit/audit-log.ts';
import { isCalendarDay } from '../calendar-day.ts';
import type { Database, ReadScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../domain-error.ts';
import { meetingOfDecision } from '../meetings/meetings.ts';
import { NOTE_MAX } from '../review/workflow.ts';
import { bodyField, filledText } from '../request-fields.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const UPSERT_PLAN = sql('upsert-plan.sql');
const INSERT_PROGRESS = sql('insert-progress.sql');
const THEME_PLAN = sql('theme-plan.sql');
const THEME_PROGRESS = sql('theme-progress.sql');
const PROGRESS_BOARD = sql('progress-board.sql');
const THEME_STATUS = sql('theme-status.sql');

/** A progress note, or a report of the subcommittee (to the 運営会議 or the plenary). */
export const PROGRESS_KINDS = ['progress', 'report'] as const;
export type ProgressKind = (typeof PROGRESS_KINDS)[number];

export interface Plan {
  studies: string;
  due: string | null;
  nextReport: string | null;
}

export interface Progress {
  kind: ProgressKind;
  notedOn: string;
  text: string;
  meetingId: string | null;
}


function day(value: unknown, name: string, required: boolean): string | null {
  const v = filledText(value);
  if (v === null) {
    if (required) throw new InvalidInputError(name, `「${name}」の日付を 2025-10-31 のように書いてください。`);
    return null;
  }
  if (!isCalendarDay(v)) {
    throw new InvalidInputError(name, `「${name}」の日付を 2025-10-31 のように書いてください（いまは「${v.slice(0, 20)}」です）。`);
  }
  return v;
}

function long(value: unknown, name: string): string {
  const v = filledText(value);
  if (v === null) throw new InvalidInputError(name, `「${name}」を書いてください。`);
  if (v.length > NOTE_MAX) throw new InvalidInputError(name, `「${name}」は ${NOTE_MAX} 文字までにしてください（いまは ${v.length} 文字です）。`);
  return v;
}

export function parsePlan(body: unknown): Plan {
  return { studies: long(bodyField(body, 'studies'), 'studies'), due: day(bodyField(body, 'due'), 'due', false), nextReport: day(bodyField(body, 'nextReport'), 'nextReport', false) };
}

export function parseProgress(body: unknown, today: string): Progress {
  const kind = bodyField(body, 'kind') ?? 'progress';
  if (typeof kind !== 'string' || !(PROGRESS_KINDS as readonly string[]).includes(kind)) throw new InvalidInputError('kind', '種類は progress（進み具合）か report（報告）にしてください。');
  return { kind: kind as ProgressKind, notedOn: day(bodyField(body, 'notedOn'), 'notedOn', false) ?? today, text: long(bodyField(body, 'text'), 'text'), meetingId: filledText(bodyField(body, 'meetingId')) };
}

async function withSubcommittee(scope: ReadScope, themeId: string): Promise<void> {
  const row = (await scope.rows(THEME_STATUS, [themeId]))[0];
  if (!row) throw new NotFoundError('not_found', `テーマ ${themeId} はありません。`);
  if (!REFERRED_STATUSES.includes(row.status as Status) || row.subcommittee === null) {
    throw new ConflictError('not_referred', `テーマ ${themeId} はまだ専門部会へ依頼されていません（いまは「${String(row.status)}」）。部会へ依頼してから計画を書いてください。`);
  }
}

/** Sets what the subcommittee studies on a referred theme, by when, and when it reports next. */
export async function setPlan(db: Database, themeId: string, plan: Plan, userId: string, now: Date): Promise<void> {
  await db.write(async (scope) => {
    await withSubcommittee(scope, themeId);
    await scope.run(UPSERT_PLAN, [themeId, plan.studies, plan.due, plan.nextReport, now.toISOString(), userId]);
    await audit(scope, { userId, action: 'theme_plan', target: themeId, after: plan }, now);
  });
}

/** Records a progress note or a report on a referred theme. */
export async function addProgress(db: Database, themeId: string, progress: Progress, userId: string, now: Date): Promise<void> {
  await db.write(async (scope) => {
    await withSubcommittee(scope, themeId);
    const meetingId = await meetingOfDecision(scope, progress.meetingId);
    await scope.run(INSERT_PROGRESS, [themeId, progress.kind, progress.notedOn, progress.text, meetingId, userId, now.toISOString()]);
    await audit(scope, { userId, action: `theme_${progress.kind}`, target: themeId, after: progress }, now);
  });
}

/** A theme's plan (or null) and its progress notes and reports. */
export async function themePlan(scope: ReadScope, themeId: string) {
  return { plan: (await scope.rows(THEME_PLAN, [themeId]))[0] ?? null, progress: await scope.rows(THEME_PROGRESS, [themeId]) };
}

/** The themes referred to a subcommittee, with plan, latest progress and what is overdue on `today`. */
export const progressBoard = (scope: ReadScope, subcommittee: string, today: string) => scope.rows(PROGRESS_BOARD, [subcommittee, today]);
