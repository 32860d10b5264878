import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';

const TEMPLATE = readFileSync(new URL('../../fixtures/template.csv', import.meta.url));

/** The CSV template (headers only, UTF-8 with BOM) a case worker fills in. */
export const templateRoutes = new Hono<AppEnv>().get('/', (c) => {
  requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff');
  return c.body(new Uint8Array(TEMPLATE), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="mieruka-template.csv"' });
});
