import type { Database, ReadScope, WriteScope } from '../db/database.ts';
import { TokenCache } from '../text/token-cache.ts';
import type { TokenizeMany } from '../text/tokenize-texts.ts';
import { fileParts, type FilePart } from './file-parts.ts';
import type { IngestOptions, IngestProgress } from './ingest-file.ts';
import { guardNames } from './name-guard.ts';
import { CheckWorkers } from './parallel-check.ts';
import { StagedUpload, type IngestReport } from './store-upload.ts';
import type { UploadBytes } from './upload-bytes.ts';
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
 * One file through the whole ingest. Its rows are checked, the names the tokenizer finds
 * in them masked (reading and filling the token cache), and its new and changed records
 * stored in one write, so a failure part-way, or a kill, leaves the database as it was.
 * A file of one stretch is checked and guarded before its write begins, leaving the
 * database to the council's decisions meanwhile; a larger one holds its write while it
 * goes through stretch by stretch, so that no more than a stretch is ever held here.
 */
export async function ingestFile(db: Database, bytes: UploadBytes, options: IngestRunOptions): Promise<IngestReport> {
  const now = options.now ?? new Date();
  const progress = (stage: IngestStage, done: number, total: number) => options.onProgress?.(stage, done, total);
  const workers = new CheckWorkers();
  const checkOptions = { ...options, today: localDay(now), onProgress: (p: IngestProgress) => progress(p.stage, p.done, p.total) };
  const parts = fileParts(bytes, checkOptions, workers, options.partBytes);
  const guard = (cache: TokenCache, part: FilePart) => {
    markStage('tokenize');
    const onProgress = part.streamed ? undefined : (done: number, total: number) => progress('tokenize', done, total);
    return guardNames(part.outcome, (texts, p) => cache.namesFor(texts, p), options.piiMode, onProgress);
  };
  const storeOptions = { piiMode: options.piiMode, councilName: options.settings.name, now, uploadedBy: options.uploadedBy ?? null, alsoStore: options.alsoStore };
  try {
    const first = (await parts.next()).value as FilePart;
    if (!first.streamed) {
      const cache = new TokenCache(db, options.tokenizeMany);
      const guarded = await guard(cache, first);
      return await db.write(async (scope) => {
        const upload = StagedUpload.begin(scope, now);
        markStage('store');
        await upload.add(guarded, (done, total) => progress('store', done, total));
        await cache.writePending(scope);
        return upload.finish(guarded, storeOptions);
      });
    }
    return await db.write(async (scope) => {
      const cache = new TokenCache(readingWithin(scope), options.tokenizeMany);
      const upload = StagedUpload.begin(scope, now);
      let last = first.outcome;
      for (let part: FilePart | undefined = first; part; part = (await parts.next()).value as FilePart | undefined) {
        const guarded = await guard(cache, part);
        markStage('store');
        await upload.add(guarded);
        await cache.writePending(scope);
        progress('ingest', part.throughLine, part.lines);
        last = guarded;
        collectGarbage();
      }
      return upload.finish(last, storeOptions);
    });
  } finally {
    await workers.close();
  }
}

/** Reads for the token cache inside the upload's write, so that it sees what the upload stored so far. */
function readingWithin(scope: WriteScope): Pick<Database, 'read'> {
  return { read: <T>(work: (scope: ReadScope) => Promise<T>) => work(scope) };
}
