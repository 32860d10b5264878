import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { publishedThemes } from '../themes/published-themes.ts';
import { themeHistory, themesFedBy } from '../themes/theme-store.ts';

interface Decided {
  status?: string;
  subcommittee?: string | null;
  mergedFrom?: string;
}

/** What a history entry did, as the council's decision: no names of who decided, no notes. */
function decision(entry: Record<string, unknown>): { date: string; action: string; status: string | null; subcommittee: string | null } {
  let after: Decided = {};
  try {
    after = (JSON.parse(String(entry.after_value ?? 'null')) as Decided | null) ?? {};
  } catch {
    after = {};
  }
  // A merge is recorded on both themes; the one that took the other's cases says so.
  const action = entry.action === 'merge' && after.mergedFrom ? 'merged_from' : String(entry.action);
  return { date: String(entry.changed_at).slice(0, 10), action, status: after.status ?? null, subcommittee: after.subcommittee ?? null };
}

/**
 * Feedback for case workers: the themes their own uploaded cases fed in the latest
 * analysis, how many of theirs each holds, and what the council decided about it.
 */
export function feedbackRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const user = requireRole(c.get('user'), 'staff', 'coordinator', 'secretariat');
    // Named as published: a label made of another agency's rare term is not a case worker's to read.
    const themes = await publishedThemes(deps);
    const runId = themes[0] ? String(themes[0].run_id) : null;
    const answer = await deps.db.read(async (scope) => {
      const fed = runId ? await themesFedBy(scope, runId, user.userId) : new Map<string, number>();
      const mine = themes.filter((t) => fed.has(String(t.theme_id)));
      return Promise.all(
        mine.map(async (t) => ({
          theme_id: t.theme_id,
          name: t.name,
          status: t.status,
          subcommittee: t.subcommittee ?? null,
          own_cases: fed.get(String(t.theme_id)) ?? 0,
          decisions: (await themeHistory(scope, String(t.theme_id))).filter((h) => h.action !== 'note').map(decision),
        })),
      );
    });
    return c.json({ themes: answer });
  });
}
