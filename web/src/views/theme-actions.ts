import { api, ApiFailure } from '../api.ts';
import type { Context } from '../context.ts';
import { el } from '../dom.ts';
import type { ThemeAction, ThemeRow } from '../themes.ts';

const PLACEHOLDERS: Record<string, string> = { name: '新しい名前', note: 'メモ', conclusion: '部会の結論', reason: '見送りの理由（任意）' };

/** The input an action asks for: the council's subcommittees to choose from, or text. */
function input(a: ThemeAction, theme: ThemeRow, ctx: Context): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const label = PLACEHOLDERS[a.field ?? ''] ?? a.label;
  if (a.field === 'subcommittee' && ctx.status.subcommittees.length > 0) {
    const select = el('select', { attrs: { name: 'subcommittee', 'aria-label': '依頼する専門部会' } }, ...ctx.status.subcommittees.map((s) => el('option', { text: s, attrs: { value: s } })));
    select.value = theme.subcommittee ?? theme.suggested_subcommittee ?? ctx.status.subcommittees[0] ?? '';
    return select;
  }
  if (a.field === 'name') {
    const text = el('input', { attrs: { name: 'name', 'aria-label': label, size: '30' } });
    text.value = theme.name;
    return text;
  }
  return el('textarea', { attrs: { name: a.field ?? 'text', 'aria-label': label, placeholder: label, rows: '2', cols: '40' } });
}

/**
 * The meeting's actions on one theme, in place: a button per move its status allows; one
 * that needs words or a choice opens a small form under the buttons. `done` redraws.
 * Opened from a meeting's agenda, each decision is recorded as that meeting's.
 */
export function themeActions(theme: ThemeRow, ctx: Context, others: readonly ThemeRow[], done: () => void, meetingId: string | null = null): HTMLElement {
  const message = el('p', { className: 'error', attrs: { role: 'alert' } });
  const form = el('form', { className: 'action-form', attrs: { 'aria-label': `${theme.theme_id} の操作` } });
  form.hidden = true;
  const post = (path: string, body: object) =>
    api('POST', `/api/themes/${encodeURIComponent(theme.theme_id)}/${path}`, { ...body, revision: theme.revision, ...(meetingId && path === 'actions' ? { meetingId } : {}) })
      .then(done)
      .catch((error: unknown) => (message.textContent = error instanceof ApiFailure ? error.body.message : '保存できませんでした。'));
  const open = (title: string, control: HTMLElement, submit: () => void) => {
    const ok = el('button', { text: '決定', attrs: { type: 'submit', 'data-confirm': '' } });
    const cancel = el('button', { text: 'やめる', attrs: { type: 'button' } });
    cancel.addEventListener('click', () => (form.hidden = true));
    form.onsubmit = (event) => {
      event.preventDefault();
      submit();
    };
    form.replaceChildren(el('span', { text: `${title}: ` }), control, ok, cancel);
    form.hidden = false;
    control.focus();
  };
  const buttons = (theme.actions ?? []).map((a) => {
    const button = el('button', { text: a.label, attrs: { type: 'button', 'data-action': a.action } });
    button.addEventListener('click', () => {
      message.textContent = '';
      if (!a.field) return void post('actions', { action: a.action });
      const control = input(a, theme, ctx);
      open(a.label, control, () => {
        const value = control.value.trim();
        if (a.required && !value) return void (message.textContent = `${PLACEHOLDERS[a.field ?? ''] ?? a.label}を入力してください。`);
        void post('actions', { action: a.action, ...(value ? { [a.field as string]: value } : {}) });
      });
    });
    return button;
  });
  const targets = others.filter((o) => o.theme_id !== theme.theme_id);
  if (targets.length > 0) {
    const merge = el('button', { text: '他のテーマに統合', attrs: { type: 'button', 'data-action': 'merge' } });
    merge.addEventListener('click', () => {
      const select = el('select', { attrs: { name: 'into', 'aria-label': '統合先のテーマ' } }, ...targets.map((o) => el('option', { text: `${o.theme_id} ${o.name}`, attrs: { value: o.theme_id } })));
      open('統合先', select, () => void post('merge', { into: select.value }));
    });
    buttons.push(merge);
  }
  return el('div', { className: 'theme-actions' }, el('div', { className: 'actions' }, ...buttons), form, message);
}
