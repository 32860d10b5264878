import { ACTION_LABELS, WORKFLOW_ACTIONS, type Status, type WorkflowAction } from '../../shared/vocabulary.ts';
import { ConflictError, InvalidInputError } from '../domain-error.ts';

export interface Decision {
  name: string | null;
  status: Status;
  subcommittee: string | null;
  notes: string | null;
}

export type ThemeAction =
  | { action: 'rename'; name: string }
  | { action: 'adopt' }
  | { action: 'dismiss'; reason?: string }
  | { action: 'reopen' }
  | { action: 'refer'; subcommittee: string }
  | { action: 'discuss' }
  | { action: 'conclude'; conclusion: string }
  | { action: 'report' }
  | { action: 'recommend' }
  | { action: 'note'; note: string };

/** Which status each action moves a theme from, and to. */
const MOVES: Partial<Record<WorkflowAction, { from: readonly Status[]; to: Status }>> = {
  adopt: { from: ['候補'], to: '採択' },
  refer: { from: ['採択', '部会へ依頼'], to: '部会へ依頼' },
  discuss: { from: ['部会へ依頼'], to: '協議中' },
  conclude: { from: ['協議中'], to: '協議中' },
  report: { from: ['協議中'], to: '全体会報告' },
  recommend: { from: ['全体会報告'], to: '提言済' },
  dismiss: { from: ['候補', '採択', '部会へ依頼', '協議中', '全体会報告'], to: '見送り' },
  reopen: { from: ['見送り'], to: '候補' },
};

/** Longest theme name, and longest note, conclusion or reason: what a meeting writes, not a document. */
export const NAME_MAX = 100;
export const NOTE_MAX = 2000;

/** The input an action asks for, whether it may be left empty, and how long it may be. */
const FIELDS: Partial<Record<WorkflowAction, { field: string; required: boolean; max: number }>> = {
  rename: { field: 'name', required: true, max: NAME_MAX },
  refer: { field: 'subcommittee', required: true, max: NAME_MAX },
  conclude: { field: 'conclusion', required: true, max: NOTE_MAX },
  note: { field: 'note', required: true, max: NOTE_MAX },
  dismiss: { field: 'reason', required: false, max: NOTE_MAX },
};

export interface AvailableAction {
  action: WorkflowAction;
  label: string;
  field?: string;
  required?: boolean;
}

/** What the meeting may do with a theme in `status`, in workflow order, for the dashboard's buttons. */
export function availableActions(status: Status): AvailableAction[] {
  return WORKFLOW_ACTIONS.filter((action) => MOVES[action]?.from.includes(status) ?? true).map((action) => {
    const input = FIELDS[action];
    return { action, label: ACTION_LABELS[action], ...(input ? { field: input.field, required: input.required } : {}) };
  });
}

/** Checks the request body: an unknown action or a missing field names the field. */
export function parseAction(body: unknown): ThemeAction {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.action !== 'string' || !(WORKFLOW_ACTIONS as readonly string[]).includes(b.action)) {
    throw new InvalidInputError('action', `操作は ${WORKFLOW_ACTIONS.join('、')} のいずれかにしてください。`);
  }
  const action = b.action as WorkflowAction;
  const input = FIELDS[action];
  if (!input) return { action } as ThemeAction;
  const given = Object.hasOwn(b, input.field) ? b[input.field] : undefined;
  const value = typeof given === 'string' ? given.trim() : '';
  if (value.length > input.max) throw new InvalidInputError(input.field, `「${input.field}」は ${input.max} 文字までにしてください（いまは ${value.length} 文字です）。`);
  if (value !== '') return { action, [input.field]: value } as ThemeAction;
  if (input.required) throw new InvalidInputError(input.field, `「${input.field}」を入力してください。`);
  return { action } as ThemeAction;
}

/** The decision after an action; a move the status does not allow is a conflict saying why. */
export function applyAction(current: Decision, action: ThemeAction, subcommittees: readonly string[], date: string): Decision {
  const move = MOVES[action.action];
  if (move && !move.from.includes(current.status)) {
    throw new ConflictError('transition', `「${current.status}」のテーマに「${ACTION_LABELS[action.action]}」はできません。`);
  }
  const addNote = (line: string) => (current.notes ? `${current.notes}\n${line}` : line);
  switch (action.action) {
    case 'rename':
      return { ...current, name: action.name };
    case 'refer':
      if (subcommittees.length > 0 && !subcommittees.includes(action.subcommittee)) {
        throw new InvalidInputError('subcommittee', `専門部会は ${subcommittees.join('、')} のいずれかにしてください。`);
      }
      return { ...current, status: '部会へ依頼', subcommittee: action.subcommittee };
    case 'conclude':
      return { ...current, notes: addNote(`${date} 部会の結論: ${action.conclusion}`) };
    case 'note':
      return { ...current, notes: addNote(`${date} ${action.note}`) };
    case 'dismiss':
      return { ...current, status: '見送り', notes: action.reason ? addNote(`${date} 見送りの理由: ${action.reason}`) : current.notes };
    default:
      return { ...current, status: (move as { to: Status }).to };
  }
}
