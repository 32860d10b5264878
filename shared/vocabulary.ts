/**
 * The words the dashboard and the server share: roles, a theme's statuses, the names of
 * the council's actions and of a job's stages. Both import them from here only, so a
 * label changed here changes everywhere. This module imports nothing.
 */

export const ROLES = ['secretariat', 'coordinator', 'staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  secretariat: '事務局',
  coordinator: '調整会議・運営会議',
  staff: '相談支援専門員',
  viewer: '閲覧のみ',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface SessionUser {
  userId: string;
  login: string;
  displayName: string;
  role: Role;
}

/** 障害種別 and 年齢層 as the CSV contract (DESIGN.md) lists them. */
export const DISABILITY_TYPES = ['身体', '知的', '精神', '発達', '難病', '重複', '児童'] as const;
export type DisabilityType = (typeof DISABILITY_TYPES)[number];
export const AGE_BANDS = ['18歳未満', '18-29', '30-39', '40-49', '50-64', '65以上'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The council's statuses for a theme, in the order a theme moves through them (or 見送り). */
export const STATUSES = ['候補', '採択', '部会へ依頼', '協議中', '全体会報告', '提言済', '見送り'] as const;
export type Status = (typeof STATUSES)[number];

/** The statuses in which a theme is with a subcommittee: it carries the subcommittee's plan and progress. */
export const REFERRED_STATUSES: readonly Status[] = ['部会へ依頼', '協議中', '全体会報告', '提言済'];

/** The moves of the council's workflow, in the order the dashboard offers them. */
export const WORKFLOW_ACTIONS = ['rename', 'adopt', 'dismiss', 'reopen', 'refer', 'discuss', 'conclude', 'report', 'recommend', 'note'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** The meeting's corrections of a single case, offered in a theme's case list and the unassigned list. */
export const CASE_CORRECTIONS = ['move', 'take_out', 'pin'] as const;
export type CaseCorrectionKind = (typeof CASE_CORRECTIONS)[number];

/** Everything a theme's history can record: the workflow's moves, merges and splits, and corrections of cases. */
export type HistoryAction = WorkflowAction | 'merge' | 'merged_from' | 'split' | CaseCorrectionKind | 'undo';

export const ACTION_LABELS: Record<HistoryAction, string> = {
  rename: '名前の変更',
  adopt: '採択',
  dismiss: '見送り',
  reopen: '候補に戻す',
  refer: '専門部会への依頼',
  discuss: '部会での協議開始',
  conclude: '部会の結論の記録',
  report: '全体会への報告',
  recommend: '市への提言',
  note: 'メモの追加',
  merge: '統合',
  merged_from: '似たテーマの事例をこのテーマに統合',
  split: '分割',
  move: '事例の移動',
  take_out: '個別の事情へ（地域課題から外す）',
  pin: '事例をこのテーマに固定',
  undo: '修正の取り消し',
};

/** An action's name in Japanese; one not known is shown as it is. */
export function actionLabel(action: string): string {
  return Object.hasOwn(ACTION_LABELS, action) ? ACTION_LABELS[action as HistoryAction] : action;
}

/** The stages an upload or an analysis reports its progress in. */
export const JOB_STAGES = ['parse', 'validate', 'tokenize', 'store', 'ingest', 'terms', 'cluster'] as const;
export type JobStage = (typeof JOB_STAGES)[number];

export const JOB_STAGE_LABELS: Record<JobStage, string> = {
  parse: '読み込み',
  validate: '検査',
  tokenize: '形態素解析',
  store: '保存',
  ingest: '取り込み',
  terms: '語の索引づくり',
  cluster: 'テーマの分類',
};

/** A job's state as stored: after a restart, a job still `running` is known to have been interrupted. */
export const JOB_STATES = ['running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];
export type JobKind = 'upload' | 'analysis';

/** The message a person sees about an error, whatever went wrong inside. */
export interface ErrorBody {
  code: string;
  message: string;
  requestId?: string;
  field?: string;
}
