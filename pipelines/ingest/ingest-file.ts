import { createHash } from 'node:crypto';
import type { CouncilSettings } from '../council/settings.ts';
import type { CaseRecord } from './case-record.ts';
import { validateRows } from './check-chunk.ts';
import { decodeCsvBytes, type SourceEncoding } from './decode.ts';
import { mapHeader, type ColumnMapping, type HeaderMap } from './header.ts';
import { IngestFatalError, type IngestIssue, type PiiFinding, type PiiMode } from './issues.ts';
import { parseCsvText, type BrokenRecord, type CsvRecord, type ParsedCsv } from './parse-csv.ts';
import { findPii, maskPii } from './pii.ts';
import type { RowResult, RowRules } from './validate-row.ts';
import { markStage } from '../stage-marks.ts';

export interface IngestProgress {
  stage: 'parse' | 'validate';
  done: number;
  total: number;
}

export interface IngestOptions {
  fileName: string;
  settings: CouncilSettings;
  piiMode: PiiMode;
  /** ISO date of today, passed in so that results do not depend on the clock. */
  today: string;
  onProgress?: (progress: IngestProgress) => void;
  /** The columns a person chose for this upload, before the council's aliases. */
  mapping?: ColumnMapping;
  /** The worksheet to read from a workbook; by default the first with the standard header. */
  sheet?: string;
}

/** Everything ingest decided about one file before the database is consulted. */
export interface IngestOutcome {
  file: string;
  checksum: string;
  encoding: SourceEncoding;
  /** The worksheet read, for a workbook. */
  sheet?: string;
  rows: number;
  /** Valid records, first occurrence of each 記録ID. */
  records: CaseRecord[];
  rejected: number;
  /** Exact repeats of a record earlier in the same file. */
  skipped: number;
  issues: IngestIssue[];
  pii: PiiFinding[];
}

export interface SourceText {
  checksum: string;
  text: string;
  encoding: SourceEncoding;
  unreadableLines?: readonly number[];
}

export function readSource(bytes: Uint8Array): SourceText {
  markStage('decode');
  return { checksum: createHash('sha256').update(bytes).digest('hex'), ...decodeCsvBytes(bytes) };
}

export function rowRules(header: HeaderMap, options: IngestOptions, source: Pick<SourceText, 'encoding' | 'unreadableLines'>): RowRules {
  const { areas, agencies } = options.settings;
  const { encoding, unreadableLines = [] } = source;
  return { header, areas, agencies, piiMode: options.piiMode, today: options.today, encoding, unreadableLines };
}

/** Decode, parse, validate, guard and de-duplicate one CSV file in one pass: pure, no I/O. */
export function ingestBytes(bytes: Uint8Array, options: IngestOptions): IngestOutcome {
  const source = readSource(bytes);
  markStage('check');
  const parsed = parseCsvText(source.text, {
    onProgress: (n) => {
      if (n % 2000 === 0) options.onProgress?.({ stage: 'parse', done: n, total: 0 });
    },
  });
  const header = mapHeader(headerRecord(parsed), options.settings.headerAliases, options.mapping);
  const results = validateRows(parsed.records, rowRules(header, options, source), (done, total) =>
    options.onProgress?.({ stage: 'validate', done, total }),
  );
  return assembleOutcome(options.fileName, source, header, parsed.broken, results);
}

/**
 * The header record. A quote left open before it is refused with the whole file: the line
 * taken for the header would otherwise be whichever came next, perhaps a row of data.
 */
export function headerRecord(parsed: ParsedCsv): CsvRecord | null {
  const first = parsed.broken[0];
  if (first && (!parsed.header || first.line < parsed.header.line)) {
    throw new IngestFatalError(
      'missing_header',
      `${first.line} 行目の引用符（"）が閉じられていないため、見出し行を読み取れません。1 行目の見出し行の前や中にある引用符を閉じるか消してから、もう一度取り込んでください。`,
    );
  }
  return parsed.header;
}

/**
 * Joins checked rows into the file's outcome: refused quotes first counted, then each
 * valid record either kept, skipped as an exact repeat, or refused as a clashing 記録ID.
 */
export function assembleOutcome(
  file: string,
  source: Pick<SourceText, 'checksum' | 'encoding'>,
  header: HeaderMap,
  broken: readonly BrokenRecord[],
  results: readonly RowResult[],
): IngestOutcome {
  const issues: IngestIssue[] = [...header.issues, ...broken.map((b) => brokenRecordIssue(b, header))];
  const pii: PiiFinding[] = [];
  const records: CaseRecord[] = [];
  const firstSeen = new Map<string, CaseRecord>();
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
    const earlier = firstSeen.get(record.recordId);
    if (!earlier) {
      firstSeen.set(record.recordId, record);
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
    file,
    checksum: source.checksum,
    encoding: source.encoding,
    rows: results.length + broken.length,
    records,
    rejected,
    skipped,
    issues: sortByLine(issues).map(maskMessage),
    pii: sortByLine(pii),
  };
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

function sortByLine<T extends { line: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.line - b.line);
}

/** Messages quote cell values and are stored, so they pass the same guard as the cells. */
function maskMessage(issue: IngestIssue): IngestIssue {
  const spans = findPii(issue.message);
  return spans.length === 0 ? issue : { ...issue, message: maskPii(issue.message, spans) };
}
