import { api } from '../api.ts';
import { el } from '../dom.ts';
import { go, routeHash } from '../router.ts';
import type { MeetingRow } from './meetings.ts';
import { localDay } from '../../../shared/local-day.ts';

interface CalendarMark {
  month: number;
  day: number;
  label: string;
}

/** The fiscal year starts in April: months 4…12 of `year`, then 1…3 of the next. */
const FISCAL_MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];
const FIRST_FISCAL_MONTH = 4;

export const fiscalYearOf = (day: string): number => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < FIRST_FISCAL_MONTH ? 1 : 0);

/**
 * The council's fiscal year (April to March) month by month: its meetings against the city's
 * budget calendar from the settings (when opinions are needed before the budget requests), so
 * the 運営会議 can keep the council's schedule in step with the city's.
 */
export async function yearView(main: HTMLElement, params: Record<string, string>): Promise<void> {
  const { calendar, meetings } = await api<{ calendar: CalendarMark[]; meetings: MeetingRow[] }>('GET', '/api/meetings');
  const today = localDay(new Date());
  const year = /^\d{4}$/.test(params.fy ?? '') ? Number(params.fy) : fiscalYearOf(today);
  const rows = FISCAL_MONTHS.map((month) => {
    const calendarYear = month < FIRST_FISCAL_MONTH ? year + 1 : year;
    const prefix = `${calendarYear}-${String(month).padStart(2, '0')}`;
    const held = meetings.filter((m) => m.held_on.startsWith(prefix)).sort((a, b) => a.held_on.localeCompare(b.held_on));
    const marks = calendar.filter((c) => c.month === month).sort((a, b) => a.day - b.day);
    return el(
      'tr',
      { attrs: { 'data-month': prefix } },
      el('th', { className: 'nowrap', text: `${calendarYear}年${month}月`, attrs: { scope: 'row' } }),
      el('td', {}, ...marks.map((c) => el('div', { className: 'budget-mark', text: `${c.day ? `${month}/${c.day} ` : ''}${c.label}` }))),
      el('td', {}, ...held.map((m) => el('div', {}, el('a', { text: `${m.held_on.slice(5).replace('-', '/')} ${m.kind}${m.subcommittee ? `（${m.subcommittee}）` : ''} ${m.title}`, attrs: { href: routeHash('meetings', m.meeting_id), 'data-year-meeting': m.meeting_id } })))),
    );
  });
  const step = (by: number, text: string) => {
    const b = el('button', { text, attrs: { type: 'button', 'data-year-step': String(by) } });
    b.addEventListener('click', () => go('year', null, { fy: String(year + by) }));
    return b;
  };
  main.replaceChildren(
    el('h2', { text: `協議会の一年（${year}年度）` }),
    el('p', { className: 'no-print' }, step(-1, '← 前の年度'), step(1, '次の年度 →')),
    el('p', { className: 'hint', text: '市の予算の予定（協議会の設定）と、記録された会議です。意見は予算要求の前にまとめます。' }),
    el('table', { className: 'board year' }, el('thead', {}, el('tr', {}, ...['月', '市の予算の予定', '会議'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))), el('tbody', {}, ...rows)),
  );
}
