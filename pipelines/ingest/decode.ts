import { isAscii, isUtf8 } from 'node:buffer';
import { lineRanges } from './byte-lines.ts';
import { fileKind } from './file-kind.ts';
import { IngestFatalError } from './issues.ts';

export type Encoding = 'utf-8' | 'shift_jis';
/** How an upload was read: as text in an encoding, or as an Excel workbook. */
export type SourceEncoding = Encoding | 'xlsx';

export const ENCODING_LABELS: Readonly<Record<SourceEncoding, string>> = { 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS', xlsx: 'Excel ブック' };

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /**
   * Physical lines (1-based, ascending) holding bytes that are not text in `encoding`, or a
   * NUL; each such byte reads as U+FFFD in `text`, and the records on them are refused.
   * Absent when every line is text.
   */
  unreadableLines?: readonly number[];
}

/**
 * A file is refused whole when more than this share of its lines are not text, or when its
 * header line is not: then the encoding itself is in doubt, not a few damaged cells.
 * One damaged line is always allowed, so a short file keeps its good rows too.
 */
export const MAX_UNREADABLE_LINE_SHARE = 0.1;

const NUL = '\u0000';
const REPLACEMENT = '\uFFFD';
/** A line parsing skips (blank, or only empty cells), so not the header. */
const BLANK = /^[\s,]*$/;

const UNKNOWN_ENCODING =
  '文字コードを判別できません。UTF-8 でも Shift_JIS でもない文字が含まれています。Excel で「CSV UTF-8（コンマ区切り）」として保存し直してください。';
const NOT_TEXT = 'テキストではないデータ（NUL 文字）が含まれています。CSV ファイルを選んでください。';

/**
 * Strict UTF-8 first; failing that, UTF-8 or Shift_JIS (CP932, Excel's default on Japanese
 * Windows), whichever reads the file, line by line. Line ends are unified to LF so that
 * line numbers and cell text do not depend on which program wrote the file.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) {
    throw new IngestFatalError('empty_file', 'ファイルが空です。見出し行のある CSV ファイルを選んでください。');
  }
  // Workbooks are read by read-workbook.ts; one reaching here was handed to the text reader by mistake.
  if (fileKind(bytes) === 'workbook') {
    throw new IngestFatalError('excel_workbook', 'Excel ブック（.xlsx）は CSV としては読めません。Excel ブックとして取り込んでください。');
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new IngestFatalError(
      'utf16_file',
      'UTF-16（Unicode テキスト）形式のファイルです。Excel で「CSV UTF-8（コンマ区切り）」を選んで保存し直してください。',
    );
  }
  if (isUtf8(bytes)) {
    const text = unifyLineEnds(decode(bytes, 'utf-8'));
    if (!text.includes(NUL)) return { text, encoding: 'utf-8' };
  }
  return decodeLines(bytes);
}

/**
 * A file that is not all UTF-8, or holds a NUL, is read line by line. UTF-8 is chosen when
 * it reads most of the lines that are not plain ASCII: other bytes seldom form valid UTF-8
 * by chance, whereas UTF-8 with a damaged byte often happens to be valid Shift_JIS.
 */
function decodeLines(bytes: Uint8Array): DecodedText {
  let nonAscii = 0;
  const notUtf8 = new Set<number>();
  lineRanges(bytes).forEach(([start, end], index) => {
    const line = bytes.subarray(start, end);
    if (isAscii(line)) return;
    nonAscii++;
    if (!isUtf8(line)) notUtf8.add(index);
  });
  const encoding: Encoding = notUtf8.size * 2 < nonAscii || notUtf8.size === 0 ? 'utf-8' : 'shift_jis';
  const text = unifyLineEnds(decode(bytes, encoding));
  if (encoding === 'shift_jis' && !text.includes(REPLACEMENT) && !text.includes(NUL)) return { text, encoding };
  const lines = text.split('\n');
  const undecodable = (line: string, index: number) => (encoding === 'utf-8' ? notUtf8.has(index) : line.includes(REPLACEMENT));
  const unreadable: number[] = [];
  let undecodableCount = 0;
  let contentLines = 0;
  let header: number | null = null;
  lines.forEach((line, index) => {
    const broken = undecodable(line, index);
    if (broken) undecodableCount++;
    if (broken || line.includes(NUL)) unreadable.push(index + 1);
    if (BLANK.test(line)) return;
    contentLines++;
    header ??= index + 1;
  });
  const allowed = Math.max(1, Math.floor(contentLines * MAX_UNREADABLE_LINE_SHARE));
  if (unreadable.length > allowed || (header !== null && unreadable.includes(header))) {
    throw undecodableCount > 0 ? new IngestFatalError('unknown_encoding', UNKNOWN_ENCODING) : new IngestFatalError('unreadable_file', NOT_TEXT);
  }
  return { text: text.replaceAll(NUL, REPLACEMENT), encoding, unreadableLines: unreadable };
}

/** Never throws: a byte that is not text becomes U+FFFD. ignoreBOM: false strips a UTF-8 BOM, as Excel's "CSV UTF-8" writes one. */
function decode(bytes: Uint8Array, encoding: Encoding): string {
  return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
}

function unifyLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
