import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { audit } from '../pipelines/audit/audit-log.ts';
import { CouncilSettingsError, type CouncilSettings } from '../pipelines/council/settings.ts';
import { DatabaseOpenError, type Database } from '../pipelines/db/database.ts';
import { ReadCache } from '../server/http/read-cache.ts';
import { readReport } from '../server/report/read-report.ts';
import { reportPptx } from '../server/report/report-pptx.ts';
import { reportXlsx } from '../server/report/report-xlsx.ts';
import { readConfig } from './config.ts';
import { openWithCouncil } from './council-option.ts';
import { PdfError, printReportPdf } from './report-pdf.ts';
import { UsageError } from './usage.ts';

const FORMATS = ['pdf', 'pptx', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];
const FORMAT_NAMES: Record<Format, string> = { pdf: 'A4 の PDF', pptx: 'PowerPoint', xlsx: 'Excel' };
const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

function options(argv: string[]): { db: string | undefined; council: string | undefined; format: Format; out: string } {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { db: { type: 'string' }, council: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { format, out } = values;
  if (format === undefined) throw new UsageError('report には --format pdf、pptx、xlsx のいずれかを指定してください。');
  if (!isFormat(format)) throw new UsageError(`--format「${format}」は作れません。pdf、pptx、xlsx のいずれかを指定してください。`);
  if (out === undefined || out.trim() === '') throw new UsageError('report には保存先のファイルを --out で指定してください（例: --out 全体会資料.pptx）。');
  return { db: values.db, council: values.council, format, out };
}

async function render(db: Database, settings: CouncilSettings, format: Format, now: Date): Promise<Uint8Array> {
  if (format === 'pdf') return printReportPdf(db, settings, now);
  const model = await readReport({ db, settings, cache: new ReadCache(db) }, now);
  return format === 'pptx' ? reportPptx(model) : reportXlsx(model);
}

/**
 * `mieruka report [--db PATH] [--council FILE] --format pdf|pptx|xlsx --out FILE`: the
 * plenary's report, as the print view shows it (always as published), saved as a file.
 */
export async function runReportCommand(argv: string[]): Promise<number> {
  const { format, out, ...where } = options(argv);
  const config = readConfig();
  let db: Database;
  let settings: CouncilSettings;
  try {
    ({ db, settings } = await openWithCouncil(where.db ?? config.dbPath, where.council));
  } catch (error) {
    if (!(error instanceof DatabaseOpenError || error instanceof CouncilSettingsError)) throw error;
    process.stderr.write(`エラー: ${error.message}\n`);
    return 1;
  }
  try {
    process.stderr.write(`全体会の資料を ${FORMAT_NAMES[format]} で作っています…\n`);
    const now = new Date();
    const bytes = await render(db, settings, format, now);
    try {
      await writeFile(out, bytes);
    } catch (error) {
      process.stderr.write(`エラー: ${out} に保存できませんでした（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）。保存先のフォルダーと書き込みの権限を確かめてください。\n`);
      return 1;
    }
    await db.write((scope) => audit(scope, { userId: null, action: `export_report_${format}`, target: 'cli' }, now));
    process.stdout.write(`全体会の資料（${FORMAT_NAMES[format]}、${bytes.length.toLocaleString('ja-JP')} バイト）を ${out} に保存しました。\n`);
    return 0;
  } catch (error) {
    if (error instanceof PdfError) {
      process.stderr.write(`エラー: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}
