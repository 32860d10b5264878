import { createHash } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { appendRows } from '../db/append-rows.ts';
import { sqlFile } from '../db/sql-file.ts';
import { inTransaction } from '../db/transaction.ts';
import { NORMALISE_VERSION, normaliseText, storedOffset } from './normalise.ts';
import { extractTerms, type TermKind, type TermOptions } from './terms.ts';
import { TokenCache } from './token-cache.ts';
import type { TokenizeMany } from './tokenize-texts.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const FIND_UNINDEXED = sql('find-unindexed-cases.sql');
const READ_STATE = sql('read-index-state.sql');
const WRITE_STATE = sql('write-index-state.sql');
const RESET_TERMS = sql('reset-case-terms.sql');
const RESET_INDEXED = sql('reset-indexed-cases.sql');
const DROP_STALE = sql('drop-stale-terms.sql');

/** Bumped whenever extractTerms would find other terms in the same tokens. */
const EXTRACT_VERSION = 3;

export const TEXT_COLUMNS = ['consultation', 'problem', 'support', 'regional_note'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];

interface TermRow {
  recordId: string;
  version: number;
  field: TextColumn;
  term: string;
  kind: TermKind;
  start: number;
  end: number;
}

export interface IndexResult {
  cases: number;
  terms: number;
  tokenized: number;
  rebuilt: boolean;
}

/**
 * Brings case_terms up to date with the current cases: finds the terms of every case
 * version not indexed yet (all of them when the dictionary or options changed), reusing
 * the tokens ingest stored, and writes them in one transaction.
 */
export async function updateTermIndex(
  db: Database,
  options: TermOptions,
  tokenizeMany: TokenizeMany,
  onProgress?: (done: number, total: number) => void,
): Promise<IndexResult> {
  const c = db.connection;
  const hash = settingsHash(options);
  const stored = (await c.runAndReadAll(READ_STATE)).getRowObjectsJson()[0]?.settings_hash;
  const rebuilt = stored !== hash;
  return inTransaction(c, async () => {
    if (rebuilt) {
      await c.run(RESET_TERMS);
      await c.run(RESET_INDEXED);
    }
    const cases = (await c.runAndReadAll(FIND_UNINDEXED)).getRowObjectsJson();
    const cells = cases.flatMap((row) =>
      TEXT_COLUMNS.flatMap((field) => {
        const value = row[field];
        return typeof value === 'string' && value !== ''
          ? [{ recordId: String(row.record_id), version: Number(row.version), field, normalised: normaliseText(value) }]
          : [];
      }),
    );
    const cache = new TokenCache(db, tokenizeMany);
    const tokens = await cache.tokensFor(
      cells.map((cell) => cell.normalised.text),
      onProgress,
    );
    const rows: TermRow[] = cells.flatMap((cell, i) =>
      extractTerms(cell.normalised.text, tokens[i] ?? [], options).map((t) => ({
        recordId: cell.recordId,
        version: cell.version,
        field: cell.field,
        term: t.term,
        kind: t.kind,
        start: storedOffset(cell.normalised, t.start),
        end: storedOffset(cell.normalised, t.end),
      })),
    );
    await appendRows(c, 'case_terms', rows, (a, r) => {
      a.appendVarchar(r.recordId);
      a.appendInteger(r.version);
      a.appendVarchar(r.field);
      a.appendVarchar(r.term);
      a.appendVarchar(r.kind);
      a.appendInteger(r.start);
      a.appendInteger(r.end);
    });
    await appendRows(c, 'indexed_cases', cases, (a, r) => {
      a.appendVarchar(String(r.record_id));
      a.appendInteger(Number(r.version));
    });
    await c.run(DROP_STALE);
    const tokenized = cache.tokenized;
    await cache.writePending(c);
    await c.run(WRITE_STATE, [hash, new Date().toISOString()]);
    return { cases: cases.length, terms: rows.length, tokenized, rebuilt };
  });
}

function settingsHash(options: TermOptions): string {
  const content = JSON.stringify([
    NORMALISE_VERSION,
    EXTRACT_VERSION,
    options.shortageTerms,
    options.dictionary.entries,
    [...options.stopWords].sort(),
  ]);
  return createHash('sha256').update(content).digest('hex');
}
