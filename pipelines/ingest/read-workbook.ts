import type ExcelJS from 'exceljs';
import { writeDebugStack } from './debug.ts';
import { IngestFatalError } from './issues.ts';
import { readSheetTable, type SheetTable } from './sheet-table.ts';

const UNREADABLE_WORKBOOK =
  'Excel ブックを開けませんでした。ファイルが壊れているか、保存の途中で切れている可能性があります。Excel で開けるか確かめ、「名前を付けて保存」で「Excel ブック（*.xlsx）」として保存し直してから、もう一度取り込んでください。';

/**
 * The sheets of an .xlsx workbook, each read as text: a pure function of the bytes. Whatever
 * the library says about a damaged file, the person is told in Japanese what to do.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<SheetTable[]> {
  // Loaded only for a workbook: exceljs and its dependencies add 0.15 s to every CLI start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
    return workbook.worksheets.map(readSheetTable);
  } catch (error) {
    writeDebugStack(error);
    throw new IngestFatalError('unreadable_workbook', UNREADABLE_WORKBOOK);
  }
}
