import { createHash } from 'node:crypto';
import type { Database, Row, WriteScope } from '../db/database.ts';
import { appendRows } from '../db/append-rows.ts';
import { sqlFile } from '../db/sql-file.ts';
import { ConflictError } from '../domain-error.ts';
import { NORMALISE_VERSION } from './normalise.ts';
import type { TermOptions } from './terms.ts';
import { SHARED_MIN_TEXTS } from './term-finder.ts';
import { storeCellTerms, TextTerms, type StoredTerm, type TextCell } from './text-terms.ts';
import { TokenCache } from './token-cache.ts';
import type { TokenizeMany } from './tokenize-texts.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const UNINDEXED_PAGES = sql('unindexed-pages.sql');
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
 * the tokens ingest stored. Cases are read a chunk at a time, tokenised and their terms
 * found outside any transaction, and stored a chunk per write: each case version is marked
 * indexed with its terms, so a stop part-way leaves the rest for the next update.
 */
export async function updateTermIndex(
  db: Database,
  options: TermOptions,
  tokenizeMany: TokenizeMany,
  onProgress?: (done: number, total: number) => void,
  chunkCases = INDEX_CHUNK_CASES,
): Promise<IndexResult> {
  const hash = settingsHash(options);
  const { stored, pages } = await db.read(async (scope) => {
    const stored = (await scope.rows(READ_STATE))[0]?.settings_hash;
    return { stored, pages: (await scope.rows(UNINDEXED_PAGES, [stored !== hash, chunkCases])).map(toPage) };
  });
  const rebuilt = stored !== hash;
  if (pages.length === 0 && !rebuilt) return { cases: 0, terms: 0, tokenized: 0, rebuilt };
  const total = pages.reduce((n, p) => n + p.cells, 0);
  const cache = new TokenCache(db, tokenizeMany);
  const textTerms = new TextTerms(options, cache);
  if (total >= SHARED_MIN_TEXTS) textTerms.warm();
  let cases = 0;
  let terms = 0;
  let done = 0;
  // A chunk's terms are found while the write of the one before runs in DuckDB's threads:
  // from when its rows are appended, so that the two do not take turns on this thread.
  let writing: Promise<void> | null = null;
  try {
    for (let page = 0; page === 0 || page < pages.length; page++) {
      const chunk = await readPage(db, pages[page], rebuilt);
      const cells = chunk.flatMap(textCells);
      const found = await textTerms.termsOf(
        cells.map((cell) => cell.text),
        (d) => onProgress?.(done + d, total),
      );
      cases += chunk.length;
      done += cells.length;
      for (const cell of cells) terms += (found.get(cell.text) as StoredTerm[]).length;
      const first = page === 0;
      const last = page >= pages.length - 1;
      await writing;
      let appended = (): void => undefined;
      const staged = new Promise<void>((resolve) => (appended = resolve));
      writing = db.write(async (scope) => {
        const now = (await scope.rows(READ_STATE))[0]?.settings_hash;
        if (now !== (first ? stored : hash)) throw new ConflictError('index_changed', '語の索引が分析の途中で作り直されました。もう一度分析してください。');
        if (first && rebuilt) {
          await scope.run(RESET_TERMS);
          await scope.run(RESET_INDEXED);
        }
        await storeChunk(scope, chunk, cells, found, appended);
        await cache.writePending(scope);
        if (first) await scope.run(WRITE_STATE, [hash, new Date().toISOString()]);
        if (last) await scope.run(DROP_STALE);
      });
      // A failed write is awaited, and thrown, before the next one or below.
      await Promise.race([staged, writing.catch(() => undefined)]);
    }
    await writing;
  } finally {
    await writing?.catch(() => undefined);
    await textTerms.close();
  }
  return { cases, terms, tokenized: cache.tokenized, rebuilt };
}

/** Unindexed cases, read a page at a time (unindexed-pages.sql): a million cases' texts are too many to hold at once. */
interface Page {
  firstId: string;
  lastId: string;
  /** Text cells that are not empty, for the progress. */
  cells: number;
}

const toPage = (r: Row): Page => ({ firstId: String(r.first_id), lastId: String(r.last_id), cells: Number(r.cells) });

/** The unindexed case versions of a page, read when their turn comes; none when there is no page (a rebuild of an empty index). */
async function readPage(db: Database, page: Page | undefined, rebuilt: boolean): Promise<UnindexedCase[]> {
  if (page === undefined) return [];
  const found = await db.read((scope) => scope.rows(FIND_UNINDEXED, [rebuilt, page.firstId, page.lastId]));
  return JSON.parse(String(found[0]?.cases ?? '[]')) as UnindexedCase[];
}

/** A case version as find-unindexed-cases.sql gives it: its id, version, then its text columns in TEXT_COLUMNS' order. */
type UnindexedCase = [recordId: string, version: number, ...texts: Array<string | null>];

function textCells([recordId, version, ...texts]: UnindexedCase): TextCell[] {
  return TEXT_COLUMNS.flatMap((field, i) => {
    const value = texts[i];
    return typeof value === 'string' && value !== '' ? [{ recordId, version, field, text: value }] : [];
  });
}

/** Replaces whatever is stored for these case versions by their terms, and marks them indexed. */
async function storeChunk(
  scope: WriteScope,
  cases: readonly UnindexedCase[],
  cells: readonly TextCell[],
  found: ReadonlyMap<string, readonly StoredTerm[]>,
  appended: () => void,
): Promise<void> {
  await scope.run(CREATE_PAIRS);
  await appendRows(scope, 'indexing_pairs', cases, (a, [recordId, version]) => {
    a.appendVarchar(recordId);
    a.appendInteger(version);
  }, { catalog: 'temp' });
  await scope.run(REPLACE_INDEXED);
  await storeCellTerms(scope, cells, found, appended);
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
