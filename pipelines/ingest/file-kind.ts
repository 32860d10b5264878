import { IngestFatalError } from './issues.ts';

export type FileKind = 'text' | 'workbook';

/** A ZIP archive starts with a local file header, or is empty (end of central directory) or spanned. */
const ZIP_SIGNATURES: ReadonlyArray<readonly number[]> = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
];
/** OLE compound file: an Excel 97-2003 .xls, or an .xlsx encrypted with a password. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The part every Excel workbook (.xlsx, .xlsm) holds; ZIP keeps member names uncompressed. */
const WORKBOOK_PART = 'xl/workbook.xml';

export const OLD_EXCEL_MESSAGE =
  '古い形式の Excel ブック（.xls）か、パスワードで保護されたブックのため読めません。Excel で開き、パスワードを外してから「名前を付けて保存」で「Excel ブック（*.xlsx）」または「CSV UTF-8（コンマ区切り）」を選んで保存し直してください。';
export const NOT_WORKBOOK_MESSAGE =
  'ZIP 形式のファイルですが、Excel ブック（.xlsx）ではありません。事例記録の Excel ブック（.xlsx）か CSV ファイルを選んでください。';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/**
 * What a file is, told by its content rather than its name: an Excel workbook (a ZIP holding
 * xl/workbook.xml) or text for the CSV reader. A ZIP that is not a workbook and an OLE file
 * are refused here, each with what to do instead.
 */
export function fileKind(bytes: Uint8Array): FileKind {
  if (ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(WORKBOOK_PART, 0, 'latin1')) return 'workbook';
    throw new IngestFatalError('not_workbook', NOT_WORKBOOK_MESSAGE);
  }
  if (startsWith(bytes, OLE_SIGNATURE)) throw new IngestFatalError('excel_workbook', OLD_EXCEL_MESSAGE);
  return 'text';
}
