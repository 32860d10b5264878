import type { HeaderMap } from './header.ts';
import type { IngestIssue } from './issues.ts';
import type { CsvRecord } from './parse-csv.ts';
import { columnLetters, rangeName, type CellNote, type MergedRange } from './sheet-table.ts';
import { readRecordId, type RowResult } from './validate-row.ts';

/** What a sheet adds to the report of its rows: merged cells, hidden rows, cells without a value. */

/** The header's name for a 0-based column: the standard column it fills, or the name the file gives it. */
function columnName(header: HeaderMap, headerRow: CsvRecord, index: number): string | null {
  return header.columns[index] ?? (headerRow.fields[index]?.trim() || null);
}

/**
 * A warning on every data row a merged range filled: the range's top-left value was read into
 * each of its cells, which is what a person who merged them meant — but worth a look.
 */
export function mergedCellIssues(merges: readonly MergedRange[], records: readonly CsvRecord[], header: HeaderMap, headerRow: CsvRecord): IngestIssue[] {
  const byLine = new Map(records.map((r) => [r.line, r]));
  const issues: IngestIssue[] = [];
  for (const range of merges) {
    for (let line = Math.max(range.top, headerRow.line + 1); line <= range.bottom; line++) {
      const record = byLine.get(line);
      const firstFilled = line === range.top ? range.left + 1 : range.left;
      if (!record || firstFilled > range.right) continue;
      issues.push({
        line,
        recordId: readRecordId(record, header).recordId,
        column: columnName(header, headerRow, firstFilled - 1),
        severity: 'warning',
        code: 'merged_cell',
        message: `セル ${rangeName(range)} は結合されているため、左上のセル ${range.master} の値を、この行の ${columnLetters(firstFilled)} 列${firstFilled < range.right ? `〜${columnLetters(range.right)} 列` : ''}の値としても読みました。値が正しいか確かめてください。`,
      });
    }
  }
  return issues;
}

/** Each hidden row, left out: a case worker hides a row to leave it out. Counted as skipped. */
export function hiddenRowIssues(hidden: readonly CsvRecord[], header: HeaderMap): IngestIssue[] {
  return hidden.map((record) => ({
    line: record.line,
    recordId: readRecordId(record, header).recordId,
    column: null,
    severity: 'warning',
    code: 'hidden_row',
    message: 'この行は Excel で非表示になっているため、取り込みませんでした。取り込むときは行を再表示してから、もう一度取り込んでください。',
  }));
}

/**
 * Adds to a row's result what its cells' problems mean, for the columns that are read: a
 * formula saved without its result refuses the row (its value is unknown, not empty); an
 * error value (#N/A) was read as empty, with a warning.
 */
export function withCellNotes(result: RowResult, record: CsvRecord, notes: readonly CellNote[], header: HeaderMap): RowResult {
  const issues = [...result.issues];
  let refused = false;
  for (const note of notes) {
    const column = header.columns[note.columnIndex] ?? null;
    if (!column) continue;
    const recordId = readRecordId(record, header).recordId;
    if (note.problem.kind === 'formula_without_value') {
      refused = true;
      issues.push({
        line: record.line,
        recordId,
        column,
        severity: 'error',
        code: 'formula_without_value',
        message: `セル ${note.address}（${column}）は数式ですが、計算結果がブックに保存されていないため値がわかりません。この行は取り込みませんでした。Excel でブックを開いて保存し直してから、もう一度取り込んでください。`,
      });
    } else {
      issues.push({
        line: record.line,
        recordId,
        column,
        severity: 'warning',
        code: 'cell_error',
        message: `セル ${note.address}（${column}）はエラー値（${note.problem.error}）のため、空として読みました。数式を直すか値を入れてから取り込み直してください。`,
      });
    }
  }
  if (issues.length === result.issues.length) return result;
  return { record: refused ? null : result.record, issues, pii: result.pii };
}
