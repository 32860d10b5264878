import type { Database } from '../db/database.ts';
import type { IngestOptions } from './ingest-file.ts';
import { ingestBytesInParallel } from './parallel-check.ts';
import { storeUpload, type IngestReport } from './store-upload.ts';

export type IngestStage = 'parse' | 'validate' | 'store';

export interface IngestRunOptions extends Omit<IngestOptions, 'onProgress' | 'today'> {
  now?: Date;
  onProgress?: (stage: IngestStage, done: number, total: number) => void;
}

/** One file through the whole ingest: checks in memory, then one transaction. */
export async function ingestFile(db: Database, bytes: Uint8Array, options: IngestRunOptions): Promise<IngestReport> {
  const now = options.now ?? new Date();
  const outcome = await ingestBytesInParallel(bytes, {
    ...options,
    today: localIsoDate(now),
    onProgress: (p) => options.onProgress?.(p.stage, p.done, p.total),
  });
  return storeUpload(db, outcome, {
    piiMode: options.piiMode,
    councilName: options.settings.name,
    now,
    onProgress: (done, total) => options.onProgress?.('store', done, total),
  });
}

function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
