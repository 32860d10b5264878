import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import { appendRows } from '../db/append-rows.ts';
import { sqlFile } from '../db/sql-file.ts';
import { NORMALISE_VERSION } from './normalise.ts';
import { decodeTokens, encodeTokens, type TextToken } from './text-tokens.ts';
import { tokenizeNormalised, type TokenizeMany } from './tokenize-texts.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const CREATE_KEYS = sql('create-token-keys.sql');
const FIND_CACHED = sql('find-cached-tokens.sql');
const CREATE_STAGING = sql('create-token-staging.sql');
const INSERT_STAGED = sql('insert-staged-tokens.sql');

/** Changes whenever the same text could tokenise differently. */
const TOKENIZER_ID = 'kuromoji-0.1.2-ipadic';

export function textKey(normalised: string): string {
  return createHash('sha256').update(`${NORMALISE_VERSION}\u0000${TOKENIZER_ID}\u0000${normalised}`).digest('hex');
}

export interface CachedEntry {
  hash: string;
  tokens: string;
}

/**
 * Tokens of normalised texts: from the database when a text was tokenised before,
 * from the tokenizer otherwise. New entries wait in `pending` until the caller writes
 * them, so that an upload stores its tokens in its own transaction.
 */
export class TokenCache {
  readonly pending: CachedEntry[] = [];
  tokenized = 0;
  reused = 0;

  constructor(
    private readonly db: Database,
    private readonly tokenizeMany: TokenizeMany,
  ) {}

  async tokensFor(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<TextToken[][]> {
    const keys = texts.map(textKey);
    const known = new Map<string, TextToken[]>();
    for (const entry of this.pending) known.set(entry.hash, decodeTokens(entry.tokens));
    for (const entry of await this.lookUp([...new Set(keys)].filter((k) => !known.has(k)))) {
      known.set(entry.hash, decodeTokens(entry.tokens));
    }
    const missing = new Map<string, string>();
    keys.forEach((key, i) => {
      if (!known.has(key)) missing.set(key, texts[i] as string);
    });
    this.reused += keys.length - [...keys].filter((k) => missing.has(k)).length;
    const fresh = await tokenizeNormalised([...missing.values()], this.tokenizeMany, onProgress);
    [...missing.keys()].forEach((key, i) => {
      const tokens = fresh[i] ?? [];
      known.set(key, tokens);
      this.pending.push({ hash: key, tokens: encodeTokens(tokens) });
    });
    this.tokenized += missing.size;
    return keys.map((key) => known.get(key) ?? []);
  }

  /** Writes pending entries; inside the caller's transaction when it has one open. */
  async writePending(connection: DuckDBConnection = this.db.connection): Promise<number> {
    const entries = this.pending.splice(0);
    if (entries.length === 0) return 0;
    await connection.run(CREATE_STAGING);
    await appendRows(connection, 'token_staging', entries, (a, e) => {
      a.appendVarchar(e.hash);
      a.appendVarchar(e.tokens);
    }, { catalog: 'temp' });
    await connection.run(INSERT_STAGED);
    await connection.run('DROP TABLE temp.token_staging');
    return entries.length;
  }

  private async lookUp(keys: readonly string[]): Promise<CachedEntry[]> {
    if (keys.length === 0) return [];
    const c = this.db.connection;
    await c.run(CREATE_KEYS);
    await appendRows(c, 'token_keys', keys, (a, key) => a.appendVarchar(key), { catalog: 'temp' });
    const rows = (await c.runAndReadAll(FIND_CACHED)).getRowObjectsJson();
    await c.run('DROP TABLE temp.token_keys');
    return rows.map((r) => ({ hash: String(r.text_hash), tokens: String(r.tokens) }));
  }
}
