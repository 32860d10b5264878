import { actionLabel } from '../../../shared/vocabulary.ts';
import { api } from '../api.ts';
import { el } from '../dom.ts';
import { issueStanding, raiseIssueForm, type IssueRow } from './raised-issues.ts';

interface FedTheme {
  theme_id: string;
  name: string;
  status: string;
  subcommittee: string | null;
  own_cases: number;
  decisions: Array<{ date: string; action: string; status: string | null; subcommittee: string | null }>;
}


/** What happened to the theme, in a sentence a case worker reads at a glance. */
function standing(t: FedTheme): string {
  if (t.status === '候補') return 'まだ調整会議で検討されていません。';
  if (t.status === '見送り') return '調整会議で今回は見送られました。';
  return `調整会議の決定: ${t.status}${t.subcommittee ? `（${t.subcommittee}）` : ''}`;
}

/**
 * Feedback for case workers and related bodies: the themes their uploaded cases fed in the
 * latest analysis and what the council decided, so the records they write visibly reach
 * the council; and the issues they raised to the council, with what became of each.
 */
export async function feedbackView(main: HTMLElement, redraw: () => void): Promise<void> {
  const [{ themes }, { issues }] = await Promise.all([api<{ themes: FedTheme[] }>('GET', '/api/feedback'), api<{ issues: IssueRow[] }>('GET', '/api/raised-issues')]);
  const card = (t: FedTheme) =>
    el(
      'article',
      { className: 'feedback', attrs: { 'data-feedback-theme': t.theme_id } },
      el('h3', { text: `${t.theme_id} ${t.name}` }),
      el('p', { text: `あなたが取り込んだ事例のうち ${t.own_cases} 件がこのテーマに含まれています。` }),
      el('p', { className: 'standing', text: standing(t) }),
      t.decisions.length
        ? el('ol', { className: 'decisions' }, ...t.decisions.map((d) => el('li', { text: `${d.date} ${actionLabel(d.action)}${d.status ? ` → ${d.status}` : ''}${d.subcommittee && d.action === 'refer' ? `（${d.subcommittee}）` : ''}` })))
        : null,
    );
  main.replaceChildren(
    el('h2', { text: 'あなたの事例が届いたテーマ' }),
    el('p', { className: 'hint', text: '最新の分析で、あなたが取り込んだ事例を含むテーマと、協議会での扱いです。' }),
    themes.length ? el('div', { className: 'feedback-list' }, ...themes.map(card)) : el('p', { text: 'まだあなたの事例を含むテーマはありません。取り込んだ事例は、次の分析で反映されます。' }),
    el('h2', { text: 'あなたが挙げた課題' }),
    issues.length
      ? el('div', { className: 'feedback-list' }, ...issues.map((i) => el('article', { className: 'feedback', attrs: { 'data-feedback-issue': i.issue_id } }, el('h3', { text: `${i.issue_id} ${i.title}` }), el('p', { text: `${i.raised_on} ${i.raised_by}` }), el('p', { className: 'standing', text: issueStanding(i) }))))
      : el('p', { text: 'まだ挙げた課題はありません。' }),
    raiseIssueForm([], redraw),
  );
}
