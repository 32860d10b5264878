import { checkChunk, type Chunk } from './check-chunk.ts';
import { fileKind } from './file-kind.ts';
import { mapHeader } from './header.ts';
import { headerRecord, readSource, rowRules, type IngestOptions, type IngestOutcome } from './ingest-file.ts';
import { ingestWorkbookBytes } from './ingest-workbook.ts';
import { OutcomeAssembler } from './outcome-assembler.ts';
import { CheckWorkers, ingestBytesInParallel } from './parallel-check.ts';
import { parseCsvText } from './parse-csv.ts';
import { splitAtRecords } from './split-chunks.ts';
import { takeBytes, type UploadBytes } from './upload-bytes.ts';
import type { RowRules } from './validate-row.ts';
import { markStage } from '../stage-marks.ts';

/**
 * Bytes of CSV checked, guarded and stored at a time: some 20,000 rows of long notes.
 * A file's rows, their findings and their tokens are held a stretch at a time: a million
 * rows peaked at 2.97 GB with stretches of 4 MB, 3.4 GB with 12 MB, 7.2 GB whole.
 */
export const PART_BYTES = 4 * 1024 * 1024;

/** One stretch of a file's outcome, and how far into the file it reaches. */
export interface FilePart {
  outcome: IngestOutcome;
  /** The last line of the file this stretch covers, and the file's line count. */
  throughLine: number;
  lines: number;
  /** False for a file read in one stretch, which reports its own stages' progress. */
  streamed: boolean;
}

/**
 * A file's outcome, stretch by stretch in file order; joined, exactly the outcome of
 * checking the whole file at once. A workbook, or a CSV file under `partBytes`, is one
 * stretch. A broken quote makes the rest of the file one stretch, checked in one pass:
 * recovering from a runaway quote needs to see the lines that follow it.
 */
export async function* fileParts(upload: UploadBytes, options: IngestOptions, workers: CheckWorkers, partBytes = PART_BYTES): AsyncGenerator<FilePart> {
  const plan = await planParts(upload, options, partBytes);
  if ('whole' in plan) {
    yield { outcome: plan.whole, throughLine: 0, lines: 0, streamed: false };
    return;
  }
  const { chunks, rules, assembler, lines } = plan;
  for (let i = 0; i < chunks.length; i++) {
    const part = chunks[i]!;
    markStage('check');
    const checked = await workers.check(part, rules, undefined, 0);
    const throughLine = (chunks[i + 1]?.firstLine ?? lines + 1) - 1;
    if (checked.every((c) => c.broken.length === 0)) {
      yield { outcome: assembler.add([], checked.flatMap((c) => c.results)), throughLine, lines, streamed: true };
      continue;
    }
    const rest = checkChunk({ text: chunks.slice(i).map((c) => c.text).join(''), firstLine: part.firstLine }, rules);
    yield { outcome: assembler.add(rest.broken, rest.results), throughLine: lines, lines, streamed: true };
    return;
  }
}

interface StreamPlan {
  chunks: Chunk[];
  rules: RowRules;
  assembler: OutcomeAssembler;
  lines: number;
}

/**
 * The file checked whole, or decoded and cut into stretches. The bytes are taken here, in
 * a function that returns before the first stretch: a generator would keep them to its end.
 */
async function planParts(upload: UploadBytes, options: IngestOptions, partBytes: number): Promise<{ whole: IngestOutcome } | StreamPlan> {
  const bytes = takeBytes(upload);
  if (fileKind(bytes) === 'workbook' || bytes.length <= partBytes) return { whole: await checkUpload(bytes, options) };
  const source = readSource(bytes);
  const split = splitAtRecords(source.text, new Array<number>(Math.ceil(bytes.length / partBytes)).fill(1));
  const headerLine = split ? headerRecord(parseCsvText(split.headerText)) : null;
  if (!split || !headerLine || split.chunks.length < 2) return { whole: await ingestBytesInParallel(bytes, options) };
  const header = mapHeader(headerLine, options.settings.headerAliases, options.mapping);
  return {
    chunks: split.chunks,
    rules: rowRules(header, options, source),
    assembler: new OutcomeAssembler(options.fileName, source, header),
    lines: lineCount(source.text),
  };
}

/** A file's checks, by what its content is: an Excel workbook, or CSV text. */
export async function checkUpload(bytes: Uint8Array, options: IngestOptions): Promise<IngestOutcome> {
  return fileKind(bytes) === 'workbook' ? ingestWorkbookBytes(bytes, options) : ingestBytesInParallel(bytes, options);
}

function lineCount(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < text.length - 1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
