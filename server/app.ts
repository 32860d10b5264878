import { randomUUID } from 'node:crypto';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { formInWorker } from '../pipelines/themes/theme-former.ts';
import { scryptHasher } from './accounts/password.ts';
import { SessionCache } from './accounts/session-cache.ts';
import { JSON_BODY_MAX, limitBody, MULTIPART_SLACK, SETTINGS_BODY_MAX, SIGN_IN_BODY_MAX } from './http/body-limits.ts';
import { errorAnswer } from './http/error-answer.ts';
import type { AppDeps, AppEnv, RouteDeps } from './http/app-env.ts';
import { ReadCache } from './http/read-cache.ts';
import { sessionAuth } from './http/session-auth.ts';
import { JobQueue } from './jobs/job-queue.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { auditRoutes } from './routes/audit-log.ts';
import { categoryRoutes } from './routes/categories.ts';
import { correctionRoutes } from './routes/corrections.ts';
import { exportRoutes } from './routes/exports.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { healthRoutes } from './routes/health.ts';
import { jobRoutes } from './routes/jobs.ts';
import { meetingRoutes } from './routes/meetings.ts';
import { subcommitteeRoutes } from './routes/subcommittees.ts';
import { planRoutes } from './routes/plan.ts';
import { raisedIssueRoutes } from './routes/raised-issues.ts';
import { reportRoutes } from './routes/report.ts';
import { sessionRoutes } from './routes/session.ts';
import { settingsRoutes } from './routes/settings.ts';
import { statusRoutes } from './routes/status.ts';
import { templateRoutes } from './routes/template.ts';
import { themeRoutes } from './routes/themes.ts';
import { unassignedRoutes } from './routes/unassigned.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, uploadRoutes } from './routes/uploads.ts';
import { userRoutes } from './routes/users.ts';

const OPEN = (method: string, path: string) => path === '/api/health' || (path === '/api/session' && method === 'POST') || !path.startsWith('/api');

/** The HTTP app over one database: tests call `app.request()`, `mieruka serve` listens. */
export function createApp(appDeps: AppDeps) {
  const now = appDeps.now ?? (() => new Date());
  const deps: RouteDeps = {
    ...appDeps,
    now,
    passwords: appDeps.passwords ?? scryptHasher(),
    former: appDeps.former ?? formInWorker,
    cache: new ReadCache(appDeps.db),
    sessions: new SessionCache(),
    jobs: new JobQueue(appDeps.db, now),
  };
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', randomUUID());
    await next();
    c.header('x-request-id', c.get('requestId'));
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use('/api/session', limitBody(SIGN_IN_BODY_MAX));
  app.use('/api/*', sessionAuth(deps.db, deps.sessions, now, OPEN, deps.localSession));
  app.use('/api/settings', limitBody(SETTINGS_BODY_MAX));
  for (const path of ['/api/uploads', '/api/uploads/preview']) app.use(path, limitBody((deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES) + MULTIPART_SLACK));
  for (const path of ['/api/users', '/api/users/*', '/api/themes/*', '/api/corrections', '/api/corrections/*', '/api/categories', '/api/meetings', '/api/meetings/*', '/api/subcommittees/*', '/api/plan/*', '/api/raised-issues', '/api/raised-issues/*', '/api/analysis', '/api/status/*', '/api/settings/header-aliases']) app.use(path, limitBody(JSON_BODY_MAX));
  app.route('/api/health', healthRoutes);
  app.route('/api/session', sessionRoutes(deps));
  app.route('/api/users', userRoutes(deps));
  app.route('/api/status', statusRoutes(deps));
  app.route('/api/settings', settingsRoutes(deps));
  app.route('/api/audit', auditRoutes(deps));
  app.route('/api/themes', themeRoutes(deps));
  app.route('/api/corrections', correctionRoutes(deps));
  app.route('/api/categories', categoryRoutes(deps));
  app.route('/api/unassigned', unassignedRoutes(deps));
  app.route('/api/meetings', meetingRoutes(deps));
  app.route('/api/subcommittees', subcommitteeRoutes(deps));
  app.route('/api/plan', planRoutes(deps));
  app.route('/api/raised-issues', raisedIssueRoutes(deps));
  app.route('/api/exports', exportRoutes(deps));
  app.route('/api', reportRoutes(deps));
  app.route('/api/feedback', feedbackRoutes(deps));
  app.route('/api/uploads', uploadRoutes(deps));
  app.route('/api/analysis', analysisRoutes(deps));
  app.route('/api/jobs', jobRoutes(deps));
  app.route('/api/template.csv', templateRoutes);

  if (deps.webRoot) {
    const root = deps.webRoot;
    // The dashboard's scripts shrink to about a quarter gzipped; API answers stay as they are
    // (progress events must stream).
    app.use('/assets/*', compress());
    app.use('/*', serveStatic({ root }));
    // The dashboard routes in the browser: any other page gets its index.
    app.get('*', (c, next) => (c.req.path.startsWith('/api') ? next() : serveStatic({ root, path: 'index.html' })(c, next)));
  }
  app.notFound((c) => c.json({ code: 'not_found', message: 'そのページやデータはありません。', requestId: c.get('requestId') }, 404));
  app.onError((error, c) => {
    const requestId = c.get('requestId') ?? randomUUID();
    const { status, body } = errorAnswer(error, requestId);
    return c.json(body, status);
  });
  // Tests wait for the jobs they started before they close the database.
  return Object.assign(app, { jobs: deps.jobs });
}

export type App = ReturnType<typeof createApp>;
