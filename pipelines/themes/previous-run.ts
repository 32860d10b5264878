import type { Database } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const LATEST_RUN = sql('latest-run.sql');
const RUN_CENTROIDS = sql('run-centroids.sql');
const RUN_MEMBERS = sql('run-members.sql');

/** A theme as the previous run left it: its centroid over its own terms, and its cases. */
export interface PreviousTheme {
  id: string;
  terms: string[];
  centroid: Map<number, number>;
  members: Set<string>;
}

/** The latest run's themes, to recognise them in a new run; empty before the first run. */
export async function previousThemes(db: Database): Promise<PreviousTheme[]> {
  const c = db.connection;
  const runId = (await c.runAndReadAll(LATEST_RUN)).getRowObjectsJson()[0]?.run_id;
  if (runId === undefined) return [];
  const byId = new Map<string, PreviousTheme>();
  const theme = (id: string) => {
    let t = byId.get(id);
    if (!t) {
      t = { id, terms: [], centroid: new Map(), members: new Set() };
      byId.set(id, t);
    }
    return t;
  };
  for (const row of (await c.runAndReadAll(RUN_CENTROIDS, [String(runId)])).getRowObjectsJson()) {
    const t = theme(String(row.theme_id));
    t.centroid.set(t.terms.length, Number(row.centroid));
    t.terms.push(String(row.term));
  }
  for (const row of (await c.runAndReadAll(RUN_MEMBERS, [String(runId)])).getRowObjectsJson()) {
    theme(String(row.theme_id)).members.add(String(row.record_id));
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
