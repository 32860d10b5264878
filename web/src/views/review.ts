import { api, ApiFailure } from '../api.ts';
import { fetchArrowRows } from '../arrow.ts';
import type { Context } from '../context.ts';
import { el, textTable } from '../dom.ts';
import type { ThemeRow } from '../themes.ts';
import { caseCorrections, factCells, FACT_HEADERS, type CaseFacts } from './case-corrections.ts';

interface UnassignedRow extends CaseFacts {
  individual: boolean;
  nearest_theme: string | null;
  nearest_name: string | null;
  nearest_similarity: number;
}

interface Correction {
  correction_id: number;
  kind: string;
  label: string;
  theme_id: string | null;
  made_at: string;
  cases: number;
  first_case: string | null;
  to_theme: string | null;
  undone_at: string | null;
}

const HEADERS = [...FACT_HEADERS, 'いちばん近いテーマ', '近さ', '会議の修正'];

/**
 * The meeting's review of what the analysis left out and of its own corrections: the cases
 * in no theme (the nearest a theme first, to be placed), the one-off matters set apart as
 * 個別の事情, and every correction so far, each of which can be undone.
 */
export async function reviewView(main: HTMLElement, _ctx: Context, redraw: () => void): Promise<void> {
  const [cases, { themes }, { corrections }] = await Promise.all([
    fetchArrowRows<UnassignedRow>('/api/unassigned/cases.arrow'),
    api<{ themes: ThemeRow[] }>('GET', '/api/themes'),
    api<{ corrections: Correction[] }>('GET', '/api/corrections'),
  ]);
  const message = el('p', { className: 'error', attrs: { role: 'alert' } });
  const row = (c: UnassignedRow) =>
    el(
      'tr',
      { attrs: { 'data-case-row': c.record_id } },
      ...factCells(c),
      el('td', { text: c.nearest_theme ? `${c.nearest_theme} ${c.nearest_name ?? ''}` : '—' }),
      el('td', { className: 'num', text: c.nearest_theme ? c.nearest_similarity.toFixed(2) : '—' }),
      el('td', {}, caseCorrections(c.record_id, null, themes, { suggested: c.nearest_theme, pin: false, takeOut: !c.individual }, redraw, message)),
    );
  const table = (list: readonly UnassignedRow[], label: string) =>
    el('table', { className: 'board cases', attrs: { 'data-cases': label } }, el('thead', {}, el('tr', {}, ...HEADERS.map((h) => el('th', { text: h, attrs: { scope: 'col' } })))), el('tbody', {}, ...list.map(row)));
  const [left, individual] = [cases.filter((c) => !c.individual), cases.filter((c) => c.individual)];
  main.replaceChildren(
    el('h2', { text: '事例の見直し' }),
    message,
    el('h3', { text: `どのテーマにも入らなかった事例（${left.length} 件、近いテーマがある順）` }),
    el('p', { className: 'hint', text: '地域の課題に当たるものはテーマへ移し、そうでないものは個別の事情へ。会議の修正は、次からの分析に引き継がれます。' }),
    left.length === 0 ? el('p', { text: 'ありません。' }) : table(left, 'unassigned'),
    el('h3', { text: `個別の事情（地域課題ではないもの、${individual.length} 件）` }),
    individual.length === 0 ? el('p', { text: 'ありません。' }) : table(individual, 'individual'),
    correctionList(corrections, redraw, message),
  );
}

function correctionList(corrections: readonly Correction[], redraw: () => void, message: HTMLElement): HTMLElement {
  const undo = (c: Correction) => {
    if (c.undone_at !== null) return el('span', { text: `取り消し済み（${c.undone_at.replace('T', ' ').slice(0, 16)}）` });
    const b = el('button', { text: '取り消す', attrs: { type: 'button', 'data-undo': String(c.correction_id) } });
    b.addEventListener('click', () => {
      message.textContent = '';
      api('POST', `/api/corrections/${c.correction_id}/undo`)
        .then(redraw)
        .catch((error: unknown) => (message.textContent = error instanceof ApiFailure ? error.body.message : '取り消せませんでした。'));
    });
    return b;
  };
  const table = textTable(
    ['番号', '日時', '修正', 'テーマ', '事例', '取り消し'],
    corrections.map((c) => [String(c.correction_id), c.made_at.replace('T', ' ').slice(0, 16), c.label, [c.theme_id, c.to_theme].filter((x, i, all) => x !== null && all.indexOf(x) === i).join(' → ') || '—', c.cases === 1 ? (c.first_case ?? '') : `${c.cases} 件`, '']),
    'history corrections',
  );
  [...(table.tBodies[0]?.rows ?? [])].forEach((tr, i) => tr.cells[5]?.append(undo(corrections[i] as Correction)));
  return el('section', { className: 'history' }, el('h3', { text: '会議の修正の記録（新しい順）' }), corrections.length === 0 ? el('p', { text: 'まだ修正はありません。' }) : table);
}
