import { el, textTable } from '../dom.ts';

/** The server's preview of a file (POST /api/uploads/preview): computed in memory, rows masked, nothing stored. */
export interface UploadPreview {
  sheets: string[];
  sheet: string | null;
  headers: string[];
  rows: string[][];
  guess: Array<[string, string | null]>;
  missing: string[];
  headerProblem: string | null;
  standard: string[];
  required: string[];
}

export type ColumnMapping = Array<[string, string | null]>;

/** Either of these suffices for the text of a record. */
const TEXT_COLUMNS = ['相談内容', '課題'];
const NONE = '';

/**
 * The mapping step: a select of the file's columns for each standard column, filled with the
 * server's guess, and the first rows as they would be read with it, redrawn at each change.
 * `confirm` gets the mapping once every required column has a column of its own.
 */
export function mappingStep(preview: UploadPreview, canSave: boolean, confirm: (mapping: ColumnMapping) => void): HTMLElement {
  const guessed = new Map(preview.guess);
  const selects = preview.standard.map((standard) => {
    const select = el('select', { attrs: { 'data-mapping': standard, 'aria-label': `${standard}に使う列` } });
    select.append(el('option', { text: '（使わない）', attrs: { value: NONE } }), ...preview.headers.filter((h) => h !== '').map((h) => el('option', { text: h, attrs: { value: h } })));
    select.value = guessed.get(standard) ?? NONE;
    return select;
  });
  const mapping = (): ColumnMapping => preview.standard.map((standard, i) => [standard, selects[i]?.value || null]);
  const rowsView = el('div', { attrs: { id: 'mapping-preview' } });
  const problem = el('p', { className: 'mapping-problem', attrs: { id: 'mapping-problem', role: 'status' } });
  const button = el('button', { text: canSave ? 'この対応づけを協議会の設定に保存して取り込む' : 'この対応づけで取り込む', attrs: { type: 'button', id: 'mapping-upload' } });

  const redraw = () => {
    const chosen = mapping();
    const columnOf = chosen.map(([, column]) => (column === null ? -1 : preview.headers.indexOf(column)));
    rowsView.replaceChildren(
      el('h4', { text: `最初の ${preview.rows.length} 行をこの対応づけで読むと（個人情報は伏せ字）` }),
      textTable(preview.standard, preview.rows.map((row) => columnOf.map((i) => (i === -1 ? '' : (row[i] ?? '')))), 'report mapping-rows'),
    );
    const message = mappingProblem(chosen, preview.required);
    problem.textContent = message ?? '';
    button.disabled = message !== null;
    rowsView.dataset.drawn = String(Number(rowsView.dataset.drawn ?? 0) + 1);
  };
  for (const select of selects) select.addEventListener('change', redraw);
  button.addEventListener('click', () => confirm(mapping()));
  redraw();

  return el(
    'section',
    { className: 'upload-mapping', attrs: { id: 'upload-mapping' } },
    el('h3', { text: '列の対応づけ' }),
    el('p', { text: 'このファイルの見出しは標準の列名と違います。標準の列ごとに、ファイルのどの列を使うか選んでください。' }),
    preview.headerProblem ? el('p', { className: 'note', text: preview.headerProblem }) : null,
    el(
      'table',
      { className: 'report mapping-table' },
      el('thead', {}, el('tr', {}, el('th', { text: '標準の列', attrs: { scope: 'col' } }), el('th', { text: 'ファイルの列', attrs: { scope: 'col' } }))),
      el('tbody', {}, ...preview.standard.map((standard, i) => el('tr', {}, el('th', { text: requiredLabel(standard, preview.required), attrs: { scope: 'row' } }), el('td', {}, selects[i] ?? null)))),
    ),
    rowsView,
    problem,
    canSave ? null : el('p', { className: 'note', text: 'この対応づけはこの取り込みにだけ使います。次からも自動で使うには、事務局に協議会の設定への保存を頼んでください。' }),
    el('p', {}, button),
  );
}

function requiredLabel(standard: string, required: readonly string[]): string {
  if (required.includes(standard)) return `${standard}（必須）`;
  return TEXT_COLUMNS.includes(standard) ? `${standard}（相談内容か課題のどちらかは必須）` : standard;
}

/** Why the mapping cannot be used yet, or null: a required column without a column, or one column chosen twice. */
function mappingProblem(mapping: ColumnMapping, required: readonly string[]): string | null {
  const chosen = new Map(mapping);
  const missing = required.filter((standard) => !chosen.get(standard));
  if (!TEXT_COLUMNS.some((standard) => chosen.get(standard))) missing.push('相談内容か課題');
  if (missing.length > 0) return `必須の列（${missing.join('、')}）に使う列を選んでください。`;
  const seen = new Map<string, string>();
  for (const [standard, column] of mapping) {
    if (column === null) continue;
    const earlier = seen.get(column);
    if (earlier) return `ファイルの列「${column}」が「${earlier}」と「${standard}」の両方に選ばれています。どちらか一方にしてください。`;
    seen.set(column, standard);
  }
  return null;
}
