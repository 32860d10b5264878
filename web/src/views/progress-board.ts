import { api } from '../api.ts';
import type { Context } from '../context.ts';
import { el } from '../dom.ts';
import { go, routeHash } from '../router.ts';

interface BoardRow {
  theme_id: string;
  name: string;
  status: string;
  studies: string | null;
  due: string | null;
  next_report: string | null;
  latest: string | null;
  latest_on: string | null;
  reports: number;
  due_passed: boolean;
  report_late: boolean;
}

/**
 * The 運営会議's view of one subcommittee's work: each theme referred to it with its status,
 * what it studies, by when, the next report, the latest note and how many reports — and what
 * is overdue (the end date passed before the plenary, or a report late) first.
 */
export async function progressBoardView(main: HTMLElement, ctx: Context, params: Record<string, string>): Promise<void> {
  const names = ctx.status.subcommittees;
  const chosen = params.subcommittee && names.includes(params.subcommittee) ? params.subcommittee : (names[0] ?? null);
  const select = el('select', { attrs: { 'aria-label': '専門部会', 'data-progress-subcommittee': '' } }, ...names.map((n) => el('option', { text: n, attrs: { value: n } })));
  if (chosen) select.value = chosen;
  select.addEventListener('change', () => go('progress', null, { subcommittee: select.value }));
  if (chosen === null) {
    main.replaceChildren(el('h2', { text: '部会の進み具合' }), el('p', { text: '協議会の設定に専門部会がありません。' }));
    return;
  }
  const board = await api<{ today: string; themes: BoardRow[] }>('GET', `/api/subcommittees/${encodeURIComponent(chosen)}/progress`);
  const late = (r: BoardRow) => [r.due_passed ? '期限切れ' : '', r.report_late ? '報告遅れ' : ''].filter((x) => x !== '').join('・');
  const rows = board.themes.map((r) =>
    el(
      'tr',
      { attrs: { 'data-progress-row': r.theme_id, ...(late(r) ? { 'data-overdue': '' } : {}) } },
      el('td', {}, el('a', { text: `${r.theme_id} ${r.name}`, attrs: { href: routeHash('themes', r.theme_id) } })),
      el('td', { className: 'nowrap', text: r.status }),
      el('td', { text: r.studies ?? '（計画なし）' }),
      el('td', { className: 'nowrap', text: r.due ?? '—' }),
      el('td', { className: 'nowrap', text: r.next_report ?? '—' }),
      el('td', { text: r.latest ? `${r.latest_on ?? ''} ${r.latest}` : '—' }),
      el('td', { className: 'num', text: String(r.reports) }),
      el('td', { className: 'overdue', text: late(r) || '—' }),
    ),
  );
  main.replaceChildren(
    el('h2', { text: '部会の進み具合' }),
    el('p', {}, el('label', { text: '専門部会 ' }, select), el('span', { className: 'hint', text: `　${board.today} 時点。遅れているものを先に並べています。` })),
    board.themes.length === 0
      ? el('p', { text: 'この部会に依頼されたテーマはまだありません。' })
      : el(
          'table',
          { className: 'board progress-board' },
          el('thead', {}, el('tr', {}, ...['テーマ', '状態', '調べること', '期限', '次の報告', '最近の記録', '報告', '遅れ'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))),
          el('tbody', {}, ...rows),
        ),
  );
}
