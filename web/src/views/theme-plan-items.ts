import { api, ApiFailure } from '../api.ts';
import { el } from '../dom.ts';
import type { PlanReport } from './city-plan.ts';

/** The items of the city's plan a theme is linked to, as checkboxes the meeting ticks; nothing before the plan is loaded. */
export async function themePlanItems(themeId: string): Promise<HTMLElement | null> {
  const id = encodeURIComponent(themeId);
  const [{ items }, { numbers }] = await Promise.all([api<PlanReport>('GET', '/api/plan/report'), api<{ numbers: string[] }>('GET', `/api/plan/themes/${id}`)]);
  if (items.length === 0) return null;
  const linked = new Set(numbers);
  const status = el('span', { attrs: { role: 'status', 'data-plan-links-status': '' } });
  const boxes = items.map((item) => {
    const box = el('input', { attrs: { type: 'checkbox', value: item.number, 'data-plan-number': item.number } });
    box.checked = linked.has(item.number);
    box.addEventListener('change', () => {
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      api('PUT', `/api/plan/themes/${id}`, { numbers: chosen })
        .then(() => (status.textContent = '保存しました。'))
        .catch((error: unknown) => (status.textContent = error instanceof ApiFailure ? error.body.message : '保存できませんでした。'));
    });
    return box;
  });
  return el(
    'section',
    { className: 'plan-links no-print' },
    el('h3', { text: '市の計画の項目' }),
    el('div', {}, ...items.map((item, i) => el('label', { className: 'plan-link' }, boxes[i] as HTMLInputElement, document.createTextNode(` ${item.number} ${item.heading}`)))),
    status,
  );
}
