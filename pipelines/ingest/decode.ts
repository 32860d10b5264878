import { IngestFatalError } from './issues.ts';

export type Encoding = 'utf-8' | 'shift_jis';

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Strict UTF-8 first, then Shift_JIS (CP932, Excel's default on Japanese Windows).
 * Line ends are unified to LF so that line numbers and cell text do not depend on
 * which program wrote the file.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) {
    throw new IngestFatalError('empty_file', 'ファイルが空です。見出し行のある CSV ファイルを選んでください。');
  }
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, OLE_MAGIC)) {
    throw new IngestFatalError(
      'excel_workbook',
      'Excel ブック（.xlsx / .xls）のようです。Excel で「名前を付けて保存」から「CSV UTF-8（コンマ区切り）」または「CSV（コンマ区切り）」を選んで保存し直してください。',
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new IngestFatalError(
      'utf16_file',
      'UTF-16（Unicode テキスト）形式のファイルです。Excel で「CSV UTF-8（コンマ区切り）」を選んで保存し直してください。',
    );
  }
  const decoded = tryDecode(bytes, 'utf-8') ?? tryDecode(bytes, 'shift_jis');
  if (!decoded) {
    throw new IngestFatalError(
      'unknown_encoding',
      '文字コードを判別できません。UTF-8 でも Shift_JIS でもない文字が含まれています。Excel で「CSV UTF-8（コンマ区切り）」として保存し直してください。',
    );
  }
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.includes('\u0000')) {
    throw new IngestFatalError('unreadable_file', 'テキストではないデータ（NUL 文字）が含まれています。CSV ファイルを選んでください。');
  }
  return { text, encoding: decoded.encoding };
}

function tryDecode(bytes: Uint8Array, encoding: Encoding): DecodedText | null {
  try {
    // ignoreBOM: false strips a UTF-8 BOM, as Excel's "CSV UTF-8" writes one.
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding };
  } catch {
    return null;
  }
}
