/** The dashboard talks to the server only through this: JSON in, JSON out, CSRF header on writes. */
export interface ApiErrorBody {
  code: string;
  message: string;
  requestId: string;
  field?: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session's CSRF token, for requests not made through `api` (a multipart upload). */
export function csrf(): string | null {
  return csrfToken;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = (await res.json().catch(() => ({ code: 'bad_response', message: 'サーバーの応答を読めませんでした。', requestId: '' }))) as T | ApiErrorBody;
  if (!res.ok) throw new ApiFailure(res.status, json as ApiErrorBody);
  return json as T;
}
