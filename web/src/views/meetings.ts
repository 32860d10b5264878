import { api, ApiFailure } from '../api.ts';
import type { Context } from '../context.ts';
import { el } from '../dom.ts';
import { go } from '../router.ts';

export interface MeetingRow {
  meeting_id: string;
  kind: string;
  held_on: string;
  subcommittee: string | null;
  title: string;
  agenda_items: number;
  decisions: number;
}

/** The council's subcommittee meeting: one of this kind names its subcommittee. */
const SUBCOMMITTEE_MEETING = '専門部会';

/** The form that records a meeting: its kind, date, the subcommittee of a 専門部会, a title. */
function newMeetingForm(ctx: Context, kinds: readonly string[]): HTMLElement {
  const kind = el('select', { attrs: { name: 'kind', 'aria-label': '会議の種類' } }, ...kinds.map((k) => el('option', { text: k, attrs: { value: k } })));
  const heldOn = el('input', { attrs: { name: 'heldOn', type: 'date', 'aria-label': '開催日', required: '' } });
  const subcommittee = el('select', { attrs: { name: 'subcommittee', 'aria-label': '専門部会' } }, ...ctx.status.subcommittees.map((s) => el('option', { text: s, attrs: { value: s } })));
  const title = el('input', { attrs: { name: 'title', 'aria-label': '会議の名前（任意）', size: '30', placeholder: '例: 第1回 調整会議' } });
  const subLabel = el('label', { text: '専門部会 ' }, subcommittee);
  const showSub = () => (subLabel.hidden = kind.value !== SUBCOMMITTEE_MEETING);
  kind.addEventListener('change', showSub);
  showSub();
  const message = el('p', { className: 'error', attrs: { role: 'alert' } });
  const form = el(
    'form',
    { className: 'meeting-form', attrs: { 'aria-label': '会議を記録する' } },
    el('label', { text: '種類 ' }, kind),
    el('label', { text: '開催日 ' }, heldOn),
    subLabel,
    el('label', { text: '名前 ' }, title),
    el('button', { text: '会議を記録する', attrs: { type: 'submit', 'data-create-meeting': '' } }),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.textContent = '';
    api<{ meetingId: string }>('POST', '/api/meetings', { kind: kind.value, heldOn: heldOn.value, title: title.value, ...(kind.value === SUBCOMMITTEE_MEETING ? { subcommittee: subcommittee.value } : {}) })
      .then(({ meetingId }) => go('meetings', meetingId))
      .catch((error: unknown) => (message.textContent = error instanceof ApiFailure ? error.body.message : '記録できませんでした。'));
  });
  return form;
}

/** The council's meetings, the latest first, each opening its agenda and minutes; and the form for a new one. */
export async function meetingsView(main: HTMLElement, ctx: Context): Promise<void> {
  const { kinds, meetings } = await api<{ kinds: string[]; meetings: MeetingRow[] }>('GET', '/api/meetings');
  const rows = meetings.map((m) =>
    el(
      'tr',
      { attrs: { 'data-meeting-row': m.meeting_id } },
      el('td', { className: 'nowrap', text: m.held_on }),
      el('td', { text: m.kind + (m.subcommittee ? `（${m.subcommittee}）` : '') }),
      el('td', {}, el('a', { text: m.title, attrs: { href: `#/meetings/${encodeURIComponent(m.meeting_id)}` } })),
      el('td', { className: 'num', text: String(m.agenda_items) }),
      el('td', { className: 'num', text: String(m.decisions) }),
    ),
  );
  main.replaceChildren(
    el('h2', { text: '会議' }),
    el('p', { className: 'hint', text: '会議ごとに議題（テーマ）を決め、その会議で行った決定を記録します。テーマの決定の記録が、そのまま議事の記録になります。' }),
    newMeetingForm(ctx, kinds),
    meetings.length === 0
      ? el('p', { text: 'まだ会議の記録はありません。' })
      : el(
          'table',
          { className: 'board meetings' },
          el('thead', {}, el('tr', {}, ...['開催日', '種類', '会議', '議題', '決定'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))),
          el('tbody', {}, ...rows),
        ),
  );
}
