import type { Row } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { ApiError } from '../http/api-error.ts';
import type { ReadDeps, RouteDeps } from '../http/app-env.ts';
import { latestThemes } from './theme-store.ts';

const RUN_BASIS = sqlFile(import.meta.url, 'sql/run-basis.sql');

/**
 * The latest run's themes with what the council decided, and the basis of the run's
 * figures, read in one snapshot and kept until the next write.
 */
const latestRun = (deps: ReadDeps): Promise<{ themes: Row[]; basis: string }> =>
  deps.cache.get('latest', () =>
    deps.db.read(async (scope) => ({ themes: await latestThemes(scope), basis: JSON.stringify((await scope.rows(RUN_BASIS))[0] ?? null) })),
  );

export const cachedLatestThemes = async (deps: ReadDeps): Promise<Row[]> => (await latestRun(deps)).themes;

/**
 * An answer computed from the latest run's figures (a theme's evidence, a breakdown),
 * kept across decisions until the run, its merges and splits or the uploads change. It is
 * never older than the basis it is filed under: the basis is read first.
 */
export async function runFigures<T>(deps: ReadDeps, key: string, compute: (run: { runId: string; themes: Row[] }) => Promise<T>): Promise<T> {
  const { themes, basis } = await latestRun(deps);
  return deps.cache.lasting(`${basis}:${key}`, () => compute({ runId: themes[0] ? String(themes[0].run_id) : '', themes }));
}

/** One theme of the latest run, or a 404 saying it is not there. */
export async function latestTheme(deps: RouteDeps, id: string): Promise<Row> {
  const theme = (await cachedLatestThemes(deps)).find((t) => t.theme_id === id);
  if (!theme) throw new ApiError(404, 'not_found', `テーマ ${id} は最新の分析にありません。`);
  return theme;
}
