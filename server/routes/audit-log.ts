import { Hono } from 'hono';
import { auditLog } from '../../pipelines/audit/audit-log.ts';
import { invalid } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';

/** The audit log, newest first: the secretariat's alone. */
export function auditRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    requireRole(c.get('user'), 'secretariat');
    const limit = Number(c.req.query('limit') ?? 200);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw invalid('limit', 'limit は 1〜10000 の整数にしてください。');
    return c.json({ entries: await deps.db.read((scope) => auditLog(scope, limit)) });
  });
}
