import type { Database, ReadScope, WriteScope } from '../db/database.ts';
import { TokenCache } from '../text/token-cache.ts';
import type { TokenizeMany } from '../text/tokenize-texts.ts';
import { fileKind } from './file-kind.ts';
import { fileParts } from './file-parts.ts';
import type { IngestOptions, IngestOutcome } from './ingest-file.ts';
import { ingestWorkbookBytes } from './ingest-workbook.ts';
import { guardNames } from './name-guard.ts';
import { CheckWorkers, ingestBytesInParallel } from './parallel-check.ts';
import { StagedUpload, type IngestReport } from './store-upload.ts';
import { collectGarbage } from '../collect-garbage.ts';
import { markStage } from '../stage-marks.ts';
import { localDay } from '../../shared/local-day.ts';
import type { JobStage } from '../../shared/vocabulary.ts';

export type IngestStage = Extract<JobStage, 'parse' | 'validate' | 'tokenize' | 'store' | 'ingest'>;

export interface IngestRunOptions extends Omit<IngestOptions, 'onProgress' | 'today'> {
  /** The tokenizer (a worker pool, or in-process for small work). */
  tokenizeMany: TokenizeMany;
  now?: Date;
  uploadedBy?: string | null;
  /** A file read in one stretch reports each stage; a larger one its lines done, as `ingest`. */
  onProgress?: (stage: IngestStage, done: number, total: number) => void;
  /** Further writes that belong to the upload (its audit entry), inside its write. */
  alsoStore?: (scope: WriteScope, report: IngestReport) => Promise<void>;
  /** Bytes of CSV handled at a time (tests set it small to cut a file into many stretches). */
  partBytes?: number;
}

/**
 * One file through the whole ingest, in one write: a stretch at a time, its rows are
 * checked, the names the tokenizer finds in them masked (reading and filling the token
 * cache) and the records staged; then all are compared with what is stored and kept.
 * A failure part-way, or a kill, leaves the database as it was.
 */
export async function ingestFile(db: Database, bytes: Uint8Array, options: IngestRunOptions): Promise<IngestReport> {
  const now = options.now ?? new Date();
  const progress = (stage: IngestStage, done: number, total: number) => options.onProgress?.(stage, done, total);
  const workers = new CheckWorkers();
  try {
    return await db.write(async (scope) => {
      const cache = new TokenCache(readingWithin(scope), options.tokenizeMany);
      const upload = StagedUpload.begin(scope, now);
      let last: IngestOutcome | null = null;
      const parts = fileParts(bytes, { ...options, today: localDay(now), onProgress: (p) => progress(p.stage, p.done, p.total) }, workers, options.partBytes);
      for await (const { outcome, throughLine, lines, streamed } of parts) {
        const step = (stage: IngestStage) => (done: number, total: number) => (streamed ? undefined : progress(stage, done, total));
        markStage('tokenize');
        const guarded = await guardNames(outcome, (texts, onProgress) => cache.namesFor(texts, onProgress), options.piiMode, step('tokenize'));
        markStage('store');
        await upload.add(guarded, step('store'));
        await cache.writePending(scope);
        if (streamed) progress('ingest', throughLine, lines);
        last = guarded;
        if (streamed) collectGarbage();
      }
      return upload.finish(last!, {
        piiMode: options.piiMode,
        councilName: options.settings.name,
        now,
        uploadedBy: options.uploadedBy ?? null,
        alsoStore: options.alsoStore,
      });
    });
  } finally {
    await workers.close();
  }
}

/** Reads for the token cache inside the upload's write, so that it sees what the upload stored so far. */
function readingWithin(scope: WriteScope): Pick<Database, 'read'> {
  return { read: <T>(work: (scope: ReadScope) => Promise<T>) => work(scope) };
}

/** A file's checks, by what its content is: an Excel workbook, or CSV text. */
export async function checkUpload(bytes: Uint8Array, options: IngestOptions): Promise<IngestOutcome> {
  return fileKind(bytes) === 'workbook' ? ingestWorkbookBytes(bytes, options) : ingestBytesInParallel(bytes, options);
}
