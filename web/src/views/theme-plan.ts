import { api, ApiFailure } from '../api.ts';
import { el, textTable } from '../dom.ts';
import { REFERRED_STATUSES, type Status } from '../../../shared/vocabulary.ts';
import type { ThemeRow } from '../themes.ts';

interface PlanRecord {
  plan: { studies: string; due: string | null; next_report: string | null; updated_at: string } | null;
  progress: Array<{ kind: 'progress' | 'report'; noted_on: string; text: string; written_by: string | null }>;
}

const KIND_NAMES = { progress: '進み具合', report: '報告' } as const;

/**
 * A referred theme's work in its subcommittee: the plan (what it studies, by when, the next
 * report) to write or change, and the dated progress notes and reports, with a form for the
 * next one. Nothing for a theme not referred yet.
 */
export async function themePlan(theme: ThemeRow, done: () => void, meetingId: string | null): Promise<HTMLElement | null> {
  if (!REFERRED_STATUSES.includes(theme.status as Status)) return null;
  const id = encodeURIComponent(theme.theme_id);
  const record = await api<PlanRecord>('GET', `/api/subcommittees/themes/${id}`);
  const message = el('p', { className: 'error', attrs: { role: 'alert' } });
  const fail = (error: unknown) => (message.textContent = error instanceof ApiFailure ? error.body.message : '保存できませんでした。');
  const input = (name: string, label: string, value: string | null | undefined, type = 'text') => {
    const control = el('input', { attrs: { name, type, 'aria-label': label, ...(type === 'text' ? { size: '40' } : {}) } });
    control.value = value ?? '';
    return el('label', { text: `${label} ` }, control);
  };
  const value = (form: HTMLFormElement, name: string) => (form.querySelector(`[name=${name}]`) as HTMLInputElement).value.trim();
  const planForm = el(
    'form',
    { className: 'plan-form', attrs: { 'aria-label': '部会の計画' } },
    input('studies', '調べること', record.plan?.studies),
    input('due', '期限', record.plan?.due, 'date'),
    input('nextReport', '次の報告', record.plan?.next_report, 'date'),
    el('button', { text: '計画を保存', attrs: { type: 'submit', 'data-save-plan': '' } }),
  );
  planForm.addEventListener('submit', (event) => {
    event.preventDefault();
    api('PUT', `/api/subcommittees/themes/${id}/plan`, { studies: value(planForm, 'studies'), due: value(planForm, 'due') || null, nextReport: value(planForm, 'nextReport') || null }).then(done).catch(fail);
  });
  const kind = el('select', { attrs: { name: 'kind', 'aria-label': '記録の種類' } }, ...Object.entries(KIND_NAMES).map(([k, v]) => el('option', { text: v, attrs: { value: k } })));
  const noteForm = el('form', { className: 'plan-form', attrs: { 'aria-label': '進み具合・報告の記録' } }, kind, input('notedOn', '日付', null, 'date'), input('text', '内容', null), el('button', { text: '記録する', attrs: { type: 'submit', 'data-add-progress': '' } }));
  noteForm.addEventListener('submit', (event) => {
    event.preventDefault();
    api('POST', `/api/subcommittees/themes/${id}/progress`, { kind: kind.value, notedOn: value(noteForm, 'notedOn') || null, text: value(noteForm, 'text'), ...(meetingId ? { meetingId } : {}) }).then(done).catch(fail);
  });
  return el(
    'section',
    { className: 'theme-plan', attrs: { 'data-theme-plan': theme.theme_id } },
    el('h3', { text: `専門部会の計画と進み具合（${theme.subcommittee ?? '—'}）` }),
    planForm,
    record.plan ? el('p', { className: 'plan-updated hint', text: `計画の最終更新: ${record.plan.updated_at.replace('T', ' ').slice(0, 16)}` }) : null,
    record.progress.length === 0 ? el('p', { text: 'まだ記録はありません。' }) : textTable(['日付', '種類', '内容', '記録した人'], record.progress.map((p) => [p.noted_on, KIND_NAMES[p.kind], p.text, p.written_by ?? '']), 'history progress'),
    noteForm,
    message,
  );
}
