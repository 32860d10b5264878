import { api, ApiFailure } from '../api.ts';
import { el, textTable } from '../dom.ts';
import { routeHash } from '../router.ts';
import type { ThemeRow } from '../themes.ts';

interface AgendaRow {
  position: number;
  theme_id: string | null;
  theme_name: string | null;
  status: string | null;
  item: string | null;
  question: string | null;
}

interface Record {
  meeting: { meeting_id: string; kind: string; held_on: string; subcommittee: string | null; title: string; public: boolean };
  agenda: AgendaRow[];
  decisions: Array<{ theme_id: string; changed_at: string; changed_by: string | null; label: string }>;
}

type Item = { themeId: string | null; item: string | null; question: string | null };

/**
 * One meeting: its agenda — themes (each opening the theme, where decisions taken are
 * recorded as this meeting's) or items in words, with the question to decide — which the
 * meeting edits and saves, and the decisions taken in it, as minutes.
 */
export async function meetingView(main: HTMLElement, meetingId: string, redraw: () => void): Promise<void> {
  const id = encodeURIComponent(meetingId);
  const [record, { themes }] = await Promise.all([api<Record>('GET', `/api/meetings/${id}`), api<{ themes: ThemeRow[] }>('GET', '/api/themes')]);
  const m = record.meeting;
  const items: Item[] = record.agenda.map((a) => ({ themeId: a.theme_id, item: a.item, question: a.question }));
  const message = el('p', { attrs: { role: 'status', 'data-agenda-status': '' } });
  const body = el('tbody');
  const names = new Map(themes.map((t) => [t.theme_id, t]));
  const save = () =>
    api('PUT', `/api/meetings/${id}/agenda`, { items })
      .then(redraw)
      .catch((error: unknown) => (message.textContent = error instanceof ApiFailure ? error.body.message : '保存できませんでした。'));
  const draw = () =>
    body.replaceChildren(
      ...items.map((a, i) => {
        const theme = a.themeId === null ? null : names.get(a.themeId);
        const what = a.themeId === null ? el('span', { text: a.item ?? '' }) : el('a', { text: `${a.themeId} ${theme?.name ?? ''}`, attrs: { href: routeHash('themes', a.themeId, { meeting: meetingId }), 'data-agenda-theme': a.themeId } });
        const drop = el('button', { text: '外す', attrs: { type: 'button', 'data-drop-item': String(i + 1) } });
        drop.addEventListener('click', () => {
          items.splice(i, 1);
          void save();
        });
        return el('tr', { attrs: { 'data-agenda-row': String(i + 1) } }, el('td', { className: 'num', text: String(i + 1) }), el('td', {}, what), el('td', { text: theme?.status ?? '' }), el('td', { text: a.question ?? '' }), el('td', { className: 'no-print' }, drop));
      }),
    );
  draw();
  const pick = el('select', { attrs: { name: 'theme', 'aria-label': '議題にするテーマ' } }, el('option', { text: '（議題の文を書く）', attrs: { value: '' } }), ...themes.map((t) => el('option', { text: `${t.theme_id} ${t.name}（${t.status}）`, attrs: { value: t.theme_id } })));
  const words = el('input', { attrs: { name: 'item', 'aria-label': '議題の文', size: '24', placeholder: '議題の文（テーマ以外）' } });
  const question = el('input', { attrs: { name: 'question', 'aria-label': '決めること（任意）', size: '30', placeholder: '決めること（任意）' } });
  const add = el('form', { className: 'agenda-form no-print', attrs: { 'aria-label': '議題を加える' } }, pick, words, question, el('button', { text: '議題に加える', attrs: { type: 'submit', 'data-add-item': '' } }));
  add.addEventListener('submit', (event) => {
    event.preventDefault();
    message.textContent = '';
    items.push({ themeId: pick.value || null, item: pick.value ? null : words.value.trim() || null, question: question.value.trim() || null });
    void save();
  });
  main.replaceChildren(
    el('p', { className: 'no-print' }, el('a', { text: '← 会議の一覧へ', attrs: { href: '#/meetings' } })),
    el('h2', { text: m.title }),
    el('p', { className: 'theme-facts', text: `${m.held_on}　${m.kind}${m.subcommittee ? `（${m.subcommittee}）` : ''}${m.public ? '　公開' : ''}` }),
    el('p', { className: 'no-print' }, el('a', { text: '議題の資料（A4、印刷用）を開く', attrs: { href: routeHash('meetings', meetingId, { pack: '1' }), 'data-pack-link': '' } })),
    el('h3', { text: '議題' }),
    items.length === 0 ? el('p', { text: 'まだ議題はありません。' }) : el('table', { className: 'board agenda' }, el('thead', {}, el('tr', {}, ...['', '議題', '状態', '決めること', ''].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))), body),
    add,
    message,
    el('h3', { text: 'この会議での決定' }),
    record.decisions.length === 0
      ? el('p', { text: 'まだ決定はありません。議題のテーマを開いて決定すると、ここに記録されます。' })
      : textTable(['日時', 'テーマ', '決定', '記録した人'], record.decisions.map((d) => [d.changed_at.replace('T', ' ').slice(0, 16), `${d.theme_id} ${names.get(d.theme_id)?.name ?? ''}`, d.label, d.changed_by ?? '']), 'history minutes'),
  );
}
