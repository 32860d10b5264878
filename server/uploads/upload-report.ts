import type { ReadScope } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import type { IngestIssue, PiiFinding } from '../../pipelines/ingest/issues.ts';
import type { IngestReport } from '../../pipelines/ingest/store-upload.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
export const LIST_UPLOADS = sql('list-uploads.sql');
const UPLOAD = sql('upload.sql');
const UPLOAD_ISSUES = sql('upload-issues.sql');
const UPLOAD_PII = sql('upload-pii.sql');

/** An upload's report as it was stored: what a browser is shown when it asks after the job has left memory. */
export async function storedUploadReport(scope: ReadScope, uploadId: string): Promise<IngestReport | null> {
  const upload = (await scope.rows(UPLOAD, [uploadId]))[0];
  if (!upload) return null;
  return {
    uploadId,
    file: String(upload.file_name),
    encoding: upload.encoding as IngestReport['encoding'],
    rows: Number(upload.rows),
    accepted: Number(upload.accepted),
    skipped: Number(upload.skipped),
    rejected: Number(upload.rejected),
    issues: (await scope.rows(UPLOAD_ISSUES, [uploadId])) as unknown as IngestIssue[],
    pii: (await scope.rows(UPLOAD_PII, [uploadId])) as unknown as PiiFinding[],
  };
}

export const uploadIssues = (scope: ReadScope, uploadId: string) => scope.rows(UPLOAD_ISSUES, [uploadId]);
export const uploadFindings = (scope: ReadScope, uploadId: string) => scope.rows(UPLOAD_PII, [uploadId]);
