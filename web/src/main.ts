import { api, setCsrfToken } from './api.ts';
import { el } from './dom.ts';
import { boardView } from './views/board.ts';
import { loginView, type SignedIn } from './views/login.ts';
import { themeDetailView } from './views/theme-detail.ts';
import { uploadView } from './views/upload.ts';

/** The screens each role may open, in menu order. */
const SCREENS: Array<{ id: string; label: string; roles: string[]; show(main: HTMLElement): void | Promise<void> }> = [
  { id: 'board', label: 'テーマ案', roles: ['secretariat', 'coordinator', 'staff', 'viewer'], show: showBoard },
  { id: 'upload', label: '取り込み', roles: ['secretariat', 'coordinator', 'staff'], show: uploadView },
];

let role = '';

/** The board; the meeting and the secretariat open a theme's detail from it. */
function showBoard(main: HTMLElement): Promise<void> {
  const mayOpen = role === 'coordinator' || role === 'secretariat';
  return boardView(main, mayOpen ? (id) => void themeDetailView(main, id, () => void showBoard(main)) : undefined);
}

async function start(): Promise<void> {
  const main = document.getElementById('main') as HTMLElement;
  const who = document.getElementById('who') as HTMLElement;
  let session = await api<SignedIn>('GET', '/api/session').catch(() => null);
  if (!session) session = await loginView(main);
  setCsrfToken(session.csrfToken);
  role = session.user.role;
  who.textContent = `${session.user.displayName}（${session.user.roleName}）`;
  const status = await api<{ demo: boolean; council: string }>('GET', '/api/status');
  (document.getElementById('demo-banner') as HTMLElement).hidden = !status.demo;
  const mine = SCREENS.filter((s) => s.roles.includes(session.user.role));
  const nav = el('nav', { attrs: { 'aria-label': '画面' } }, ...mine.map((s) => {
    const button = el('button', { text: s.label, attrs: { type: 'button', 'data-screen': s.id } });
    button.addEventListener('click', () => void s.show(main));
    return button;
  }));
  main.before(nav);
  await (mine[0]?.show(main) ?? undefined);
}

void start();
