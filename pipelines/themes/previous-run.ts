import type { ReadScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const LATEST_RUN = sql('latest-run-settings.sql');
const UNSEEN_CASES = sql('unseen-cases.sql');
const RUN_MEMBERSHIP = sql('run-membership.sql');
const RUN_UNASSIGNED = sql('run-unassigned.sql');
const RUN_CENTROIDS = sql('run-centroids.sql');
const RUN_MEMBERS = sql('run-members.sql');

/** A theme as the previous run left it: its centroid over its own terms, and its cases. */
export interface PreviousTheme {
  id: string;
  terms: string[];
  centroid: Map<number, number>;
  members: Set<string>;
}

export interface PreviousRun {
  runId: string;
  /** The settings fingerprint the run was made with. */
  settings: string;
  themes: PreviousTheme[];
  /** Current case versions the run did not see. */
  unseen: number;
  /** Current cases, in the version the run saw, that it put in a theme: record id → theme id. */
  kept: Map<string, string>;
  /** Cases the run left unassigned. */
  unassigned: Set<string>;
  /** Those of them it put in the 個別の事情 group. */
  individual: Set<string>;
}

/** The latest run, to recognise its themes in a new one; null before the first run. */
export async function previousRun(scope: ReadScope): Promise<PreviousRun | null> {
  const latest = (await scope.rows(LATEST_RUN))[0];
  if (latest === undefined) return null;
  const runId = String(latest.run_id);
  const byId = new Map<string, PreviousTheme>();
  const theme = (id: string) => {
    let t = byId.get(id);
    if (!t) {
      t = { id, terms: [], centroid: new Map(), members: new Set() };
      byId.set(id, t);
    }
    return t;
  };
  for (const row of await scope.rows(RUN_CENTROIDS, [runId])) {
    const t = theme(String(row.theme_id));
    t.centroid.set(t.terms.length, Number(row.centroid));
    t.terms.push(String(row.term));
  }
  for (const row of await scope.rows(RUN_MEMBERS, [runId])) {
    theme(String(row.theme_id)).members.add(String(row.record_id));
  }
  const unseen = Number((await scope.rows(UNSEEN_CASES, [runId]))[0]?.n ?? 0);
  const kept = new Map((await scope.rows(RUN_MEMBERSHIP, [runId])).map((r) => [String(r.record_id), String(r.theme_id)]));
  const left = await scope.rows(RUN_UNASSIGNED, [runId]);
  const unassigned = new Set(left.map((r) => String(r.record_id)));
  const individual = new Set(left.flatMap((r) => (r.individual === true ? [String(r.record_id)] : [])));
  return { runId, settings: String(latest.settings), themes: [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)), unseen, kept, unassigned, individual };
}
