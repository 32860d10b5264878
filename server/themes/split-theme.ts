import type { Database } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { inTransaction } from '../../pipelines/db/transaction.ts';
import { loadCaseVectors } from '../../pipelines/themes/case-vectors.ts';
import { toCsr } from '../../pipelines/themes/cluster/matrix.ts';
import { seededRandom } from '../../pipelines/themes/cluster/random.ts';
import { sphericalKMeans } from '../../pipelines/themes/cluster/spherical-kmeans.ts';
import { describeThemes } from '../../pipelines/themes/describe.ts';
import { termRowsOf } from '../../pipelines/themes/store-run.ts';
import type { SparseVector } from '../../pipelines/themes/vectors.ts';
import { ApiError } from '../http/api-error.ts';
import { recountTheme } from './merge-themes.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const MEMBERS = sql('theme-member-ids.sql');
const LAST_NUMBER = sqlFile(new URL('../../pipelines/themes/', import.meta.url).href, 'sql/last-theme-number.sql');
const INSERT_SNAPSHOT = sql('insert-split-snapshot.sql');
const INSERT_THEME = sql('insert-split-theme.sql');
const MOVE_MEMBER = sql('move-members.sql');
const DROP_TERMS = sql('drop-theme-terms.sql');
const INSERT_TERM = sql('insert-theme-term.sql');

/**
 * Splits a theme the council finds too broad: its cases are clustered in two (seeded
 * spherical k-means), the half less like the original keeps going as a new theme with its
 * own terms and label, and both are measured again. Returns the new theme's id.
 */
export async function splitTheme(db: Database, runId: string, themeId: string): Promise<{ newId: string; label: string; moved: number }> {
  const c = db.connection;
  const members = (await c.runAndReadAll(MEMBERS, [runId, themeId])).getRowObjectsJson().map((r) => String(r.record_id));
  const data = await loadCaseVectors(db);
  const index = new Map(data.ids.map((id, i) => [id, i]));
  const own = members.filter((id) => index.has(id));
  const sub = { ids: own, vectors: own.map((id) => data.vectors[index.get(id) as number] as SparseVector), vocabulary: data.vocabulary, ...(data.predicates ? { predicates: data.predicates } : {}) };
  const assignment = Array.from(sphericalKMeans(toCsr(sub.vectors, sub.vocabulary.length), 2, seededRandom(1), 5, 30).assignment);
  const sizes = [0, 1].map((g) => assignment.filter((a) => a === g).length);
  if (Math.min(...sizes) < 2) throw new ApiError(409, 'cannot_split', 'このテーマの事例は二つに分けられません（分けると 2 件未満のまとまりができます）。');
  const moving = (sizes[0] as number) >= (sizes[1] as number) ? 1 : 0;
  const [kept, split] = describeThemes(sub, assignment.map((a) => (a === moving ? 1 : 0)), 2);
  return inTransaction(c, async () => {
    const newId = `T-${String(Number((await c.runAndReadAll(LAST_NUMBER)).getRowObjectsJson()[0]?.n ?? 0) + 1).padStart(4, '0')}`;
    await c.run(INSERT_THEME, [newId, runId, `${themeId} から分割`]);
    await c.run(INSERT_SNAPSHOT, [runId, newId, themeId, split?.label ?? newId]);
    const moved = own.filter((_, i) => assignment[i] === moving);
    for (const id of moved) await c.run(MOVE_MEMBER, [runId, themeId, newId, id]);
    await c.run(DROP_TERMS, [runId, themeId]);
    for (const [id, d] of [[themeId, kept], [newId, split]] as const) {
      if (!d) continue;
      for (const r of termRowsOf(id, d, sub)) await c.run(INSERT_TERM, [runId, r.themeId, r.term, r.weight, r.centroid]);
      await recountTheme(db, runId, id);
    }
    return { newId, label: split?.label ?? newId, moved: moved.length };
  });
}
