import { api } from '../api.ts';
import { el } from '../dom.ts';

type Count = number | { value: number } | { suppressed: true; marker: string };

interface ThemeRow {
  theme_id: string;
  name: string;
  status: string;
  subcommittee: string | null;
  suggested_subcommittee?: string | null;
  case_count?: Count;
  org_count?: Count;
  area_count?: Count;
  period_count?: Count;
  trend?: number;
}

function linkTo(t: ThemeRow, open: (themeId: string) => void): HTMLButtonElement {
  const button = el('button', { className: 'link', text: t.name, attrs: { type: 'button', 'data-theme': t.theme_id } });
  button.addEventListener('click', () => open(t.theme_id));
  return button;
}

/** A count as shown: a suppressed one as its marker, never as zero. */
function shown(count: Count | undefined): string {
  if (count === undefined) return '—';
  if (typeof count === 'number') return String(count);
  return 'suppressed' in count ? count.marker : String(count.value);
}

/** The ranked theme board of the latest analysis; `open` shows a theme's detail when the role may. */
export async function boardView(main: HTMLElement, open?: (themeId: string) => void): Promise<void> {
  const { themes } = await api<{ themes: ThemeRow[] }>('GET', '/api/themes');
  const numeric = new Set(['事例', '事業所', '地区', '月数', '傾向']);
  const header = el(
    'tr',
    {},
    ...['順位', 'ID', 'テーマ案', '事例', '事業所', '地区', '月数', '傾向', '専門部会', '状態'].map((h) =>
      el('th', { text: h, attrs: { scope: 'col' }, ...(numeric.has(h) ? { className: 'num' } : {}) }),
    ),
  );
  const rows = themes.map((t, i) =>
    el(
      'tr',
      {},
      el('td', { text: String(i + 1) }),
      el('td', { text: t.theme_id }),
      el('td', {}, open ? linkTo(t, open) : el('span', { text: t.name })),
      el('td', { className: 'num', text: shown(t.case_count) }),
      el('td', { className: 'num', text: shown(t.org_count) }),
      el('td', { className: 'num', text: shown(t.area_count) }),
      el('td', { className: 'num', text: shown(t.period_count) }),
      el('td', { className: 'num', text: t.trend === undefined ? '—' : `${t.trend >= 0 ? '+' : ''}${t.trend.toFixed(2)}` }),
      el('td', { text: t.subcommittee ?? t.suggested_subcommittee ?? '—' }),
      el('td', { text: t.status }),
    ),
  );
  main.replaceChildren(
    el('h2', { text: `テーマ案（${themes.length} 件）` }),
    themes.length === 0 ? el('p', { text: 'まだ分析されたテーマはありません。' }) : el('table', { className: 'board' }, el('thead', {}, header), el('tbody', {}, ...rows)),
  );
}
