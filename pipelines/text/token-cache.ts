import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import { appendRows } from '../db/append-rows.ts';
import { sqlFile } from '../db/sql-file.ts';
import { NORMALISE_VERSION } from './normalise.ts';
import { findPersonNames, NAME_RULES_VERSION, type NameSpan } from './person-names.ts';
import { decodeTokens, encodeTokens, type TextToken } from './text-tokens.ts';
import { tokenizeNormalised, type TokenizeMany } from './tokenize-texts.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const CREATE_KEYS = sql('create-token-keys.sql');
const CREATE_TOKEN_STAGING = sql('create-token-staging.sql');
const CREATE_NAMES_STAGING = sql('create-names-staging.sql');
const FIND_TOKENS = sql('find-cached-tokens.sql');
const FIND_NAMES = sql('find-cached-names.sql');
const INSERT_TOKENS = sql('insert-staged-tokens.sql');
const INSERT_NAMES = sql('insert-staged-names.sql');
const CLEAR_TOKENS = sql('clear-staging.sql');
const CLEAR_NAMES = sql('clear-names-staging.sql');

/** Texts tokenised at once when only their names are wanted. */
const TOKENIZE_CHUNK = 20_000;

/** Changes whenever the same text could tokenise differently. */
const TOKENIZER_ID = 'kuromoji-0.1.2-ipadic';

export function textKey(normalised: string): string {
  return createHash('sha256').update(`${NORMALISE_VERSION}\u0000${TOKENIZER_ID}\u0000${normalised}`).digest('hex');
}

/** Keys of many texts, hashing each distinct text once (notes repeat themselves a lot). */
function textKeys(texts: readonly string[]): string[] {
  const seen = new Map<string, string>();
  return texts.map((text) => {
    let key = seen.get(text);
    if (key === undefined) {
      key = textKey(text);
      seen.set(text, key);
    }
    return key;
  });
}

/**
 * Tokens and person names of normalised texts: from the database when a text was seen
 * before, from the tokenizer otherwise. New entries go to temporary staging tables as
 * they are made (so memory stays flat) and reach the cache only when the caller's
 * transaction runs `writePending`: a failed upload leaves no trace.
 */
export class TokenCache {
  /** Texts this cache had to tokenise. */
  tokenized = 0;
  private ready = false;

  constructor(
    private readonly db: Database,
    private readonly tokenizeMany: TokenizeMany,
  ) {}

  async tokensFor(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<TextToken[][]> {
    await this.prepare();
    const keys = textKeys(texts);
    const known = new Map<string, TextToken[]>();
    for (const row of await this.lookUp(keys, FIND_TOKENS)) known.set(row.hash, decodeTokens(row.value));
    const missing = new Map<string, string>();
    keys.forEach((key, i) => {
      if (!known.has(key)) missing.set(key, texts[i] as string);
    });
    const fresh = await tokenizeNormalised([...missing.values()], this.tokenizeMany, onProgress);
    const entries = [...missing.keys()].map((hash, i) => ({ hash, tokens: fresh[i] ?? [] }));
    for (const e of entries) known.set(e.hash, e.tokens);
    await appendRows(this.db.connection, 'token_staging', entries, (a, e) => {
      a.appendVarchar(e.hash);
      a.appendVarchar(encodeTokens(e.tokens));
    }, { catalog: 'temp' });
    this.tokenized += missing.size;
    return keys.map((key) => known.get(key) ?? []);
  }

  /**
   * Person names of each text (spans in the normalised text). Known texts are looked up
   * in one query; the others are tokenised in chunks, so that only one chunk's tokens are
   * ever held.
   */
  async namesFor(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<NameSpan[][]> {
    await this.prepare();
    const keys = textKeys(texts);
    const known = new Map<string, NameSpan[]>();
    for (const row of await this.lookUp(keys, FIND_NAMES, [NAME_RULES_VERSION])) known.set(row.hash, JSON.parse(row.value) as NameSpan[]);
    const textOf = new Map(keys.map((k, i) => [k, texts[i] as string]));
    const unknown = [...new Set(keys.filter((k) => !known.has(k)))];
    const distinct = known.size + unknown.length;
    onProgress?.(known.size, distinct);
    for (let from = 0; from < unknown.length; from += TOKENIZE_CHUNK) {
      const chunk = unknown.slice(from, from + TOKENIZE_CHUNK);
      const tokens = await this.tokensFor(chunk.map((k) => textOf.get(k) as string));
      const entries = chunk.map((hash, i) => ({ hash, names: findPersonNames(tokens[i] ?? []) }));
      for (const e of entries) known.set(e.hash, e.names);
      await appendRows(this.db.connection, 'names_staging', entries, (a, e) => {
        a.appendVarchar(e.hash);
        a.appendVarchar(JSON.stringify(e.names));
        a.appendInteger(NAME_RULES_VERSION);
      }, { catalog: 'temp' });
      onProgress?.(distinct - unknown.length + from + chunk.length, distinct);
    }
    return keys.map((key) => known.get(key) ?? []);
  }

  /** Moves staged entries into the cache; inside the caller's transaction when it has one. */
  async writePending(connection: DuckDBConnection = this.db.connection): Promise<void> {
    if (!this.ready) return;
    await connection.run(INSERT_TOKENS);
    await connection.run(INSERT_NAMES);
    await connection.run(CLEAR_TOKENS);
    await connection.run(CLEAR_NAMES);
  }

  private async prepare(): Promise<void> {
    if (this.ready) return;
    await this.db.connection.run(CREATE_TOKEN_STAGING);
    await this.db.connection.run(CREATE_NAMES_STAGING);
    await this.db.connection.run(CLEAR_TOKENS);
    await this.db.connection.run(CLEAR_NAMES);
    this.ready = true;
  }

  private async lookUp(keys: readonly string[], query: string, params: number[] = []): Promise<Array<{ hash: string; value: string }>> {
    const distinct = [...new Set(keys)];
    if (distinct.length === 0) return [];
    const c = this.db.connection;
    await c.run(CREATE_KEYS);
    await appendRows(c, 'token_keys', distinct, (a, key) => a.appendVarchar(key), { catalog: 'temp' });
    const rows = (await c.runAndReadAll(query, params)).getRowObjectsJson();
    return rows.map((r) => ({ hash: String(r.text_hash), value: String(r.value) }));
  }
}
