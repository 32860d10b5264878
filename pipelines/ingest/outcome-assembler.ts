import type { CaseRecord } from './case-record.ts';
import type { SourceEncoding } from './decode.ts';
import type { HeaderMap } from './header.ts';
import type { IngestIssue, PiiFinding } from './issues.ts';
import type { BrokenRecord } from './parse-csv.ts';
import { findPii, maskPii } from './pii.ts';
import type { RowResult } from './validate-row.ts';

/** What one stretch of a file's checked rows comes to: the shape of a whole file's outcome. */
export interface PartOutcome {
  file: string;
  checksum: string;
  encoding: SourceEncoding;
  sheet?: string;
  rows: number;
  /** Valid records, first occurrence of each 記録ID in the whole file. */
  records: CaseRecord[];
  rejected: number;
  /** Exact repeats of a record earlier in the same file. */
  skipped: number;
  issues: IngestIssue[];
  pii: PiiFinding[];
}

/** What a later repeat of a 記録ID is compared with: not the whole record, to keep a million of them small. */
interface FirstSeen {
  line: number;
  contentHash: string;
}

/**
 * Joins checked rows into outcomes, stretch by stretch in file order: refused quotes first
 * counted, then each valid record either kept, skipped as an exact repeat, or refused as a
 * clashing 記録ID — against every record of the file seen so far, not just this stretch's.
 */
export class OutcomeAssembler {
  private readonly firstSeen = new Map<string, FirstSeen>();
  private headerIssuesGiven = false;

  constructor(
    private readonly file: string,
    private readonly source: { checksum: string; encoding: SourceEncoding },
    private readonly header: HeaderMap,
  ) {}

  add(broken: readonly BrokenRecord[], results: readonly RowResult[]): PartOutcome {
    const issues: IngestIssue[] = this.headerIssuesGiven ? [] : [...this.header.issues];
    this.headerIssuesGiven = true;
    for (const b of broken) issues.push(brokenRecordIssue(b, this.header));
    const pii: PiiFinding[] = [];
    const records: CaseRecord[] = [];
    let rejected = broken.length;
    let skipped = 0;

    for (const result of results) {
      // One by one: a spread of a cell's 100,000 findings into push() overflows the stack.
      for (const issue of result.issues) issues.push(issue);
      for (const finding of result.pii) pii.push(finding);
      const record = result.record;
      if (!record) {
        rejected++;
        continue;
      }
      const earlier = this.firstSeen.get(record.recordId);
      if (!earlier) {
        this.firstSeen.set(record.recordId, { line: record.line, contentHash: record.contentHash });
        records.push(record);
        continue;
      }
      const same = earlier.contentHash === record.contentHash;
      if (same) skipped++;
      else rejected++;
      issues.push({
        line: record.line,
        recordId: record.recordId,
        column: '記録ID',
        severity: same ? 'warning' : 'error',
        code: same ? 'duplicate_row' : 'duplicate_id',
        message: same
          ? `記録ID ${record.recordId} は ${earlier.line} 行目と同じ内容のため、重複として取り込みませんでした。`
          : `記録ID ${record.recordId} は ${earlier.line} 行目と重複しています`,
      });
    }

    return {
      file: this.file,
      checksum: this.source.checksum,
      encoding: this.source.encoding,
      rows: results.length + broken.length,
      records,
      rejected,
      skipped,
      issues: sortByLine(issues).map(maskMessage),
      pii: sortByLine(pii),
    };
  }
}

function brokenRecordIssue(broken: BrokenRecord, header: HeaderMap): IngestIssue {
  const column = broken.columnIndex === null ? null : (header.columns[broken.columnIndex] ?? null);
  const where = column ? `「${column}」列で始まる` : '';
  const until = broken.lastLine > broken.line ? `（閉じられないまま ${broken.lastLine} 行目まで続いていました）` : '';
  return {
    line: broken.line,
    recordId: header.indexOf.get('記録ID') === 0 ? broken.firstField : null,
    column,
    severity: 'error',
    code: 'unterminated_quote',
    message: `${broken.line} 行目の${where}引用符（"）が閉じられていません${until}。この行は取り込まず、次の行から読み直しました。引用符を閉じるか消してから、この行を取り込み直してください。`,
  };
}

export function sortByLine<T extends { line: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.line - b.line);
}

/** Messages quote cell values and are stored, so they pass the same guard as the cells. */
function maskMessage(issue: IngestIssue): IngestIssue {
  const spans = findPii(issue.message);
  return spans.length === 0 ? issue : { ...issue, message: maskPii(issue.message, spans) };
}
