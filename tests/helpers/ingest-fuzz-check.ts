import assert from 'node:assert/strict';
import { DEFAULT_COUNCIL } from '../../pipelines/council/settings.ts';
import type { Database } from '../../pipelines/db/database.ts';
import { lineRanges } from '../../pipelines/ingest/byte-lines.ts';
import { ingestFile } from '../../pipelines/ingest/ingest.ts';
import { ingestBytes } from '../../pipelines/ingest/ingest-file.ts';
import { IngestFatalError, type IngestIssue, type PiiFinding, type PiiMode } from '../../pipelines/ingest/issues.ts';
import { tokenizeInProcess } from '../../pipelines/text/tokenize-in-process.ts';

/**
 * The properties every file must keep, however damaged (shared by the fuzz test and
 * `npm run fuzz`): the ingest ends within the time budget; it refuses the whole file only
 * for a reason of the whole file; otherwise every row is counted once, and every message
 * is Japanese, free of the engine's English, on a line that exists.
 */
export const CASE_BUDGET_MS = 10_000;

const WHOLE_FILE_CODES = new Set(['empty_file', 'utf16_file', 'excel_workbook', 'not_workbook', 'unreadable_workbook', 'missing_sheet', 'missing_header', 'duplicate_header', 'unknown_encoding', 'unreadable_file']);
const HEADER_CODES = new Set(['unknown_column', 'missing_column']);
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const ENGINE_TEXT = /\b(?:Error|TypeError|RangeError|SyntaxError|undefined|Cannot|NaN)\b|\[object |\bat .+:\d+/;

const OPTIONS = { fileName: 'fuzz.csv', settings: DEFAULT_COUNCIL, today: '2026-11-21' } as const;

interface Counts {
  rows: number;
  accepted: number;
  skipped: number;
  rejected: number;
  issues: readonly IngestIssue[];
  pii: readonly PiiFinding[];
  acceptedLines: readonly number[];
}

function checkMessage(message: string): void {
  assert.match(message, JAPANESE, `not Japanese: ${message.slice(0, 200)}`);
  assert.doesNotMatch(message, ENGINE_TEXT, `engine text in a message: ${message.slice(0, 200)}`);
}

/** How a case ended, for the runner's figures. */
export type CaseOutcome = { fatal: string } | { rows: number; rejected: number };

function checkFatal(error: unknown): CaseOutcome {
  if (!(error instanceof IngestFatalError)) throw error;
  assert.ok(WHOLE_FILE_CODES.has(error.code), `fatal code ${error.code}`);
  checkMessage(error.message);
  return { fatal: error.code };
}

function checkCounts(bytes: Uint8Array, c: Counts): void {
  const lines = lineRanges(bytes).length;
  assert.equal(c.accepted + c.skipped + c.rejected, c.rows, 'accepted + skipped + rejected = rows');
  const errorLines = new Set<number>();
  for (const issue of c.issues) {
    checkMessage(issue.message);
    const first = HEADER_CODES.has(issue.code) ? 1 : 2;
    assert.ok(Number.isInteger(issue.line) && issue.line >= first && issue.line <= lines, `issue ${issue.code} on line ${issue.line} of ${lines}`);
    if (issue.severity === 'error') errorLines.add(issue.line);
  }
  for (const finding of c.pii) assert.ok(finding.line >= 2 && finding.line <= lines, `finding on line ${finding.line} of ${lines}`);
  for (const line of c.acceptedLines) {
    assert.ok(line >= 2 && line <= lines, `accepted record on line ${line} of ${lines}`);
    assert.ok(!errorLines.has(line), `accepted record on line ${line} has an error`);
  }
  assert.ok(c.rejected <= errorLines.size, `${c.rejected} rows refused, errors on ${errorLines.size} lines`);
}

function checkTime(started: number): void {
  const elapsed = performance.now() - started;
  assert.ok(elapsed < CASE_BUDGET_MS, `took ${Math.round(elapsed)} ms`);
}

/** The pure path (decode, parse, check, guard, de-duplicate), as most cases take. */
export function checkPureIngest(bytes: Uint8Array, piiMode: PiiMode = 'mask'): CaseOutcome {
  const started = performance.now();
  let outcome: CaseOutcome;
  try {
    const o = ingestBytes(bytes, { ...OPTIONS, piiMode });
    checkCounts(bytes, { ...o, accepted: o.records.length, acceptedLines: o.records.map((r) => r.line) });
    outcome = { rows: o.rows, rejected: o.rejected };
  } catch (error) {
    outcome = checkFatal(error);
  }
  checkTime(started);
  return outcome;
}

/** The whole ingest into a database, the tokenizer's name guard and storing included. */
export async function checkStoredIngest(db: Database, bytes: Uint8Array, piiMode: PiiMode = 'mask'): Promise<CaseOutcome> {
  const started = performance.now();
  let outcome: CaseOutcome;
  try {
    const report = await ingestFile(db, bytes, { ...OPTIONS, piiMode, tokenizeMany: tokenizeInProcess, now: new Date('2026-11-21T09:00:00Z') });
    checkCounts(bytes, { ...report, acceptedLines: [] });
    outcome = { rows: report.rows, rejected: report.rejected };
  } catch (error) {
    outcome = checkFatal(error);
  }
  checkTime(started);
  return outcome;
}
