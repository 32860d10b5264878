import { api, ApiFailure, setCsrfToken } from './api.ts';
import { decides, type Context, type CouncilStatus, type Role } from './context.ts';
import { el } from './dom.ts';
import { parseRoute } from './router.ts';
import { analysisRun } from './views/analysis-run.ts';
import { loginView, type SignedIn } from './views/login.ts';

type Show = (main: HTMLElement, ctx: Context, id: string | null, params: Record<string, string>) => Promise<void>;

/**
 * The screens each role may open, in menu order; the first is where the role starts. Each
 * screen's code loads when first opened, so the board does not wait for the others' charts.
 */
const SCREENS: Array<{ id: string; label: string; roles: Role[]; show: Show }> = [
  {
    id: 'board',
    label: 'テーマ案',
    roles: ['coordinator', 'secretariat', 'viewer'],
    show: async (main, ctx, _id, params) => {
      const [{ boardView }, { filterOf }] = await Promise.all([import('./views/board.ts'), import('./views/board-filters.ts')]);
      return boardView(main, ctx, filterOf(params), render);
    },
  },
  {
    id: 'meetings',
    label: '会議',
    roles: ['coordinator', 'secretariat'],
    show: async (main, ctx, id, params) => {
      if (id && params.pack) return (await import('./views/meeting-pack.ts')).meetingPackView(main, ctx, id);
      return id ? (await import('./views/meeting.ts')).meetingView(main, id, render) : (await import('./views/meetings.ts')).meetingsView(main, ctx);
    },
  },
  { id: 'year', label: '一年の予定', roles: ['coordinator', 'secretariat'], show: async (main, _ctx, _id, params) => (await import('./views/year-view.ts')).yearView(main, params) },
  { id: 'progress', label: '部会の進み具合', roles: ['coordinator', 'secretariat'], show: async (main, ctx, _id, params) => (await import('./views/progress-board.ts')).progressBoardView(main, ctx, params) },
  { id: 'plan', label: '市の計画と年次報告', roles: ['coordinator', 'secretariat'], show: async (main, ctx, _id, params) => (await import('./views/city-plan.ts')).cityPlanView(main, ctx, params) },
  { id: 'review', label: '事例の見直し', roles: ['coordinator', 'secretariat'], show: async (main, ctx) => (await import('./views/review.ts')).reviewView(main, ctx, render) },
  { id: 'categories', label: '協議会の分類', roles: ['coordinator', 'secretariat'], show: async (main, ctx) => (await import('./views/categories.ts')).categoriesView(main, ctx) },
  { id: 'feedback', label: 'あなたの事例の行方', roles: ['staff'], show: async (main) => (await import('./views/feedback.ts')).feedbackView(main, render) },
  { id: 'upload', label: '取り込み', roles: ['staff', 'coordinator', 'secretariat'], show: async (main, ctx) => (await import('./views/upload.ts')).uploadView(main, ctx) },
  { id: 'settings', label: '協議会の設定', roles: ['secretariat'], show: async (main, ctx) => (await import('./views/council-settings.ts')).councilSettingsView(main, ctx) },
  { id: 'report', label: '全体会の資料（印刷）', roles: ['secretariat', 'coordinator', 'viewer'], show: async (main, ctx) => (await import('./views/report.ts')).reportView(main, ctx) },
];
const THEME: { roles: Role[]; show: Show } = {
  roles: ['coordinator', 'secretariat'],
  show: async (main, ctx, id, params) => (await import('./views/theme-detail.ts')).themeDetailView(main, ctx, id ?? '', render, params.meeting ?? null),
};

let ctx: Context | null = null;
const main = document.getElementById('main') as HTMLElement;

let drawing = 0;

/** The control a keyboard user was on, found again in the redrawn screen. */
function focusKey(): string | null {
  const active = document.activeElement;
  if (!(active instanceof Element) || !main.contains(active)) return null;
  for (const name of ['data-filter', 'data-chart', 'data-toggle-actions']) {
    const holder = active.closest(`[${name}]`);
    if (holder) return `[${name}="${CSS.escape(holder.getAttribute(name) ?? '')}"]${active instanceof SVGSVGElement ? ' svg' : ''}`;
  }
  return null;
}

/**
 * Draws the screen the URL names, if the role may see it (otherwise the role's first
 * screen), off-page; it replaces what is shown only if no newer route came meanwhile.
 * `data-rendered` on the body names the route drawn, for tests and the benchmark.
 */
async function render(): Promise<void> {
  if (!ctx) return;
  const hash = location.hash;
  const token = ++drawing;
  const route = parseRoute(hash);
  const mine = SCREENS.filter((s) => ctx && s.roles.includes(ctx.role));
  const screen = route.screen === 'themes' && THEME.roles.includes(ctx.role) ? THEME : (mine.find((s) => s.id === route.screen) ?? mine[0]);
  if (!screen) return;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a[data-screen]')) {
    if (link.dataset.screen === (route.screen || mine[0]?.id)) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const refocus = focusKey();
  const next = el('div');
  delete document.body.dataset.rendered;
  try {
    await screen.show(next, ctx, route.id, route.params);
  } catch (error) {
    const message = error instanceof ApiFailure ? error.body.message : '表示できませんでした。時間をおいて、もう一度開いてください。';
    next.replaceChildren(el('p', { className: 'error', attrs: { role: 'alert' }, text: message }));
  }
  if (token !== drawing) return;
  main.replaceChildren(...next.childNodes);
  if (refocus) (main.querySelector(refocus) as HTMLElement | null)?.focus();
  document.body.dataset.rendered = hash;
}

async function start(): Promise<void> {
  const who = document.getElementById('who') as HTMLElement;
  let session = await api<SignedIn>('GET', '/api/session').catch(() => null);
  if (!session) session = await loginView(main);
  setCsrfToken(session.csrfToken);
  const status = await api<CouncilStatus>('GET', '/api/status');
  ctx = { role: session.user.role as Role, userName: session.user.displayName, status };
  who.textContent = `${session.user.displayName}（${session.user.roleName}）`;
  const logout = el('button', { text: 'ログアウト', attrs: { type: 'button', 'data-logout': '' } });
  logout.addEventListener('click', () => void api('DELETE', '/api/session').finally(() => location.assign('/')));
  who.after(logout);
  (document.getElementById('demo-banner') as HTMLElement).hidden = !status.demo;
  const nav = el(
    'nav',
    { className: 'no-print', attrs: { 'aria-label': '画面' } },
    ...SCREENS.filter((s) => ctx && s.roles.includes(ctx.role)).map((s) => el('a', { text: s.label, attrs: { href: `#/${s.id}`, 'data-screen': s.id } })),
    decides(ctx) ? analysisRun(() => void render()) : null,
  );
  main.before(nav);
  window.addEventListener('hashchange', () => void render());
  await render();
}

void start();
