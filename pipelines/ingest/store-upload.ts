import { randomBytes } from 'node:crypto';
import { DuckDBDateValue, type DuckDBAppender } from '@duckdb/node-api';
import { appendRows, appendText } from '../db/append-rows.ts';
import type { WriteScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import type { CaseRecord } from './case-record.ts';
import type { IngestOutcome } from './ingest-file.ts';
import type { IngestIssue, PiiFinding, PiiMode } from './issues.ts';
import type { SourceEncoding } from './decode.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const CREATE_STAGING = sql('create-staging.sql');
const FIND_UNCHANGED = sql('find-unchanged.sql');
const INSERT_VERSIONS = sql('insert-versions.sql');
const INSERT_UPLOAD = sql('insert-upload.sql');
const FIND_UPLOAD_BY_CHECKSUM = sql('find-upload-by-checksum.sql');
const DROP_STAGING = sql('drop-staging.sql');

/** The `ingest --json` report of DESIGN.md. */
export interface IngestReport {
  uploadId: string;
  file: string;
  encoding: SourceEncoding;
  /** The worksheet read, for a workbook. */
  sheet?: string;
  rows: number;
  accepted: number;
  skipped: number;
  rejected: number;
  issues: IngestIssue[];
  pii: PiiFinding[];
}

export interface StoreOptions {
  piiMode: PiiMode;
  councilName: string;
  now: Date;
  /** The signed-in user who uploaded the file through the server; null from the command line. */
  uploadedBy?: string | null;
  onProgress?: (done: number, total: number) => void;
  /** Further writes that belong to the upload (its texts' tokens, its audit entry), inside its write. */
  alsoStore?: (scope: WriteScope, report: IngestReport) => Promise<unknown>;
}

/**
 * Stores one upload, inside the caller's write: a failure or a kill part-way leaves the
 * database as it was. Records identical to their stored version are skipped; changed
 * ones get a new version. Uploading the very same file again stores nothing new and
 * reports the first upload's id.
 */
export async function storeUpload(scope: WriteScope, outcome: IngestOutcome, options: StoreOptions): Promise<IngestReport> {
  const earlier = await scope.rows(FIND_UPLOAD_BY_CHECKSUM, [outcome.checksum]);
  const earlierId = (earlier[0]?.upload_id as string | undefined) ?? null;
  await scope.run(CREATE_STAGING);
  await appendRows(scope, 'ingest_staging', outcome.records, appendRecord, { catalog: 'temp', onProgress: options.onProgress });
  const unchanged = await scope.rows(FIND_UNCHANGED);
  const issues = [...outcome.issues, ...unchanged.map(unchangedIssue)].sort((a, b) => a.line - b.line);
  const accepted = outcome.records.length - unchanged.length;
  const counts = { accepted, skipped: outcome.skipped + unchanged.length, rejected: outcome.rejected };
  let result: IngestReport;
  if (accepted === 0 && earlierId !== null) {
    result = report(earlierId, outcome, counts, issues);
  } else {
    const uploadId = newUploadId(options.now);
    await scope.run(INSERT_VERSIONS, [uploadId]);
    await scope.run(INSERT_UPLOAD, [
      uploadId,
      outcome.file,
      outcome.checksum,
      outcome.encoding,
      options.piiMode,
      options.councilName,
      outcome.rows,
      counts.accepted,
      counts.skipped,
      counts.rejected,
      options.now.toISOString(),
      options.uploadedBy ?? null,
    ]);
    await appendRows(scope, 'ingest_issues', issues, (a, issue, seq) => appendIssue(a, uploadId, seq, issue));
    await appendRows(scope, 'pii_findings', outcome.pii, (a, finding, seq) => appendFinding(a, uploadId, seq, finding));
    result = report(uploadId, outcome, counts, issues);
  }
  await scope.run(DROP_STAGING);
  await options.alsoStore?.(scope, result);
  return result;
}

function report(
  uploadId: string,
  outcome: IngestOutcome,
  counts: { accepted: number; skipped: number; rejected: number },
  issues: IngestIssue[],
): IngestReport {
  const sheet = outcome.sheet === undefined ? {} : { sheet: outcome.sheet };
  return { uploadId, file: outcome.file, encoding: outcome.encoding, ...sheet, rows: outcome.rows, ...counts, issues, pii: outcome.pii };
}

function unchangedIssue(row: Record<string, unknown>): IngestIssue {
  return {
    line: Number(row.line),
    recordId: String(row.record_id),
    column: '記録ID',
    severity: 'warning',
    code: 'unchanged',
    message: `記録ID ${String(row.record_id)} は保存済みの内容（${String(row.upload_id)}）と同じため、取り込みを省略しました。`,
  };
}

function newUploadId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `U-${stamp}-${randomBytes(3).toString('hex')}`;
}

const EPOCH_DAY_MS = 86_400_000;

function appendRecord(a: DuckDBAppender, r: CaseRecord): void {
  a.appendVarchar(r.recordId);
  a.appendInteger(r.line);
  a.appendDate(new DuckDBDateValue(Date.parse(`${r.conferenceDate}T00:00:00Z`) / EPOCH_DAY_MS));
  appendText(a, r.agencyCode);
  appendText(a, r.area);
  a.appendVarchar(r.disabilityType);
  a.appendVarchar(r.ageBand);
  appendText(a, r.consultation);
  appendText(a, r.problem);
  appendText(a, r.support);
  appendText(a, r.regionalNote);
  a.appendVarchar(r.contentHash);
}

function appendIssue(a: DuckDBAppender, uploadId: string, seq: number, i: IngestIssue): void {
  a.appendVarchar(uploadId);
  a.appendInteger(seq);
  a.appendInteger(i.line);
  appendText(a, i.recordId);
  appendText(a, i.column);
  a.appendVarchar(i.severity);
  a.appendVarchar(i.code);
  a.appendVarchar(i.message);
}

function appendFinding(a: DuckDBAppender, uploadId: string, seq: number, f: PiiFinding): void {
  a.appendVarchar(uploadId);
  a.appendInteger(seq);
  a.appendInteger(f.line);
  appendText(a, f.recordId);
  a.appendVarchar(f.column);
  a.appendVarchar(f.kind);
  a.appendVarchar(f.action);
}
