import { AGE_BANDS, DISABILITY_TYPES, STATUSES } from '../../../shared/vocabulary.ts';
import type { Context } from '../context.ts';
import { el } from '../dom.ts';

/** The board's filters, as query parameters of /api/themes and of the page's URL. */
export type BoardFilter = Partial<Record<'status' | 'subcommittee' | 'area' | 'disabilityType' | 'ageBand' | 'from' | 'to', string>>;
export const FILTER_KEYS = ['status', 'subcommittee', 'area', 'disabilityType', 'ageBand', 'from', 'to'] as const;


export function filterOf(params: Record<string, string>): BoardFilter {
  return Object.fromEntries(FILTER_KEYS.filter((k) => params[k]).map((k) => [k, params[k]]));
}

function select(name: keyof BoardFilter, label: string, options: readonly string[], filter: BoardFilter, apply: (f: BoardFilter) => void): HTMLLabelElement {
  const control = el('select', { attrs: { name, 'data-filter': name } }, el('option', { text: 'すべて', attrs: { value: '' } }), ...options.map((o) => el('option', { text: o, attrs: { value: o } })));
  control.value = filter[name] ?? '';
  control.addEventListener('change', () => apply({ ...filter, [name]: control.value || undefined }));
  return el('label', { text: `${label} ` }, control);
}

function monthInput(name: 'from' | 'to', label: string, filter: BoardFilter, apply: (f: BoardFilter) => void): HTMLLabelElement {
  const input = el('input', { attrs: { type: 'month', name, 'data-filter': name } });
  input.value = filter[name] ?? '';
  input.addEventListener('change', () => apply({ ...filter, [name]: input.value || undefined }));
  return el('label', { text: `${label} ` }, input);
}

/** The filter form; every change applies at once. */
export function boardFilters(ctx: Context, filter: BoardFilter, apply: (f: BoardFilter) => void): HTMLFormElement {
  const clear = el('button', { text: '絞り込みを解除', attrs: { type: 'button', 'data-filter-clear': '' } });
  clear.addEventListener('click', () => apply({}));
  clear.disabled = Object.keys(filter).length === 0;
  return el(
    'form',
    { className: 'filters no-print', attrs: { 'aria-label': '絞り込み' } },
    monthInput('from', '期間', filter, apply),
    monthInput('to', '〜', filter, apply),
    select('status', '状態', STATUSES, filter, apply),
    ctx.status.subcommittees.length ? select('subcommittee', '専門部会', ctx.status.subcommittees, filter, apply) : null,
    ctx.status.areas.length ? select('area', '地区', ctx.status.areas, filter, apply) : null,
    select('disabilityType', '障害種別', DISABILITY_TYPES, filter, apply),
    select('ageBand', '年齢層', AGE_BANDS, filter, apply),
    clear,
  );
}
