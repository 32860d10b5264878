import { randomBytes } from 'node:crypto';
import { DuckDBDateValue, type DuckDBAppender } from '@duckdb/node-api';
import { appendRows, appendText } from '../db/append-rows.ts';
import type { WriteScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import type { CaseRecord } from './case-record.ts';
import type { IngestOutcome } from './ingest-file.ts';
import { sortByLine } from './outcome-assembler.ts';
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
  /** Further writes that belong to the upload (its audit entry), inside its write. */
  alsoStore?: (scope: WriteScope, report: IngestReport) => Promise<unknown>;
}

/** What identifies an upload's file in its report, apart from its rows. */
type UploadSource = Pick<IngestOutcome, 'file' | 'checksum' | 'encoding' | 'sheet'>;

/**
 * One upload being stored, inside the caller's write, stretch by stretch: each stretch's
 * checked records are staged, compared with what is stored and kept, so a failure or a
 * kill part-way leaves the database as it was. Records identical to their stored version
 * are skipped; changed ones get a new version. Uploading the very same file again stores
 * nothing new and reports the first upload's id.
 */
export class StagedUpload {
  private rows = 0;
  private staged = 0;
  private unchanged = 0;
  private rejected = 0;
  private skipped = 0;
  private readonly issues: IngestIssue[] = [];
  private readonly pii: PiiFinding[] = [];

  private constructor(
    private readonly scope: WriteScope,
    private readonly uploadId: string,
  ) {}

  static begin(scope: WriteScope, now: Date): StagedUpload {
    return new StagedUpload(scope, newUploadId(now));
  }

  /** A stretch of the file's outcome, in file order: its new and changed records stored, its counts and findings kept. */
  async add(part: IngestOutcome, onProgress?: (done: number, total: number) => void): Promise<void> {
    const { scope } = this;
    await scope.run(CREATE_STAGING);
    await appendRows(scope, 'ingest_staging', part.records, appendRecord, { catalog: 'temp', onProgress });
    const unchanged = await scope.rows(FIND_UNCHANGED);
    await scope.run(INSERT_VERSIONS, [this.uploadId]);
    this.rows += part.rows;
    this.staged += part.records.length;
    this.unchanged += unchanged.length;
    this.rejected += part.rejected;
    this.skipped += part.skipped;
    // One by one: a spread of a million findings into push() overflows the stack.
    for (const issue of part.issues) this.issues.push(issue);
    for (const row of unchanged) this.issues.push(unchangedIssue(row));
    for (const finding of part.pii) this.pii.push(finding);
  }

  async finish(source: UploadSource, options: StoreOptions): Promise<IngestReport> {
    const { scope } = this;
    await scope.run(DROP_STAGING);
    const earlier = await scope.rows(FIND_UPLOAD_BY_CHECKSUM, [source.checksum]);
    const earlierId = (earlier[0]?.upload_id as string | undefined) ?? null;
    const issues = sortByLine(this.issues);
    const accepted = this.staged - this.unchanged;
    const counts = { rows: this.rows, accepted, skipped: this.skipped + this.unchanged, rejected: this.rejected };
    // Nothing new was stored: the same file again is reported as the upload that first brought it.
    if (accepted === 0 && earlierId !== null) {
      const result = report(earlierId, source, counts, issues, this.pii);
      await options.alsoStore?.(scope, result);
      return result;
    }
    const { uploadId } = this;
    await scope.run(INSERT_UPLOAD, [
      uploadId,
      source.file,
      source.checksum,
      source.encoding,
      options.piiMode,
      options.councilName,
      counts.rows,
      counts.accepted,
      counts.skipped,
      counts.rejected,
      options.now.toISOString(),
      options.uploadedBy ?? null,
    ]);
    await appendRows(scope, 'ingest_issues', issues, (a, issue, seq) => appendIssue(a, uploadId, seq, issue));
    await appendRows(scope, 'pii_findings', this.pii, (a, finding, seq) => appendFinding(a, uploadId, seq, finding));
    const result = report(uploadId, source, counts, issues, this.pii);
    await options.alsoStore?.(scope, result);
    return result;
  }
}

function report(
  uploadId: string,
  source: UploadSource,
  counts: { rows: number; accepted: number; skipped: number; rejected: number },
  issues: IngestIssue[],
  pii: PiiFinding[],
): IngestReport {
  const sheet = source.sheet === undefined ? {} : { sheet: source.sheet };
  return { uploadId, file: source.file, encoding: source.encoding, ...sheet, rows: counts.rows, accepted: counts.accepted, skipped: counts.skipped, rejected: counts.rejected, issues, pii };
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
