/**
 * One load of the dashboard in Chromium, timed by the page itself: the moment the board appears
 * (performance.now(), ms since navigation start), the navigation timings, and what was fetched.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { SESSION_COOKIE } from '../../server/http/session-auth.ts';

/** The board's rows: shown as soon as the theme list is drawn. */
export const BOARD_ROWS = 'table.board tbody tr';
/** The dashboard marks the body once a screen, here the board with its timeline and sparklines, is drawn. */
export const BOARD_READY = 'body[data-rendered] table.board tbody tr';

export interface BoardLoad {
  readonly boardMs: number;
  /** When the board's first rows appeared (at or before boardMs). */
  readonly rowsMs: number;
  readonly responseEndMs: number;
  readonly domContentLoadedMs: number;
  /** Bytes over the wire up to the board (document and resources, headers included). */
  readonly transferBytes: number;
  /** Body bytes as sent (before decompression) up to the board, whether or not from cache. */
  readonly encodedBytes: number;
  readonly apiRequests: number;
  /** Pathnames of the /assets/ files fetched before the board appeared. */
  readonly assets: readonly string[];
  /** The API requests (path and query) made before the board appeared, in order. */
  readonly api: readonly string[];
}

/** A context (own cookie jar and HTTP cache) signed in with an existing session. */
export async function signedInContext(browser: Browser, base: string, sessionToken: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: sessionToken, url: base, httpOnly: true, sameSite: 'Strict' }]);
  return context;
}

/**
 * Watches the DOM from before the first script runs, so the time is taken when the selector first
 * matches rather than when a polling wait happens to notice it. Page code is kept as source text:
 * tsx's transform wraps functions in a helper the page does not have.
 */
const watchForBoard = (selector: string) => `
  const observer = new MutationObserver(() => {
    if (window.__boardRowsAt === undefined && document.querySelector(${JSON.stringify(BOARD_ROWS)})) window.__boardRowsAt = performance.now();
    if (window.__boardShownAt === undefined && document.querySelector(${JSON.stringify(selector)})) {
      window.__boardShownAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-rendered'] });
`;

type PageTimings = Omit<BoardLoad, 'assets' | 'api'> & { resources: Array<{ path: string; search: string; transfer: number; encoded: number }> };

const COLLECT_TIMINGS = `(() => {
  const boardMs = window.__boardShownAt;
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource')
    .filter((r) => r.responseEnd <= boardMs)
    .map((r) => ({ path: new URL(r.name).pathname, search: new URL(r.name).search, transfer: r.transferSize, encoded: r.encodedBodySize }));
  return {
    boardMs,
    rowsMs: window.__boardRowsAt ?? boardMs,
    responseEndMs: nav.responseEnd,
    domContentLoadedMs: nav.domContentLoadedEventEnd,
    transferBytes: nav.transferSize + resources.reduce((sum, r) => sum + r.transfer, 0),
    encodedBytes: nav.encodedBodySize + resources.reduce((sum, r) => sum + r.encoded, 0),
    apiRequests: resources.filter((r) => r.path.startsWith('/api/')).length,
    resources,
  };
})()`;

/** Opens a new page in `context`, waits for `selector` and returns the page's own timings. */
export async function loadBoard(context: BrowserContext, base: string, selector: string): Promise<BoardLoad> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.addInitScript({ content: watchForBoard(selector) });
    await page.goto(base);
    // A function, not source text: the dashboard's CSP forbids the eval a string predicate needs.
    await page.waitForFunction(() => (window as unknown as { __boardShownAt?: number }).__boardShownAt !== undefined, undefined, { timeout: 30_000 });
    const { resources, ...timings } = (await page.evaluate(COLLECT_TIMINGS)) as PageTimings;
    return {
      ...timings,
      assets: resources.map((r) => r.path).filter((path) => path.startsWith('/assets/')),
      api: resources.filter((r) => r.path.startsWith('/api/')).map((r) => decodeURIComponent(r.path + r.search)),
    };
  } catch (error) {
    const shown = await page.textContent('body').catch(() => '');
    throw new Error(`the board did not appear (${selector}); page errors: ${errors.join('; ') || 'none'}; page text: ${shown?.slice(0, 300)}`, { cause: error });
  } finally {
    await page.close();
  }
}
