import type { SessionUser } from '../../shared/vocabulary.ts';

/** A session found in the database is trusted this long before it is looked up again. */
export const SESSION_RECHECK_MS = 30_000;
const MAX_SESSIONS = 10_000;

export interface LiveSession {
  user: SessionUser;
  csrf: string;
  expiresAt: number;
}

interface Entry {
  session: LiveSession | null;
  until: number;
}

/**
 * Sessions as last read, by the hash of their token: every request needs one, and a read
 * of the database for each would make the busiest screens wait on each other. A session
 * ends at once when its holder signs out (this process is the only one that can end it);
 * anything else about it is read again after SESSION_RECHECK_MS.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  async get(tokenHash: string, now: Date, lookUp: () => Promise<LiveSession | null>): Promise<LiveSession | null> {
    const hit = this.entries.get(tokenHash);
    if (hit && hit.until > now.getTime()) return hit.session;
    const session = await lookUp();
    this.entries.set(tokenHash, { session, until: Math.min(now.getTime() + SESSION_RECHECK_MS, session?.expiresAt ?? Infinity) });
    if (this.entries.size > MAX_SESSIONS) this.entries.delete(this.entries.keys().next().value as string);
    return session;
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }
}
