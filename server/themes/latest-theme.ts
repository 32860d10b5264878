import type { Row } from '../../pipelines/db/database.ts';
import { ApiError } from '../http/api-error.ts';
import type { RouteDeps } from '../http/app-env.ts';
import { latestThemes } from './theme-store.ts';

/** The latest run's themes, through the read cache (valid until the next write). */
export const cachedLatestThemes = (deps: RouteDeps): Promise<Row[]> => deps.cache.get('themes', () => deps.db.read(latestThemes));

/** One theme of the latest run, or a 404 saying it is not there. */
export async function latestTheme(deps: RouteDeps, id: string): Promise<Row> {
  const theme = (await cachedLatestThemes(deps)).find((t) => t.theme_id === id);
  if (!theme) throw new ApiError(404, 'not_found', `テーマ ${id} は最新の分析にありません。`);
  return theme;
}
