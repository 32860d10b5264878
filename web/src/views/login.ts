import { api, ApiFailure, setCsrfToken } from '../api.ts';
import { el } from '../dom.ts';

export interface SignedIn {
  user: { displayName: string; role: string; roleName: string };
  csrfToken: string;
}

/** The login form; resolves once signed in. */
export function loginView(main: HTMLElement): Promise<SignedIn> {
  return new Promise((resolve) => {
    const login = el('input', { attrs: { id: 'login', name: 'login', autocomplete: 'username', required: '' } });
    const password = el('input', { attrs: { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: '' } });
    const message = el('p', { className: 'error', attrs: { role: 'alert' } });
    const form = el(
      'form',
      { className: 'login' },
      el('h2', { text: 'ログイン' }),
      el('label', { text: 'ログイン名', attrs: { for: 'login' } }),
      login,
      el('label', { text: 'パスワード', attrs: { for: 'password' } }),
      password,
      el('button', { text: 'ログイン', attrs: { type: 'submit' } }),
      message,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      message.textContent = '';
      api<SignedIn>('POST', '/api/session', { login: login.value, password: password.value })
        .then((signedIn) => {
          setCsrfToken(signedIn.csrfToken);
          resolve(signedIn);
        })
        .catch((error: unknown) => {
          message.textContent = error instanceof ApiFailure ? error.body.message : 'ログインできませんでした。';
        });
    });
    main.replaceChildren(form);
    login.focus();
  });
}
