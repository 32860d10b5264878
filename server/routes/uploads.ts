import { Hono } from 'hono';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { ingestFile } from '../../pipelines/ingest/ingest.ts';
import { audit } from '../accounts/audit.ts';
import { ApiError, invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import type { JobQueue } from '../jobs/job-queue.ts';

const sql = (name: string) => sqlFile(new URL('../uploads/', import.meta.url).href, `sql/${name}`);
const LIST_UPLOADS = sql('list-uploads.sql');
const UPLOAD_ISSUES = sql('upload-issues.sql');
const UPLOAD_PII = sql('upload-pii.sql');

/** Largest CSV accepted by default: about 200,000 case rows. */
export const DEFAULT_MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * Uploads through the same ingest as the command line, one job at a time: the answer is
 * the job, whose progress the browser follows at /api/jobs/:id/events. Staff see their own
 * uploads and reports; the coordination meeting and the secretariat see all.
 */
export function uploadRoutes(deps: RouteDeps, jobs: JobQueue) {
  const now = deps.now ?? (() => new Date());
  const limit = deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const rows = async (query: string, params: Array<string | null>) => (await deps.db.connection.runAndReadAll(query, params)).getRowObjectsJson();
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff');
      if (Number(c.req.header('content-length') ?? 0) > limit) {
        throw new ApiError(413, 'too_large', `ファイルが大きすぎます（上限 ${Math.round(limit / 1024 / 1024)} MB）。分けて取り込んでください。`, 'file');
      }
      const form = await c.req.parseBody().catch(() => null);
      const file = form?.file;
      if (!(file instanceof File)) throw invalid('file', 'CSV ファイルを選んでください。');
      if (file.size > limit) throw new ApiError(413, 'too_large', `ファイルが大きすぎます（上限 ${Math.round(limit / 1024 / 1024)} MB）。分けて取り込んでください。`, 'file');
      const pii = form?.pii === 'reject' ? 'reject' : 'mask';
      const bytes = new Uint8Array(await file.arrayBuffer());
      const job = jobs.enqueue('upload', user.userId, async (progress) => {
        const report = await ingestFile(deps.db, bytes, {
          fileName: file.name,
          settings: deps.settings,
          piiMode: pii,
          tokenizeMany: deps.tokenizeMany,
          now: now(),
          uploadedBy: user.userId,
          onProgress: (stage, done, total) => progress({ stage, done, total }),
        });
        await audit(deps.db, { userId: user.userId, action: 'upload', target: report.uploadId, after: { file: file.name, rows: report.rows, accepted: report.accepted } }, now());
        deps.cache.clear();
        return report;
      });
      return c.json({ jobId: job.id }, 202);
    })
    .get('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff');
      return c.json({ uploads: await rows(LIST_UPLOADS, [user.role === 'staff' ? user.userId : null]) });
    })
    .get('/:id', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff');
      const id = c.req.param('id');
      const upload = (await rows(LIST_UPLOADS, [user.role === 'staff' ? user.userId : null])).find((u) => u.upload_id === id);
      if (!upload) throw new ApiError(404, 'not_found', `取り込み ${id} はありません。`);
      return c.json({ upload, issues: await rows(UPLOAD_ISSUES, [id]), pii: await rows(UPLOAD_PII, [id]) });
    });
}
