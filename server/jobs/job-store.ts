import type { JobKind, JobState } from '../../shared/vocabulary.ts';
import type { Database, WriteScope } from '../../pipelines/db/database.ts';
import { sqlFile } from '../../pipelines/db/sql-file.ts';
import { DomainError } from '../../pipelines/domain-error.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const INSERT_JOB = sql('insert-job.sql');
const FINISH_JOB = sql('finish-job.sql');
const FIND_JOB = sql('find-job.sql');
const INTERRUPT_JOBS = sql('interrupt-jobs.sql');

export const INTERRUPTED_UPLOAD = 'サーバーが止まったため、この取り込みは終わりませんでした。ファイルの内容は保存されていません。もう一度取り込んでください。';
export const INTERRUPTED_ANALYSIS = 'サーバーが止まったため、この分析は終わりませんでした。テーマは前回の分析のままです。もう一度分析してください。';

/** A job as stored: what a browser is told about it after the server has forgotten it or restarted. */
export interface StoredJob {
  id: string;
  kind: JobKind;
  userId: string;
  fileName: string | null;
  state: JobState;
  /** The upload or run it made. */
  resultRef: string | null;
  result: unknown;
  /** How it failed; a job stored as running when the server no longer runs it was cut short by a stop. */
  error: JobFailure | null;
}

export interface JobFailure {
  code: string;
  message: string;
  /** The same request may simply be made again: the failure was the server's (a stop, a fault), not the input's. */
  retry: boolean;
}

const RETRYABLE = new Set(['interrupted', 'internal']);
const failure = (code: string, message: string): JobFailure => ({ code, message, retry: RETRYABLE.has(code) });

/** What a person is told when a job fails: a domain rule's own words, otherwise a plain apology (the cause goes to the log). */
export function failureOf(error: unknown, jobId: string): JobFailure {
  if (error instanceof DomainError) return failure(error.code, error.message);
  process.stderr.write(`[job ${jobId}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return failure('internal', `サーバーで問題が起きたため、処理を終えられませんでした。時間をおいてもう一度お試しください（処理番号 ${jobId}）。`);
}

export async function recordStart(db: Database, job: { id: string; kind: JobKind; userId: string; fileName: string | null }, now: Date): Promise<void> {
  await db.write((scope) => scope.run(INSERT_JOB, [job.id, job.kind, job.userId, job.fileName, now.toISOString()]));
}

/** Marks a job done inside the write that stored its work: the two are committed together or not at all. */
export async function recordDone(scope: WriteScope, jobId: string, resultRef: string | null, summary: unknown, now: Date): Promise<void> {
  await scope.run(FINISH_JOB, [jobId, 'done', now.toISOString(), resultRef, JSON.stringify(summary), null, null]);
}

export async function recordFailure(db: Database, jobId: string, failed: JobFailure, now: Date): Promise<void> {
  await db.write((scope) => scope.run(FINISH_JOB, [jobId, 'failed', now.toISOString(), null, null, failed.code, failed.message]));
}

export async function findJob(db: Database, jobId: string): Promise<StoredJob | null> {
  const r = (await db.read((scope) => scope.rows(FIND_JOB, [jobId])))[0];
  if (!r) return null;
  return {
    id: String(r.job_id),
    kind: r.kind as JobKind,
    userId: String(r.user_id),
    fileName: (r.file_name as string | null) ?? null,
    state: r.state as JobState,
    resultRef: (r.result_ref as string | null) ?? null,
    result: r.result === null ? null : JSON.parse(String(r.result)),
    error:
      r.error_code !== null ? failure(String(r.error_code), String(r.error_message))
      : r.state === 'running' ? failure('interrupted', r.kind === 'upload' ? INTERRUPTED_UPLOAD : INTERRUPTED_ANALYSIS)
      : null,
  };
}

/** At start: the jobs a stop cut short are failed, with a message saying so. */
export async function failInterruptedJobs(db: Database, now: Date): Promise<void> {
  await db.write((scope) => scope.run(INTERRUPT_JOBS, [now.toISOString(), INTERRUPTED_UPLOAD, INTERRUPTED_ANALYSIS]));
}
