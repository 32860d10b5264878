import { readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { JOB_STAGE_LABELS } from '../shared/vocabulary.ts';
import { CouncilSettingsError, type CouncilSettings } from '../pipelines/council/settings.ts';
import { DatabaseOpenError, type Database } from '../pipelines/db/database.ts';
import { ingestFile, type IngestStage } from '../pipelines/ingest/ingest.ts';
import { HandedBytes } from '../pipelines/ingest/upload-bytes.ts';
import { createTokenizerPool } from '../pipelines/text/tokenizer/tokenizer-pool.ts';
import type { TokenizeMany } from '../pipelines/text/tokenize-texts.ts';
import { writeDebugStack } from '../pipelines/ingest/debug.ts';
import { IngestFatalError, type PiiMode } from '../pipelines/ingest/issues.ts';
import { ConfigError, readConfig } from './config.ts';
import { openWithCouncil } from './council-option.ts';
import { formatFailure, formatReport, type FileResult } from './ingest-summary.ts';
import { ProgressBar } from './progress-bar.ts';
import { stageClock, type StageClock } from './stage-times.ts';
import { UsageError } from './usage.ts';

/** Below this many rows a file loads in about a second and a bar is only noise. */
const BAR_MIN_ROWS = 3000;

/**
 * For failures no check foresaw, in one file or around the files; the stack goes to stderr
 * only with MIERUKA_DEBUG (see debug.ts). A file's upload is one write, so a file that
 * failed left nothing behind.
 */
const INTERNAL_FILE_ERROR = {
  code: 'internal',
  message: '取り込みの途中で予期しない問題が起きたため、このファイルは取り込みませんでした（何も保存していません）。もう一度試しても同じときは、管理者に連絡してください。',
} as const;
const INTERNAL_ERROR = {
  code: 'internal',
  message: '予期しない問題が起きたため、取り込みを途中で止めました。もう一度試しても同じときは、管理者に連絡してください。',
} as const;

/** `--json` prints exactly one JSON object on stdout whatever happens, a usage error included. */
export async function runIngestCommand(argv: string[]): Promise<number> {
  let args: IngestArgs;
  try {
    args = parseIngestArgs(argv);
  } catch (error) {
    if (error instanceof UsageError && argv.includes('--json')) process.stdout.write(`${JSON.stringify({ error: { code: 'usage_error', message: error.message } })}\n`);
    throw error;
  }
  try {
    return await ingestAll(args);
  } catch (error) {
    if (error instanceof ConfigError) {
      if (!args.json) throw error;
      return fatal(true, { code: error.name, message: error.message });
    }
    writeDebugStack(error);
    return fatal(args.json, INTERNAL_ERROR);
  }
}

/**
 * Files of at least this many bytes hold enough text for the tokenizer's workers, so they
 * start at once and load their dictionaries while the database opens and the rows are checked.
 */
const WARM_POOL_MIN_BYTES = 64 * 1024;

function totalBytes(paths: readonly string[]): number {
  return paths.reduce((sum, path) => sum + (existsSync(path) ? statSync(path).size : 0), 0);
}

async function ingestAll(args: IngestArgs): Promise<number> {
  const clock = stageClock();
  const pool = createTokenizerPool();
  if (totalBytes(args.files) >= WARM_POOL_MIN_BYTES) pool.warm();
  clock.mark('open');
  let settings: CouncilSettings;
  let db: Database;
  try {
    ({ db, settings } = await openWithCouncil(args.db ?? readConfig().dbPath, args.council));
  } catch (error) {
    await pool.close();
    if (error instanceof CouncilSettingsError || error instanceof DatabaseOpenError) {
      return fatal(args.json, { code: error.name, message: error.message });
    }
    throw error;
  }

  const results: FileResult[] = [];
  try {
    for (const path of args.files) {
      results.push(await ingestOne(db, path, settings, args, pool.tokenizeMany, clock));
    }
  } finally {
    clock.mark('close');
    await pool.close();
    await db.close();
  }

  if (args.json) {
    const body = results.length === 1 ? results[0] : { uploads: results };
    process.stdout.write(`${JSON.stringify(body)}\n`);
  } else {
    for (const result of results) {
      process.stdout.write(`${'error' in result ? formatFailure(result) : formatReport(result)}\n`);
    }
  }
  return results.some((r) => 'error' in r) ? 1 : 0;
}

async function ingestOne(db: Database, path: string, settings: CouncilSettings, args: IngestArgs, tokenizeMany: TokenizeMany, clock: StageClock): Promise<FileResult> {
  const file = basename(path);
  // Handed over, so that ingest keeps only the text of a large file once it is decoded.
  let bytes: HandedBytes;
  try {
    bytes = new HandedBytes(await readFile(path));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      file,
      error: {
        code: missing ? 'file_not_found' : 'unreadable_file',
        message: missing ? `ファイル ${path} が見つかりません。` : `ファイル ${path} を読めません: ${(error as Error).message}`,
      },
    };
  }
  const bar = new ProgressBar();
  let stage: IngestStage | null = null;
  try {
    return await ingestFile(db, bytes, {
      fileName: file,
      settings,
      piiMode: args.pii,
      ...(args.sheet === undefined ? {} : { sheet: args.sheet }),
      tokenizeMany,
      onProgress: (s, done, total) => {
        clock.mark(s);
        if (total < BAR_MIN_ROWS) return;
        if (s !== stage) bar.next();
        stage = s;
        bar.update(`${file} ${JOB_STAGE_LABELS[s]}`, done, total);
      },
    });
  } catch (error) {
    if (error instanceof IngestFatalError) return { file, error: { code: error.code, message: error.message } };
    writeDebugStack(error);
    return { file, error: INTERNAL_FILE_ERROR };
  } finally {
    bar.done();
  }
}

interface IngestArgs {
  files: string[];
  db: string | undefined;
  council: string | undefined;
  pii: PiiMode;
  /** The worksheet to read from each workbook given. */
  sheet: string | undefined;
  json: boolean;
}

function parseIngestArgs(argv: string[]): IngestArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        council: { type: 'string' },
        pii: { type: 'string', default: 'mask' },
        sheet: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('取り込む CSV ファイルか Excel ブック（.xlsx）を指定してください。');
  if (values.sheet !== undefined && values.sheet.trim() === '') throw new UsageError('--sheet にはシートの名前を指定してください。');
  if (values.pii !== 'mask' && values.pii !== 'reject') {
    throw new UsageError(`--pii には mask か reject を指定してください（指定された値: ${values.pii}）。`);
  }
  return { files: positionals, db: values.db, council: values.council, pii: values.pii, sheet: values.sheet, json: values.json ?? false };
}

export function fatal(json: boolean, error: { code: string; message: string }): number {
  if (json) process.stdout.write(`${JSON.stringify({ error })}\n`);
  else process.stderr.write(`エラー: ${error.message}\n`);
  return 1;
}
