import { api, ApiFailure } from '../api.ts';
import type { Context, CouncilStatus } from '../context.ts';
import { el, textTable } from '../dom.ts';
import { analysedLine, runAnalysis } from './analysis-run.ts';

interface Subcommittee {
  name: string;
  terms: string[];
}
interface Settings {
  name: string;
  subcommittees: Subcommittee[];
  suppressionThreshold: number;
  headerAliases: Record<string, string>;
  meetingKinds?: string[];
  categories?: Array<{ name: string }>;
}
interface CouncilSummary {
  id: string;
  name: string;
  subcommittees: string[];
  meetingKinds: string[];
  suppressionThreshold: number;
}

const SHOWN_TERMS = 6;

const CHANGES = [
  '協議会の名前（画面と全体会の資料の見出し）',
  '専門部会とその所掌の語：テーマ案ごとの「専門部会（案）」とその理由は、切り替えたあと分析し直すと新しい専門部会に沿って変わります（この画面で続けて分析します）',
  '協議会の分類、会議の種類、一年の予定（市の予算の日程）、用語の辞書',
  '少数のため非表示にする件数の閾値：全体会の資料と閲覧者の画面の「X」が変わります',
  '地区・事業所の一覧（これからの取り込みの確かめ方）',
];
const KEPT = '取り込んだ事例、テーマ、調整会議の決定（依頼済みの専門部会の名前を含む）、会議と記録、利用者、取り込みで覚えた列名の読み替えはそのまま残ります。';

function currentView(s: Settings): HTMLElement {
  return el(
    'section',
    { className: 'current-council', attrs: { 'data-current-council': s.name } },
    el('h3', { text: `いまの設定: ${s.name}` }),
    s.subcommittees.length
      ? textTable(['専門部会', '所掌の語（一部）'], s.subcommittees.map((c) => [c.name, c.terms.slice(0, SHOWN_TERMS).join('、')]), 'settings-table')
      : el('p', { text: '専門部会はまだありません。テーマ案の専門部会は調整会議で決めることになります。' }),
    el('p', {
      text: `少数のため非表示にする閾値: ${s.suppressionThreshold} 件未満　会議の種類: ${(s.meetingKinds ?? []).join('、') || '既定'}　協議会の分類: ${s.categories?.length ?? 0} 件　列名の読み替え: ${Object.keys(s.headerAliases).length} 件`,
    }),
  );
}

function choiceView(c: CouncilSummary, current: string): HTMLElement {
  const radio = el('input', { attrs: { type: 'radio', name: 'council', value: c.id, id: `council-${c.id}` } });
  if (c.name === current) radio.checked = true;
  const detail = c.subcommittees.length ? `専門部会: ${c.subcommittees.join('、')}` : '専門部会なし（あとで設定ファイルで足せます）';
  return el('div', { className: 'council-choice' }, radio, el('label', { text: `${c.name}　${detail}　閾値 ${c.suppressionThreshold} 件`, attrs: { for: `council-${c.id}` } }));
}

/**
 * The secretariat's settings screen: the council in use, and a switch to a shipped council
 * (鎌倉, 木更津) or a blank one, with what changes spelled out before anything does; the
 * switch is followed by an analysis so the subcommittee proposals follow the new council.
 */
export async function councilSettingsView(main: HTMLElement, ctx: Context): Promise<void> {
  const [{ settings }, { current: first, councils }] = await Promise.all([
    api<{ settings: Settings }>('GET', '/api/settings'),
    api<{ current: string; councils: CouncilSummary[] }>('GET', '/api/settings/councils'),
  ]);
  let current = first;
  let shown = currentView(settings);
  const understood = el('input', { attrs: { type: 'checkbox', id: 'switch-understood' } });
  const button = el('button', { text: '選んだ協議会に切り替えて分析し直す', attrs: { type: 'button', 'data-switch-council': '' } });
  const progress = el('progress', { attrs: { max: '1', value: '0' } });
  const line = el('p', { attrs: { role: 'status', 'data-switch-status': '' } });
  const form = el('fieldset', {}, el('legend', { text: '協議会を切り替える' }), ...councils.map((c) => choiceView(c, current)));
  const chosen = () => form.querySelector<HTMLInputElement>('input[name=council]:checked')?.value ?? null;
  const chosenName = () => councils.find((c) => c.id === chosen())?.name ?? null;
  const refresh = () => (button.disabled = !understood.checked || chosen() === null || chosenName() === current);
  progress.hidden = true;
  form.addEventListener('change', refresh);
  understood.addEventListener('change', refresh);
  refresh();
  button.addEventListener('click', () => {
    button.disabled = true;
    progress.hidden = false;
    line.textContent = '切り替えています…';
    api<{ settings: Settings }>('POST', '/api/settings/council', { council: chosen() })
      .then(async ({ settings: next }) => {
        Object.assign(ctx.status, await api<CouncilStatus>('GET', '/api/status'));
        current = next.name;
        const replaced = currentView(next);
        shown.replaceWith(replaced);
        shown = replaced;
        line.textContent = `${next.name} に切り替えました。分析し直しています…`;
        const result = await runAnalysis(progress, line);
        line.textContent = `${next.name} に切り替えました。${analysedLine(result)}`;
        line.dataset.switched = next.name;
        refresh();
      })
      .catch((error: unknown) => {
        line.textContent = error instanceof ApiFailure ? error.body.message : '切り替えられませんでした。';
        refresh();
      });
  });
  main.replaceChildren(
    el('h2', { text: '協議会の設定' }),
    shown,
    form,
    el(
      'div',
      { className: 'warning', attrs: { role: 'note', 'data-switch-warning': '' } },
      el('p', { text: '切り替えると、次が選んだ協議会のものに置き換わります。' }),
      el('ul', {}, ...CHANGES.map((text) => el('li', { text }))),
      el('p', { text: KEPT }),
    ),
    el('p', {}, understood, el('label', { text: '置き換わる内容を確かめました', attrs: { for: 'switch-understood' } })),
    el('p', {}, button),
    progress,
    line,
  );
}
