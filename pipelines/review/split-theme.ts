import { audit } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { ConflictError, staleDecision } from '../domain-error.ts';
import { readCaseWeights, toCaseVectors, weightsOf, type CaseWeights } from '../themes/case-vectors.ts';
import { toCsr } from '../themes/cluster/matrix.ts';
import { seededRandom } from '../themes/cluster/random.ts';
import { sphericalKMeans } from '../themes/cluster/spherical-kmeans.ts';
import { describeThemes, type ThemeDescription } from '../themes/describe.ts';
import { termRowsOf } from '../themes/store-run.ts';
import { fixThemeMembers, recordCorrection } from './corrections.ts';
import { recountTheme } from './recount-theme.ts';
import { claimRevision, latestRunTheme, recordHistory, type Change } from './theme-state.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const MEMBERS = sql('theme-member-ids.sql');
const LAST_NUMBER = sqlFile(new URL('../themes/', import.meta.url).href, 'sql/last-theme-number.sql');
const INSERT_SNAPSHOT = sql('insert-split-snapshot.sql');
const INSERT_THEME = sql('insert-split-theme.sql');
const MOVE_MEMBER = sql('move-members.sql');
const DROP_TERMS = sql('drop-theme-terms.sql');
const INSERT_TERM = sql('insert-theme-term.sql');

/** Two halves of a theme, each at least this many cases, or no split. */
const MIN_HALF = 2;

interface SplitPlan {
  runId: string;
  /** The cases that go to the new theme. */
  moved: string[];
  kept: ThemeDescription | undefined;
  split: ThemeDescription | undefined;
  vocabulary: string[];
}

/**
 * Splits a theme the council finds too broad: its cases are clustered in two (seeded
 * spherical k-means) from one snapshot, then, in one write that checks the theme is still
 * as the person saw it, the half less like the original becomes a new theme with its own
 * terms and label, both are measured again, and both histories and the audit log say so.
 * The split is recorded as a correction: every later analysis keeps the halves apart.
 */
export async function splitTheme(db: Database, change: Change): Promise<{ newId: string; label: string; moved: number }> {
  const plan = await db.read(async (scope) => {
    const theme = await latestRunTheme(scope, change.themeId);
    if (theme.revision !== change.revision) throw staleDecision();
    const members = (await scope.rows(MEMBERS, [theme.runId, change.themeId])).map((r) => String(r.record_id));
    return planSplit(theme.runId, weightsOf(await readCaseWeights(scope), new Set(members)));
  });
  return db.write(async (scope) => {
    const theme = await claimRevision(scope, change.themeId, change.revision);
    if (theme.runId !== plan.runId) throw staleDecision();
    const newId = `T-${String(Number((await scope.rows(LAST_NUMBER))[0]?.n ?? 0) + 1).padStart(4, '0')}`;
    const label = plan.split?.label ?? newId;
    await scope.run(INSERT_THEME, [newId, plan.runId, `${change.themeId} から分割`]);
    await scope.run(INSERT_SNAPSHOT, [plan.runId, newId, change.themeId, label]);
    for (const id of plan.moved) await scope.run(MOVE_MEMBER, [plan.runId, change.themeId, newId, id]);
    await scope.run(DROP_TERMS, [plan.runId, change.themeId]);
    for (const [id, d] of [[change.themeId, plan.kept], [newId, plan.split]] as const) {
      if (!d) continue;
      for (const r of termRowsOf(id, d, plan.vocabulary)) await scope.run(INSERT_TERM, [plan.runId, r.themeId, r.term, r.weight, r.centroid]);
      await recountTheme(scope, plan.runId, id);
    }
    // Cannot-link: the halves stay apart, each together, in every later analysis.
    const cases = plan.moved.map((recordId) => ({ recordId, from: change.themeId, to: newId }));
    const correctionId = await recordCorrection(scope, { kind: 'split', themeId: change.themeId, userId: change.userId, now: change.now, cases });
    await fixThemeMembers(scope, correctionId, plan.runId, change.themeId, change.themeId);
    const result = { newId, label, moved: plan.moved.length };
    await recordHistory(scope, change.themeId, change.userId, 'split', { cases: theme.caseCount }, { splitInto: newId, moved: result.moved, correctionId }, change.now);
    await recordHistory(scope, newId, change.userId, 'split', null, { splitFrom: change.themeId, moved: result.moved, correctionId }, change.now);
    await audit(scope, { userId: change.userId, action: 'theme_split', target: change.themeId, after: result }, change.now);
    return result;
  });
}

function planSplit(runId: string, weights: CaseWeights): SplitPlan {
  const sub = toCaseVectors(weights);
  const assignment = Array.from(sphericalKMeans(toCsr(sub.vectors, sub.vocabulary.length), 2, seededRandom(1), 5, 30).assignment);
  const sizes = [0, 1].map((g) => assignment.filter((a) => a === g).length);
  if (Math.min(...sizes) < MIN_HALF) throw new ConflictError('cannot_split', 'このテーマの事例は二つに分けられません（分けると 2 件未満のまとまりができます）。');
  const moving = (sizes[0] as number) >= (sizes[1] as number) ? 1 : 0;
  const [kept, split] = describeThemes(sub, assignment.map((a) => (a === moving ? 1 : 0)), 2);
  return { runId, moved: sub.ids.filter((_, i) => assignment[i] === moving), kept, split, vocabulary: sub.vocabulary };
}
