import { writeDebugStack } from './debug.ts';
import { ENCODING_LABELS } from './decode.ts';
import type { IngestIssue } from './issues.ts';
import type { CsvRecord } from './parse-csv.ts';
import { readRecordId, type RowResult, type RowRules } from './validate-row.ts';

/** What a person is told when checking a row failed in a way no rule foresaw. */
export const INTERNAL_ROW_MESSAGE =
  'この行を読み取る途中で問題が起きたため、取り込みませんでした。行の内容を確かめてから、もう一度取り込んでください。';

const REPLACEMENT = '\uFFFD';

/** The 記録ID for a report on a row that could not be checked, when it can still be read. */
function safeRecordId(row: CsvRecord, rules: RowRules): string | null {
  try {
    return readRecordId(row, rules.header).recordId;
  } catch {
    return null;
  }
}

function refused(issue: IngestIssue): RowResult {
  return { record: null, issues: [issue], pii: [] };
}

/** A row that threw while being checked: refused on its own, so that the rest of the file loads. */
export function internalRowError(row: CsvRecord, rules: RowRules, error: unknown, column: string | null = null): RowResult {
  writeDebugStack(error);
  return refused({
    line: row.line,
    recordId: safeRecordId(row, rules),
    column,
    severity: 'error',
    code: 'internal_row_error',
    message: INTERNAL_ROW_MESSAGE,
  });
}

/** Refuses a record lying on a line with bytes that are not text; null for any other record. */
export function unreadableRow(row: CsvRecord, rules: RowRules): RowResult | null {
  if (!spansAny(rules.unreadableLines, row.line, row.lastLine)) return null;
  const index = row.fields.findIndex((field) => field.includes(REPLACEMENT));
  const column = index === -1 ? null : (rules.header.columns[index] ?? null);
  const where = column ? `この行の「${column}」列` : 'この行';
  return refused({
    line: row.line,
    recordId: safeRecordId(row, rules),
    column,
    severity: 'error',
    code: 'undecodable_bytes',
    message: `ファイルを ${ENCODING_LABELS[rules.encoding]} として読みましたが、${where}に文字として読めないデータ（壊れた文字や NUL 文字）があるため、この行は取り込みませんでした。元のファイルでこの箇所を書き直してから、もう一度取り込んでください。`,
  });
}

/** Whether an ascending list of lines holds one in [from, to]. */
function spansAny(lines: readonly number[], from: number, to: number): boolean {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((lines[mid] as number) < from) low = mid + 1;
    else high = mid;
  }
  return low < lines.length && (lines[low] as number) <= to;
}
