/**
 * Screens live in the URL's hash (#/board?status=採択, #/themes/T-0003, #/report) so a
 * reload, the back button and a bookmark keep the view and its filters.
 */
export interface Route {
  screen: string;
  id: string | null;
  params: Record<string, string>;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [screen = '', id = null] = path.split('/').map(decodeURIComponent);
  return { screen, id, params: Object.fromEntries(new URLSearchParams(query)) };
}

export function routeHash(screen: string, id: string | null = null, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return `#/${screen}${id ? `/${encodeURIComponent(id)}` : ''}${query ? `?${query}` : ''}`;
}

export function go(screen: string, id: string | null = null, params: Record<string, string | undefined> = {}): void {
  location.hash = routeHash(screen, id, params);
}
