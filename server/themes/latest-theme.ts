import { ApiError } from '../http/api-error.ts';
import type { RouteDeps } from '../http/app-env.ts';
import { latestThemes } from './theme-store.ts';

/** The latest run's themes, through the read cache that uploads, analyses and decisions clear. */
export const cachedLatestThemes = (deps: RouteDeps) => deps.cache.get('themes', () => latestThemes(deps.db));

/** One theme of the latest run, or a 404 saying it is not there. */
export async function latestTheme(deps: RouteDeps, id: string): Promise<Record<string, unknown>> {
  const theme = (await cachedLatestThemes(deps)).find((t) => t.theme_id === id);
  if (!theme) throw new ApiError(404, 'not_found', `テーマ ${id} は最新の分析にありません。`);
  return theme;
}
