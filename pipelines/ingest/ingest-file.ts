import { createHash } from 'node:crypto';
import type { CouncilSettings } from '../council/settings.ts';
import { validateRows } from './check-chunk.ts';
import { decodeCsvBytes, type SourceEncoding } from './decode.ts';
import { mapHeader, type ColumnMapping, type HeaderMap } from './header.ts';
import { IngestFatalError, type PiiMode } from './issues.ts';
import { parseCsvText, type BrokenRecord, type CsvRecord, type ParsedCsv } from './parse-csv.ts';
import { OutcomeAssembler, type PartOutcome } from './outcome-assembler.ts';
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
export type IngestOutcome = PartOutcome;

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

/** Joins a whole file's checked rows into its outcome (OutcomeAssembler, in one stretch). */
export function assembleOutcome(
  file: string,
  source: Pick<SourceText, 'checksum' | 'encoding'>,
  header: HeaderMap,
  broken: readonly BrokenRecord[],
  results: readonly RowResult[],
): IngestOutcome {
  return new OutcomeAssembler(file, source, header).add(broken, results);
}
