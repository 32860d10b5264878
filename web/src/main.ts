import { api, setCsrfToken } from './api.ts';
import { boardView } from './views/board.ts';
import { loginView, type SignedIn } from './views/login.ts';

async function start(): Promise<void> {
  const main = document.getElementById('main') as HTMLElement;
  const who = document.getElementById('who') as HTMLElement;
  let session = await api<SignedIn>('GET', '/api/session').catch(() => null);
  if (!session) session = await loginView(main);
  setCsrfToken(session.csrfToken);
  who.textContent = `${session.user.displayName}（${session.user.roleName}）`;
  const status = await api<{ demo: boolean; council: string }>('GET', '/api/status');
  (document.getElementById('demo-banner') as HTMLElement).hidden = !status.demo;
  await boardView(main);
}

void start();
