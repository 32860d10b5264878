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

const STATUSES = ['候補', '採択', '部会へ依頼', '協議中', '全体会報告', '提言済', '見送り'];
const DISABILITY = ['身体', '知的', '精神', '発達', '難病', '重複', '児童'];
const AGES = ['18歳未満', '18-29', '30-39', '40-49', '50-64', '65以上'];

/** The filters, as query parameters of /api/themes; empty ones left out. */
export type BoardFilter = Partial<Record<'status' | 'disabilityType' | 'ageBand' | 'area' | 'from' | 'to', string>>;

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

/** The ranked theme board of the latest analysis; `open` shows a theme's detail when the role may. */
export async function boardView(main: HTMLElement, open?: (themeId: string) => void, filter: BoardFilter = {}): Promise<void> {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as Array<[string, string]>).toString();
  const { themes } = await api<{ themes: ThemeRow[] }>('GET', `/api/themes${query ? `?${query}` : ''}`);
  const apply = (f: BoardFilter) => void boardView(main, open, f);
  const filters = el(
    'form',
    { className: 'filters', attrs: { 'aria-label': '絞り込み' } },
    select('status', '状態', STATUSES, filter, apply),
    select('disabilityType', '障害種別', DISABILITY, filter, apply),
    select('ageBand', '年齢層', AGES, filter, apply),
    monthInput('from', '期間', filter, apply),
    monthInput('to', '〜', filter, apply),
  );
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
    filters,
    themes.length === 0 ? el('p', { text: query ? '条件に合うテーマはありません。' : 'まだ分析されたテーマはありません。' }) : el('table', { className: 'board' }, el('thead', {}, header), el('tbody', {}, ...rows)),
  );
}
