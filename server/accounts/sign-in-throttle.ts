/**
 * How long a sign-in must wait after failures, following OWASP's Authentication Cheat
 * Sheet: no hard lockout (anyone could lock `admin` out with a few wrong guesses), but
 * delays that grow exponentially with the failures, counted per login and client address
 * (an attacker slows only the pair it is guessing at), per client address over all logins
 * (one source spraying many logins), and per login from everywhere (many sources on one
 * login; capped low, so that a real user waits at most a minute). A success or the
 * secretariat's release starts the count again.
 */

interface Rule {
  /** Failures allowed before any delay. */
  free: number;
  /** The longest delay, in ms. */
  max: number;
}

/** The first delay after the free failures; each further failure doubles it. */
export const FIRST_DELAY_MS = 1000;
/** Failures further back than this are not counted. */
export const FAILURE_WINDOW_MS = 60 * 60_000;

export const PAIR: Rule = { free: 5, max: 15 * 60_000 };
export const CLIENT: Rule = { free: 20, max: 15 * 60_000 };
export const LOGIN: Rule = { free: 50, max: 60_000 };

export interface FailureCounts {
  pairFailures: number;
  pairLast: number | null;
  loginFailures: number;
  loginLast: number | null;
  clientFailures: number;
  clientLast: number | null;
}

function delay(rule: Rule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.max, FIRST_DELAY_MS * 2 ** Math.min(failures - rule.free, 30));
}

function waitFor(rule: Rule, failures: number, last: number | null, now: number): number {
  return last === null ? 0 : Math.max(0, last + delay(rule, failures) - now);
}

/** Milliseconds before this sign-in may be tried; 0 when it may be tried now. */
export function waitBeforeSignIn(counts: FailureCounts, now: number): number {
  return Math.max(
    waitFor(PAIR, counts.pairFailures, counts.pairLast, now),
    waitFor(CLIENT, counts.clientFailures, counts.clientLast, now),
    waitFor(LOGIN, counts.loginFailures, counts.loginLast, now),
  );
}
