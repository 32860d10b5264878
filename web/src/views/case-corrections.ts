import { api, ApiFailure } from '../api.ts';
import { el } from '../dom.ts';

/** A case's facts as the case lists receive them (Arrow rows). */
export interface CaseFacts {
  record_id: string;
  conference_date: string;
  agency_code: string;
  area: string | null;
  disability_type: string;
  age_band: string;
}

/** The first cells of a case row: 記録ID, 会議日, 事業所, 地区, 障害種別, 年齢層. */
export const FACT_HEADERS = ['記録ID', '会議日', '事業所', '地区', '障害種別', '年齢層'];
export function factCells(c: CaseFacts): HTMLTableCellElement[] {
  return [
    ...[c.record_id, c.conference_date].map((v) => el('td', { className: 'nowrap', text: v })),
    ...[c.agency_code, c.area ?? '', c.disability_type, c.age_band].map((v) => el('td', { text: v })),
  ];
}

/** A theme a case may be moved to. */
export interface MoveTarget {
  theme_id: string;
  name: string;
}

/** Where the case is now: its theme and the revision the meeting sees, or null for the unassigned list. */
export interface CasePlace {
  themeId: string;
  revision: number;
}

export interface CorrectionOptions {
  /** The theme offered first in the move choice (the nearest other one). */
  suggested: string | null;
  /** Whether the case may be pinned where it is (a member not fixed yet). */
  pin: boolean;
  /** Whether it may be taken out as 個別の事情. */
  takeOut: boolean;
}

/**
 * The meeting's corrections of one case, in its row: move it to a theme chosen in a list
 * (the nearest other theme first), take it out as 個別の事情, or pin it where it is. Each
 * is kept by every later analysis; `done` redraws, a refusal is shown in `message`.
 */
export function caseCorrections(recordId: string, from: CasePlace | null, targets: readonly MoveTarget[], options: CorrectionOptions, done: () => void, message: HTMLElement): HTMLElement {
  const send = (body: Record<string, unknown>) => {
    message.textContent = '';
    api('POST', '/api/corrections', { recordId, ...(from ? { from: from.themeId, revision: from.revision } : {}), ...body })
      .then(done)
      .catch((error: unknown) => (message.textContent = error instanceof ApiFailure ? error.body.message : '保存できませんでした。'));
  };
  const choices = [...targets].filter((t) => t.theme_id !== from?.themeId).sort((a, b) => Number(b.theme_id === options.suggested) - Number(a.theme_id === options.suggested));
  const select = el(
    'select',
    { attrs: { 'aria-label': `${recordId} の移動先`, 'data-move-target': recordId } },
    ...choices.map((t) => el('option', { text: `${t.theme_id} ${t.name}`, attrs: { value: t.theme_id } })),
  );
  const button = (text: string, kind: string, act: () => void) => {
    const b = el('button', { text, attrs: { type: 'button', 'data-correct': kind, 'data-record': recordId } });
    b.addEventListener('click', act);
    return b;
  };
  return el(
    'span',
    { className: 'case-corrections' },
    choices.length > 0 ? select : null,
    choices.length > 0 ? button('移す', 'move', () => send({ kind: 'move', to: select.value })) : null,
    options.takeOut ? button('個別の事情へ', 'take_out', () => send({ kind: 'take_out' })) : null,
    options.pin ? button('固定', 'pin', () => send({ kind: 'pin' })) : null,
  );
}
