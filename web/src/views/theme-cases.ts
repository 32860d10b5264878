import { fetchArrowRows } from '../arrow.ts';
import { el } from '../dom.ts';
import type { ThemeRow } from '../themes.ts';
import { caseCorrections, factCells, FACT_HEADERS, type CaseFacts } from './case-corrections.ts';

interface CaseRow extends CaseFacts {
  similarity: number;
  /** 主: one of the theme's own cases; 副: a case of another theme that touches this one second. */
  role: '主' | '副';
  other_theme: string | null;
  /** Kept for the least certain members only (null: the case fits this theme clearly). */
  margin: number | null;
  shared_terms: string;
  fixed: boolean;
}

const FIRST = 30;
/** The cases shown first for the meeting to check: those that fit this theme least better than another. */
const TO_CHECK = 5;
const HEADERS = [...FACT_HEADERS, '近さ', '次に近いテーマとの差', 'このテーマと共通の語', '会議の修正'];

/**
 * The cases behind a theme, for the meeting only (the API refuses others): first the few it
 * should check (its least certain members), then all its cases nearest the centre first,
 * then the cases of other themes that touch it second. Each row says why it is here and
 * offers the corrections every later analysis keeps.
 */
export async function themeCases(theme: ThemeRow, themes: readonly ThemeRow[], done: () => void): Promise<HTMLElement> {
  const rows = await fetchArrowRows<CaseRow>(`/api/themes/${encodeURIComponent(theme.theme_id)}/cases.arrow`);
  const own = rows.filter((c) => c.role === '主');
  const seconds = rows.filter((c) => c.role === '副');
  const message = el('p', { className: 'error', attrs: { role: 'alert' } });
  const revisionOf = new Map(themes.map((t) => [t.theme_id, t.revision ?? 0]));
  const row = (c: CaseRow) => {
    const here = c.role === '主';
    const from = here ? { themeId: theme.theme_id, revision: theme.revision ?? 0 } : c.other_theme === null ? null : { themeId: c.other_theme, revision: revisionOf.get(c.other_theme) ?? 0 };
    const targets = here ? themes : themes.filter((t) => t.theme_id === theme.theme_id);
    return el(
      'tr',
      { attrs: { 'data-case-row': c.record_id, 'data-role': c.role } },
      ...factCells(c),
      el('td', { className: 'num', text: c.similarity.toFixed(2) }),
      el('td', { className: 'num', text: c.other_theme === null || c.margin === null ? '—' : `${c.margin.toFixed(2)}（${here ? c.other_theme : `主: ${c.other_theme}`}）` }),
      el('td', { text: c.shared_terms || '—' }),
      el('td', {}, c.fixed && here ? el('span', { className: 'fixed', text: '会議で確定 ' }) : null, caseCorrections(c.record_id, from, targets, { suggested: here ? c.other_theme : theme.theme_id, pin: here && !c.fixed, takeOut: here }, done, message)),
    );
  };
  const table = (list: readonly CaseRow[], label: string) =>
    el('table', { className: 'board cases', attrs: { 'data-cases': label } }, el('thead', {}, el('tr', {}, ...HEADERS.map((h) => el('th', { text: h, attrs: { scope: 'col' } })))), el('tbody', {}, ...list.map(row)));
  const all = table(own.slice(0, FIRST), 'all');
  const more = el('button', { text: `すべて表示（${own.length} 件）`, attrs: { type: 'button', 'data-more-cases': '' } });
  more.hidden = own.length <= FIRST;
  more.addEventListener('click', () => {
    all.tBodies[0]?.replaceChildren(...own.map(row));
    more.hidden = true;
  });
  const toCheck = [...own].filter((c) => c.margin !== null && !c.fixed).sort((a, b) => (a.margin ?? 0) - (b.margin ?? 0) || a.record_id.localeCompare(b.record_id)).slice(0, TO_CHECK);
  return el(
    'section',
    { className: 'cases' },
    message,
    el('h3', { text: `確認したい事例（ほかのテーマとの差が小さい順に ${toCheck.length} 件）` }),
    el('p', { className: 'hint', text: '分類が確かでない事例です。移す・個別の事情へ・固定は、次からの分析（すべてやり直す分析でも）に引き継がれます。' }),
    table(toCheck, 'check'),
    el('h3', { text: `このテーマの事例（${own.length} 件、中心に近い順）` }),
    all,
    more,
    el('h3', { text: `2つ目のテーマとしてこのテーマにも当てはまる事例（${seconds.length} 件）` }),
    seconds.length === 0 ? el('p', { text: 'ありません。' }) : table(seconds, 'second'),
  );
}
