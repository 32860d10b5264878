import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';

/** The only route open without a session. */
export const healthRoutes = new Hono<AppEnv>().get('/', (c) => c.json({ status: 'ok' }));
