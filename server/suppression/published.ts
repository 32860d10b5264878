/**
 * Whether an answer goes out suppressed as for publication: always for viewers, and for
 * the meeting or the secretariat when they ask with `?published=1` — the plenary's
 * print view and its charts — so what is printed never depends on who printed it.
 */
export function published(role: string, query: string | undefined): boolean {
  return role === 'viewer' || query === '1';
}
