import { Hono, type HonoRequest } from 'hono';
import { audit } from '../../pipelines/audit/audit-log.ts';
import { parseColumnMapping } from '../../pipelines/ingest/column-mapping.ts';
import { ingestFile } from '../../pipelines/ingest/ingest.ts';
import { previewUpload } from '../../pipelines/ingest/upload-preview.ts';
import { filledText } from '../../pipelines/request-fields.ts';
import { ApiError, invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { readMultipartUpload } from '../http/multipart-upload.ts';
import { requireRole } from '../http/session-auth.ts';
import { LIST_UPLOADS, uploadFindings, uploadIssues } from '../uploads/upload-report.ts';

/** Largest file accepted by default: about 200,000 case rows of CSV. */
export const DEFAULT_MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * Uploads through the same ingest as the command line, one at a time: the answer is the
 * job, whose progress the browser follows at /api/jobs/:id/events. The upload, its audit
 * entry and the job's end are one write. Staff see their own uploads and reports; the
 * coordination meeting and the secretariat see all.
 */
export function uploadRoutes(deps: RouteDeps) {
  const limit = deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const tooLarge = () => new ApiError(413, 'too_large', `ファイルが大きすぎます（上限 ${Math.round(limit / 1024 / 1024)} MB）。分けて取り込んでください。`, 'file');
  return new Hono<AppEnv>()
    .post('/preview', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff');
      const { bytes, sheet } = await readUpload(c.req, limit, tooLarge);
      return c.json(await previewUpload(bytes, deps.settings, sheet ?? undefined));
    })
    .post('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff');
      const { fileName, fields, bytes, sheet } = await readUpload(c.req, limit, tooLarge);
      const pii = fields.get('pii') === 'reject' ? 'reject' : 'mask';
      const mappingText = filledText(fields.get('mapping'));
      const mapping = mappingText === null ? null : parseColumnMapping(mappingText);
      const job = await deps.jobs.enqueue('upload', user.userId, fileName, (job) =>
        ingestFile(deps.db, bytes, {
          fileName,
          settings: deps.settings,
          piiMode: pii,
          ...(sheet === null ? {} : { sheet }),
          ...(mapping === null ? {} : { mapping }),
          tokenizeMany: deps.tokenizeMany,
          now: deps.now(),
          uploadedBy: user.userId,
          onProgress: (stage, done, total) => job.progress({ stage, done, total }),
          alsoStore: async (scope, report) => {
            await audit(scope, { userId: user.userId, action: 'upload', target: report.uploadId, after: { file: fileName, rows: report.rows, accepted: report.accepted } }, deps.now());
            await job.done(scope, report.uploadId, { uploadId: report.uploadId, rows: report.rows, accepted: report.accepted });
          },
        }),
      );
      return c.json({ jobId: job.id }, 202);
    })
    .get('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff');
      return c.json({ uploads: await deps.db.read((scope) => scope.rows(LIST_UPLOADS, [user.role === 'staff' ? user.userId : null])) });
    })
    .get('/:id', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'staff');
      const id = c.req.param('id');
      const found = await deps.db.read(async (scope) => {
        const upload = (await scope.rows(LIST_UPLOADS, [user.role === 'staff' ? user.userId : null])).find((u) => u.upload_id === id);
        return upload ? { upload, issues: await uploadIssues(scope, id), pii: await uploadFindings(scope, id) } : null;
      });
      if (!found) throw new ApiError(404, 'not_found', `取り込み ${id} はありません。`);
      return c.json(found);
    });
}

/** The multipart upload's file, read once as it streams in, and its sheet. */
async function readUpload(req: HonoRequest, limit: number, tooLarge: () => ApiError) {
  if (Number(req.header('content-length') ?? 0) > limit) throw tooLarge();
  const { file, fields } = await readMultipartUpload(req.raw, limit, tooLarge);
  if (!file) throw invalid('file', 'CSV ファイルか Excel ブック（.xlsx）を選んでください。');
  return { fileName: file.name, fields, bytes: file.bytes, sheet: filledText(fields.get('sheet')) };
}
