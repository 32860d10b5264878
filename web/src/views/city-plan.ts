import { api, ApiFailure } from '../api.ts';
import type { Context } from '../context.ts';
import { el } from '../dom.ts';
import { go, routeHash } from '../router.ts';
import { localDay } from '../../../shared/local-day.ts';

export interface PlanReport {
  council: string;
  items: Array<{ number: string; heading: string; themes: Array<{ themeId: string; name: string; status: string; subcommittee: string | null; notes: string | null }> }>;
}

/** The secretariat's control that loads the plan's items from a CSV file (番号,項目). */
function loader(loaded: string | undefined): HTMLElement {
  const file = el('input', { attrs: { type: 'file', accept: '.csv,text/csv', id: 'plan-file', 'aria-label': '計画の CSV（番号,項目）' } });
  const status = el('p', { attrs: { role: 'status', 'data-plan-status': '' }, text: loaded ? `${loaded} 項目を読み込みました。` : '' });
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    status.textContent = '読み込んでいます…';
    chosen
      .text()
      .then((csv) => api<{ items: number }>('PUT', '/api/plan/items', { csv }))
      .then((r) => go('plan', null, { loaded: String(r.items) }))
      .catch((error: unknown) => (status.textContent = error instanceof ApiFailure ? error.body.message : '読み込めませんでした。'));
  });
  return el('div', { className: 'no-print plan-loader' }, el('label', { text: '市の計画の項目を CSV（番号,項目）で読み込む ', attrs: { for: 'plan-file' } }), file, status);
}

/**
 * The annual report (年次報告) per item of the city's 障害福祉計画: the themes the council
 * linked to each, their status and subcommittee, and the council's notes and conclusions;
 * printable. The secretariat loads the plan's items here.
 */
export async function cityPlanView(main: HTMLElement, ctx: Context, params: Record<string, string>): Promise<void> {
  const report = await api<PlanReport>('GET', '/api/plan/report');
  const printButton = el('button', { text: '印刷する（A4）', attrs: { type: 'button', 'data-print': '' } });
  printButton.addEventListener('click', () => window.print());
  const rows = report.items.flatMap((item) => {
    const themes = item.themes.length === 0 ? [null] : item.themes;
    return themes.map((t, i) =>
      el(
        'tr',
        { attrs: { 'data-plan-item': item.number } },
        ...(i === 0 ? [el('td', { className: 'nowrap', text: item.number, attrs: { rowspan: String(themes.length) } }), el('td', { text: item.heading, attrs: { rowspan: String(themes.length) } })] : []),
        el('td', {}, t ? el('a', { text: `${t.themeId} ${t.name}`, attrs: { href: routeHash('themes', t.themeId) } }) : el('span', { text: '（まだテーマはありません）' })),
        el('td', { className: 'nowrap', text: t?.status ?? '' }),
        el('td', { text: t?.subcommittee ?? '' }),
        el('td', { className: 'notes', text: t?.notes ?? '' }),
      ),
    );
  });
  main.replaceChildren(
    el(
      'article',
      { className: 'print-report city-plan' },
      el('div', { className: 'no-print actions' }, printButton),
      el('h2', { text: `${report.council} 年次報告（障害福祉計画の項目ごと）` }),
      el('p', { text: `作成: ${localDay(new Date())}　出典: mieruka` }),
      ctx.role === 'secretariat' ? loader(params.loaded) : null,
      report.items.length === 0
        ? el('p', { text: 'まだ市の計画の項目がありません。事務局が CSV で読み込みます。' })
        : el(
            'table',
            { className: 'report-table plan-report' },
            el('thead', {}, el('tr', {}, ...['番号', '計画の項目', 'テーマ', '状態', '専門部会', '協議会の意見・結論'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))),
            el('tbody', {}, ...rows),
          ),
    ),
  );
}
