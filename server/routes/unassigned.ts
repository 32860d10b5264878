import { Hono } from 'hono';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { ARROW_MEDIA_TYPE } from '../arrow/arrow-table.ts';
import { queryToArrow } from '../arrow/duckdb-columns.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { cachedLatestThemes } from '../themes/latest-theme.ts';

const UNASSIGNED_CASES = sqlFile(new URL('../themes/', import.meta.url).href, 'sql/unassigned-cases.sql');

/**
 * The cases the latest run left out of every theme, for the meeting only: the one-off
 * matters (個別の事情) apart, the others nearest a theme first, so that the meeting can
 * place a case the analysis missed.
 */
export function unassignedRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/cases.arrow', async (c) => {
    requireRole(c.get('user'), 'secretariat', 'coordinator');
    const runId = (await cachedLatestThemes(deps))[0]?.run_id;
    const stream = await deps.db.read((scope) => queryToArrow(scope, UNASSIGNED_CASES, [runId === undefined ? '' : String(runId)]));
    return c.body(new Uint8Array(stream), 200, { 'content-type': ARROW_MEDIA_TYPE });
  });
}
