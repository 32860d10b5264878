import { readFileSync } from 'node:fs';
import { DEFAULT_COUNCIL } from '../../pipelines/council/settings.ts';
import type { Database } from '../../pipelines/db/database.ts';
import { ingestFile } from '../../pipelines/ingest/ingest.ts';
import { tokenizeInProcess } from '../../pipelines/text/tokenize-in-process.ts';
import { generateCases, type GeneratedCase } from '../../fixtures/generator/generate.ts';
import { renderCsv } from '../../fixtures/generator/write-csv.ts';

/** Generated cases, with their planted labels by record id. */
export function generated(rows: number, seed: number): { cases: GeneratedCase[]; labels: Map<string, string> } {
  const cases = [...generateCases({ rows, seed })];
  return { cases, labels: new Map(cases.map((c) => [c.record.記録ID, c.label])) };
}

/** Loads generated cases through the real ingest. */
export async function ingestCases(db: Database, cases: readonly GeneratedCase[]): Promise<void> {
  const { csv } = renderCsv(cases, 'utf-8');
  await ingestFile(db, new Uint8Array(csv), {
    fileName: 'generated.csv',
    settings: DEFAULT_COUNCIL,
    piiMode: 'mask',
    tokenizeMany: tokenizeInProcess,
    now: new Date('2026-11-21T09:00:00Z'),
  });
}

export const demoBytes = () => readFileSync(new URL('../../fixtures/demo.csv', import.meta.url));
