import { api, ApiFailure } from '../api.ts';
import { el, textTable } from '../dom.ts';
import { routeHash } from '../router.ts';
import type { ThemeRow } from '../themes.ts';

export interface IssueRow {
  issue_id: string;
  raised_by: string;
  title: string;
  description: string;
  evidence: string | null;
  raised_on: string;
  status: '提出' | '統合' | '見送り';
  theme_id: string | null;
  theme_name: string | null;
  theme_status: string | null;
  reason: string | null;
}

/** What became of an issue, in a sentence its raiser reads at a glance. */
export function issueStanding(i: IssueRow): string {
  if (i.status === '統合') return `テーマ ${i.theme_id}「${i.theme_name ?? ''}」に統合されました（いまの状態: ${i.theme_status ?? '—'}）。`;
  if (i.status === '見送り') return `見送られました。理由: ${i.reason ?? ''}`;
  return 'まだ調整会議で扱われていません。';
}

/**
 * The form that raises an issue — who raises it (a body, or a subcommittee), the title, what,
 * the evidence — and the CSV that raises many (提出者,件名,内容,根拠,提出日).
 */
export function raiseIssueForm(raisers: readonly string[], done: () => void): HTMLElement {
  const field = (name: string, label: string, area = false) =>
    el('label', { text: `${label} ` }, area ? el('textarea', { attrs: { name, 'aria-label': label, rows: '2', cols: '40' } }) : el('input', { attrs: { name, 'aria-label': label, size: '30', ...(name === 'raisedBy' && raisers.length ? { list: 'raisers' } : {}) } }));
  const message = el('p', { attrs: { role: 'status', 'data-issue-status': '' } });
  const form = el(
    'form',
    { className: 'issue-form', attrs: { 'aria-label': '課題を挙げる' } },
    field('raisedBy', '提出者（団体・部会）'),
    el('datalist', { attrs: { id: 'raisers' } }, ...raisers.map((r) => el('option', { attrs: { value: r } }))),
    field('title', '件名'),
    field('description', '内容', true),
    field('evidence', '根拠（任意）', true),
    el('button', { text: '課題を挙げる', attrs: { type: 'submit', 'data-raise-issue': '' } }),
  );
  const value = (name: string) => (form.querySelector(`[name=${name}]`) as HTMLInputElement | HTMLTextAreaElement).value;
  const send = (body: object) =>
    api<{ issueIds: string[] }>('POST', '/api/raised-issues', body)
      .then((r) => {
        message.textContent = `${r.issueIds.join('、')} として受け付けました。`;
        done();
      })
      .catch((error: unknown) => (message.textContent = error instanceof ApiFailure ? error.body.message : '受け付けられませんでした。'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send({ raisedBy: value('raisedBy'), title: value('title'), description: value('description'), evidence: value('evidence') });
  });
  const file = el('input', { attrs: { type: 'file', accept: '.csv,text/csv', 'aria-label': '課題の CSV（提出者,件名,内容,根拠,提出日）', 'data-issue-csv': '' } });
  file.addEventListener('change', () => void file.files?.[0]?.text().then((csv) => send({ csv })));
  return el('div', { className: 'raise-issue no-print' }, form, el('label', { text: 'CSV でまとめて挙げる（提出者,件名,内容,根拠,提出日） ' }, file), message);
}

/** The raised issues on the meeting's board: each undecided one can be merged into a theme or set aside with a reason. */
export function raisedIssuesSection(issues: readonly IssueRow[], themes: readonly ThemeRow[], raisers: readonly string[], done: () => void): HTMLElement {
  const message = el('p', { className: 'error', attrs: { role: 'alert' } });
  const decide = (id: string, body: object) =>
    api('POST', `/api/raised-issues/${encodeURIComponent(id)}/decision`, body)
      .then(done)
      .catch((error: unknown) => (message.textContent = error instanceof ApiFailure ? error.body.message : '保存できませんでした。'));
  const controls = (i: IssueRow) => {
    if (i.status !== '提出') return el('span', { text: i.status === '統合' ? `→ ${i.theme_id}` : `見送り（${i.reason ?? ''}）` });
    const into = el('select', { attrs: { 'aria-label': `${i.issue_id} の統合先`, 'data-issue-into': i.issue_id } }, ...themes.map((t) => el('option', { text: `${t.theme_id} ${t.name}`, attrs: { value: t.theme_id } })));
    const merge = el('button', { text: '統合', attrs: { type: 'button', 'data-issue-merge': i.issue_id } });
    merge.addEventListener('click', () => void decide(i.issue_id, { action: 'merge', themeId: into.value }));
    const reason = el('input', { attrs: { 'aria-label': `${i.issue_id} を見送る理由`, placeholder: '見送る理由', size: '16' } });
    const dismiss = el('button', { text: '見送り', attrs: { type: 'button', 'data-issue-dismiss': i.issue_id } });
    dismiss.addEventListener('click', () => void decide(i.issue_id, { action: 'dismiss', reason: reason.value }));
    return el('span', { className: 'case-corrections' }, into, merge, reason, dismiss);
  };
  const table = textTable(['番号', '提出日', '提出者', '件名', '内容', '扱い'], issues.map((i) => [i.issue_id, i.raised_on, i.raised_by, i.title, i.description, '']), 'board raised-issues');
  [...(table.tBodies[0]?.rows ?? [])].forEach((tr, k) => {
    const issue = issues[k] as IssueRow;
    tr.setAttribute('data-issue-row', issue.issue_id);
    if (issue.theme_id) tr.cells[3]?.replaceChildren(el('a', { text: issue.title, attrs: { href: routeHash('themes', issue.theme_id) } }));
    tr.cells[5]?.append(controls(issue));
  });
  return el(
    'section',
    { className: 'raised' },
    el('h3', { text: `関係団体・部会から挙がった課題（${issues.filter((i) => i.status === '提出').length} 件が未処理）` }),
    message,
    issues.length === 0 ? el('p', { text: 'まだありません。' }) : table,
    raiseIssueForm(raisers, done),
  );
}
