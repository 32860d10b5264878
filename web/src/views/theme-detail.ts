import { api } from '../api.ts';
import { fetchArrowRows } from '../arrow.ts';
import { downloadPng, downloadSvg } from '../charts/export-chart.ts';
import { monthlyBars, type MonthlyCount } from '../charts/monthly-bars.ts';
import { el } from '../dom.ts';

interface Detail {
  theme: { theme_id: string; name: string; status: string; case_count: number; subcommittee: string | null; suggested_subcommittee: string | null };
  terms: Array<{ term: string; weight: number }>;
  representatives: Array<{ recordId: string; excerpt: string }>;
  kwic: Record<string, Array<{ recordId: string; left: string; keyword: string; right: string }>>;
  history: Array<{ changed_at: string; changed_by: string; action: string }>;
}

const ACTIONS: Array<{ action: string; label: string; field?: string; prompt?: string }> = [
  { action: 'adopt', label: '採択' },
  { action: 'dismiss', label: '見送り' },
  { action: 'rename', label: '名前を変える', field: 'name', prompt: '新しい名前' },
  { action: 'refer', label: '専門部会へ依頼', field: 'subcommittee', prompt: '依頼する専門部会' },
  { action: 'note', label: 'メモを追加', field: 'note', prompt: 'メモ' },
];

/** One theme's evidence and the meeting's actions on it. */
export async function themeDetailView(main: HTMLElement, themeId: string, back: () => void): Promise<void> {
  const [detail, months, status] = await Promise.all([
    api<Detail>('GET', `/api/themes/${encodeURIComponent(themeId)}`),
    fetchArrowRows<MonthlyCount>(`/api/exports/themes/${encodeURIComponent(themeId)}/monthly.arrow`),
    api<{ suppressionThreshold: number }>('GET', '/api/status'),
  ]);
  const t = detail.theme;
  const message = el('p', { attrs: { role: 'status' } });
  const buttons = ACTIONS.map((a) => {
    const button = el('button', { text: a.label, attrs: { type: 'button', 'data-action': a.action } });
    button.addEventListener('click', () => {
      const value = a.field ? window.prompt(a.prompt ?? a.label) : null;
      if (a.field && !value) return;
      api('POST', `/api/themes/${encodeURIComponent(themeId)}/actions`, { action: a.action, ...(a.field ? { [a.field]: value } : {}) })
        .then(() => themeDetailView(main, themeId, back))
        .catch((error: Error) => (message.textContent = error.message));
    });
    return button;
  });
  const period = months.length ? `${months[0]?.month}〜${months[months.length - 1]?.month}` : '';
  const suppressed = months.some((m) => m.suppressed) ? `　斜線: 1〜${status.suppressionThreshold - 1} 件（少数のため非表示）` : '';
  const chart = monthlyBars(months, {
    width: 640,
    height: 220,
    title: `${t.name}：月別の事例数（${period}）`,
    footnote: `出典: mieruka（個別支援会議の記録から集計）${suppressed}`,
  });
  const svgButton = el('button', { text: 'SVG で保存', attrs: { type: 'button', 'data-export': 'svg' } });
  svgButton.addEventListener('click', () => downloadSvg(chart, `${t.theme_id}-monthly.svg`));
  const pngButton = el('button', { text: 'PNG で保存（印刷用）', attrs: { type: 'button', 'data-export': 'png' } });
  pngButton.addEventListener('click', () => void downloadPng(chart, `${t.theme_id}-monthly.png`).catch((e: Error) => (message.textContent = e.message)));
  const backButton = el('button', { text: '← テーマ案の一覧へ', attrs: { type: 'button' } });
  backButton.addEventListener('click', back);
  const kwic = Object.entries(detail.kwic).flatMap(([, lines]) =>
    lines.slice(0, 5).map((l) => el('li', { className: 'kwic' }, el('span', { className: 'left', text: l.left }), el('mark', { text: l.keyword }), el('span', { text: l.right }))),
  );
  main.replaceChildren(
    backButton,
    el('h2', { text: `${t.theme_id} ${t.name}` }),
    el('p', { text: `状態: ${t.status}　事例 ${t.case_count} 件　専門部会: ${t.subcommittee ?? t.suggested_subcommittee ?? '—'}` }),
    el('div', { className: 'actions' }, ...buttons),
    message,
    chart,
    el('div', { className: 'actions' }, svgButton, pngButton),
    el('h3', { text: '特徴的な語' }),
    el('ol', {}, ...detail.terms.slice(0, 10).map((x) => el('li', { text: x.term }))),
    el('h3', { text: '代表的な事例（伏せ字のまま）' }),
    el('ul', {}, ...detail.representatives.map((r) => el('li', { text: `${r.recordId}: ${r.excerpt}` }))),
    el('h3', { text: '語の使われ方' }),
    el('ul', {}, ...kwic),
    el('h3', { text: '決定の記録' }),
    el('ol', {}, ...detail.history.map((h) => el('li', { text: `${h.changed_at} ${h.changed_by} ${h.action}` }))),
  );
}
