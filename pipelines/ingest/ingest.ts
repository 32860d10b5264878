import type { Database } from '../db/database.ts';
import { TokenCache } from '../text/token-cache.ts';
import type { TokenizeMany } from '../text/tokenize-texts.ts';
import { fileKind } from './file-kind.ts';
import type { IngestOptions, IngestOutcome } from './ingest-file.ts';
import { ingestWorkbookBytes } from './ingest-workbook.ts';
import { guardNames } from './name-guard.ts';
import { ingestBytesInParallel } from './parallel-check.ts';
import type { WriteScope } from '../db/database.ts';
import { storeUpload, type IngestReport } from './store-upload.ts';
import { localDay } from '../../shared/local-day.ts';

export type IngestStage = 'parse' | 'validate' | 'tokenize' | 'store';

export interface IngestRunOptions extends Omit<IngestOptions, 'onProgress' | 'today'> {
  /** The tokenizer (a worker pool, or in-process for small work). */
  tokenizeMany: TokenizeMany;
  now?: Date;
  uploadedBy?: string | null;
  onProgress?: (stage: IngestStage, done: number, total: number) => void;
  /** Further writes that belong to the upload (its audit entry), inside its write. */
  alsoStore?: (scope: WriteScope, report: IngestReport) => Promise<void>;
}

/**
 * One file through the whole ingest: checks in memory, names found by the tokenizer
 * (reading the token cache), then one write that also keeps the new texts' tokens.
 */
export async function ingestFile(db: Database, bytes: Uint8Array, options: IngestRunOptions): Promise<IngestReport> {
  const now = options.now ?? new Date();
  const outcome = await checkUpload(bytes, {
    ...options,
    today: localDay(now),
    onProgress: (p) => options.onProgress?.(p.stage, p.done, p.total),
  });
  const cache = new TokenCache(db, options.tokenizeMany);
  const guarded = await guardNames(outcome, (texts, onProgress) => cache.namesFor(texts, onProgress), options.piiMode, (done, total) =>
    options.onProgress?.('tokenize', done, total),
  );
  return db.write((scope) =>
    storeUpload(scope, guarded, {
      piiMode: options.piiMode,
      councilName: options.settings.name,
      now,
      uploadedBy: options.uploadedBy ?? null,
      onProgress: (done, total) => options.onProgress?.('store', done, total),
      alsoStore: async (inner, report) => {
        await cache.writePending(inner);
        await options.alsoStore?.(inner, report);
      },
    }),
  );
}

/** A file's checks, by what its content is: an Excel workbook, or CSV text. */
export async function checkUpload(bytes: Uint8Array, options: IngestOptions): Promise<IngestOutcome> {
  return fileKind(bytes) === 'workbook' ? ingestWorkbookBytes(bytes, options) : ingestBytesInParallel(bytes, options);
}
