import { createHash } from 'node:crypto';
import type { Database, Row, WriteScope } from '../db/database.ts';
import { appendRows } from '../db/append-rows.ts';
import { sqlFile } from '../db/sql-file.ts';
import { ConflictError } from '../domain-error.ts';
import { flatMapInSlices } from '../event-loop.ts';
import { NORMALISE_VERSION, normaliseText, storedOffset } from './normalise.ts';
import { extractTerms, type TermKind, type TermOptions } from './terms.ts';
import type { TextToken } from './text-tokens.ts';
import { TokenCache } from './token-cache.ts';
import type { TokenizeMany } from './tokenize-texts.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const FIND_UNINDEXED = sql('find-unindexed-cases.sql');
const READ_STATE = sql('read-index-state.sql');
const WRITE_STATE = sql('write-index-state.sql');
const RESET_TERMS = sql('reset-case-terms.sql');
const RESET_INDEXED = sql('reset-indexed-cases.sql');
const DROP_STALE = sql('drop-stale-terms.sql');
const CREATE_PAIRS = sql('create-indexing-pairs.sql');
const REPLACE_INDEXED = sql('replace-indexed.sql');
const MARK_INDEXED = sql('mark-indexed.sql');

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

/** Case versions indexed per write: between two, the council's decisions get their turn at the database. */
export const INDEX_CHUNK_CASES = 5000;

/**
 * Brings case_terms up to date with the current cases: finds the terms of every case
 * version not indexed yet (all of them when the dictionary or options changed), reusing
 * the tokens ingest stored. Cases are tokenised and their terms found outside any
 * transaction, and stored a chunk per write: each case version is marked indexed with its
 * terms, so a stop part-way leaves the rest for the next update.
 */
export async function updateTermIndex(
  db: Database,
  options: TermOptions,
  tokenizeMany: TokenizeMany,
  onProgress?: (done: number, total: number) => void,
  chunkCases = INDEX_CHUNK_CASES,
): Promise<IndexResult> {
  const hash = settingsHash(options);
  const { stored, cases } = await db.read(async (scope) => {
    const stored = (await scope.rows(READ_STATE))[0]?.settings_hash;
    return { stored, cases: await scope.rows(FIND_UNINDEXED, [stored !== hash]) };
  });
  const rebuilt = stored !== hash;
  if (cases.length === 0 && !rebuilt) return { cases: 0, terms: 0, tokenized: 0, rebuilt };
  const cells = cases.map(textCells);
  const total = cells.reduce((n, c) => n + c.length, 0);
  const cache = new TokenCache(db, tokenizeMany);
  let terms = 0;
  let done = 0;
  for (let from = 0; from === 0 || from < cases.length; from += chunkCases) {
    const chunk = cells.slice(from, from + chunkCases).flat();
    const tokens = await cache.tokensFor(chunk.map((cell) => cell.normalised.text), (d) => onProgress?.(done + d, total));
    done += chunk.length;
    const rows = await flatMapInSlices(chunk, (cell, i) => termRows(cell, tokens[i] ?? [], options));
    terms += rows.length;
    const first = from === 0;
    await db.write(async (scope) => {
      const now = (await scope.rows(READ_STATE))[0]?.settings_hash;
      if (now !== (first ? stored : hash)) throw new ConflictError('index_changed', '語の索引が分析の途中で作り直されました。もう一度分析してください。');
      if (first && rebuilt) {
        await scope.run(RESET_TERMS);
        await scope.run(RESET_INDEXED);
      }
      await storeChunk(scope, cases.slice(from, from + chunkCases), rows);
      await cache.writePending(scope);
      if (first) await scope.run(WRITE_STATE, [hash, new Date().toISOString()]);
      if (from + chunkCases >= cases.length) await scope.run(DROP_STALE);
    });
  }
  return { cases: cases.length, terms, tokenized: cache.tokenized, rebuilt };
}

interface Cell {
  recordId: string;
  version: number;
  field: TextColumn;
  normalised: ReturnType<typeof normaliseText>;
}

function textCells(row: Row): Cell[] {
  return TEXT_COLUMNS.flatMap((field) => {
    const value = row[field];
    return typeof value === 'string' && value !== '' ? [{ recordId: String(row.record_id), version: Number(row.version), field, normalised: normaliseText(value) }] : [];
  });
}

function termRows(cell: Cell, tokens: TextToken[], options: TermOptions): TermRow[] {
  return extractTerms(cell.normalised.text, tokens, options).map((t) => ({
    recordId: cell.recordId,
    version: cell.version,
    field: cell.field,
    term: t.term,
    kind: t.kind,
    start: storedOffset(cell.normalised, t.start),
    end: storedOffset(cell.normalised, t.end),
  }));
}

/** Replaces whatever is stored for these case versions by their terms, and marks them indexed. */
async function storeChunk(scope: WriteScope, cases: readonly Row[], rows: readonly TermRow[]): Promise<void> {
  await scope.run(CREATE_PAIRS);
  await appendRows(scope, 'indexing_pairs', cases, (a, r) => {
    a.appendVarchar(String(r.record_id));
    a.appendInteger(Number(r.version));
  }, { catalog: 'temp' });
  await scope.run(REPLACE_INDEXED);
  await appendRows(scope, 'case_terms', rows, (a, r) => {
    a.appendVarchar(r.recordId);
    a.appendInteger(r.version);
    a.appendVarchar(r.field);
    a.appendVarchar(r.term);
    a.appendVarchar(r.kind);
    a.appendInteger(r.start);
    a.appendInteger(r.end);
  });
  await scope.run(MARK_INDEXED);
}

function settingsHash(options: TermOptions): string {
  const content = JSON.stringify([
    NORMALISE_VERSION,
    EXTRACT_VERSION,
    options.shortageTerms,
    options.dictionary.entries,
    options.concepts?.entries ?? [],
    [...options.stopWords].sort(),
  ]);
  return createHash('sha256').update(content).digest('hex');
}
