import { createHash } from 'node:crypto';
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import { appendRows } from '../db/append-rows.ts';
import type { Database, WriteScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { NORMALISE_VERSION } from './normalise.ts';
import { findPersonNames, NAME_RULES_VERSION, type NameSpan } from './person-names.ts';
import type { TextToken } from './text-tokens.ts';
import { decodeTokens, encodeTokens } from './token-encoding.ts';
import { tokenizeNormalised, type TokenizeMany } from './tokenize-texts.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const CREATE_TOKEN_STAGING = sql('create-token-staging.sql');
const CREATE_NAMES_STAGING = sql('create-names-staging.sql');
const FIND_TOKENS = sql('find-cached-tokens.sql');
const FIND_NAMES = sql('find-cached-names.sql');
const INSERT_TOKENS = sql('insert-staged-tokens.sql');
const INSERT_NAMES = sql('insert-staged-names.sql');
const DROP_STAGING = sql('drop-staging.sql');

/** Texts tokenised at once when only their names are wanted. */
const TOKENIZE_CHUNK = 4_000;

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
 * before, from the tokenizer otherwise. New entries wait here, encoded, until the
 * caller's write runs `writePending`: a failed upload leaves no trace. Tokens of a text
 * in which names were found are never stored: they hold the names in clear.
 */
export class TokenCache {
  /** Texts this cache had to tokenise. */
  tokenized = 0;
  private readonly pendingTokens = new Map<string, string>();
  private readonly pendingNames = new Map<string, string>();
  /**
   * What the last `writePending` stored: until the next write begins, that write may not
   * have committed yet, and a read running beside it would not see them.
   */
  private writtenTokens = new Map<string, string>();
  private writtenNames = new Map<string, string>();

  constructor(
    private readonly db: Pick<Database, 'read'>,
    private readonly tokenizeMany: TokenizeMany,
  ) {}

  tokensFor(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<TextToken[][]> {
    return this.tokensForKeys(textKeys(texts), texts, onProgress);
  }

  /** tokensFor, the texts' keys already known. */
  private async tokensForKeys(keys: readonly string[], texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<TextToken[][]> {
    const textOf = new Map(keys.map((key, i) => [key, texts[i] as string]));
    const known = new Map<string, TextToken[]>();
    for (const [hash, value] of await this.lookUp(keys, [this.pendingTokens, this.writtenTokens], (list) => [FIND_TOKENS, [list]])) known.set(hash, decodeTokens(value, textOf.get(hash) as string));
    const missing = new Map<string, string>();
    keys.forEach((key, i) => {
      if (!known.has(key)) missing.set(key, texts[i] as string);
    });
    const fresh = await tokenizeNormalised([...missing.values()], this.tokenizeMany, onProgress);
    [...missing.keys()].forEach((hash, i) => {
      const tokens = fresh[i] ?? [];
      known.set(hash, tokens);
      this.pendingTokens.set(hash, encodeTokens(tokens));
    });
    this.tokenized += missing.size;
    return keys.map((key) => known.get(key) ?? []);
  }

  /**
   * The tokens of each text as the cache keeps them, encoded: a caller that decodes one
   * text at a time, uses its tokens and drops them holds no more than that text's.
   */
  async encodedTokensFor(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<string[]> {
    const keys = textKeys(texts);
    const known = await this.lookUp(keys, [this.pendingTokens, this.writtenTokens], (list) => [FIND_TOKENS, [list]]);
    const missing = [...new Set(texts.filter((_, i) => !known.has(keys[i] as string)))];
    if (missing.length > 0) await this.tokensFor(missing, onProgress);
    return keys.map((key) => known.get(key) ?? this.pendingTokens.get(key) ?? this.writtenTokens.get(key) ?? '');
  }

  /**
   * Person names of each text (spans in the normalised text). Known texts are looked up
   * in one query; the others are tokenised in chunks, so that only one chunk's tokens are
   * ever held as objects.
   */
  async namesFor(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<NameSpan[][]> {
    const keys = textKeys(texts);
    const known = new Map<string, NameSpan[]>();
    const found = await this.lookUp(keys, [this.pendingNames, this.writtenNames], (list) => [FIND_NAMES, [NAME_RULES_VERSION, list]]);
    for (const [hash, value] of found) known.set(hash, JSON.parse(value) as NameSpan[]);
    const textOf = new Map(keys.map((k, i) => [k, texts[i] as string]));
    const unknown = [...new Set(keys.filter((k) => !known.has(k)))];
    const distinct = known.size + unknown.length;
    onProgress?.(known.size, distinct);
    const chunks: string[][] = [];
    for (let from = 0; from < unknown.length; from += TOKENIZE_CHUNK) chunks.push(unknown.slice(from, from + TOKENIZE_CHUNK));
    const tokenize = (chunk: readonly string[]) => {
      const tokens = this.tokensForKeys(chunk, chunk.map((k) => textOf.get(k) as string));
      // Awaited below; should the chunk before it fail first, its own failure is not left unhandled.
      tokens.catch(() => undefined);
      return tokens;
    };
    // The next chunk is with the tokenizer while this thread reads the one before.
    let ahead = chunks.length > 0 ? tokenize(chunks[0]!) : null;
    let done = known.size;
    for (let c = 0; c < chunks.length; c++) {
      const current = ahead!;
      ahead = c + 1 < chunks.length ? tokenize(chunks[c + 1]!) : null;
      const tokens = await current;
      chunks[c]!.forEach((hash, i) => {
        const names = findPersonNames(tokens[i] ?? []);
        known.set(hash, names);
        this.pendingNames.set(hash, JSON.stringify(names));
      });
      done += chunks[c]!.length;
      onProgress?.(done, distinct);
    }
    return keys.map((key) => known.get(key) ?? []);
  }

  /** Stores the new entries, inside the caller's write. */
  async writePending(scope: WriteScope): Promise<void> {
    // Writes run one after another: the one before this has committed.
    this.writtenTokens = new Map();
    this.writtenNames = new Map();
    if (this.pendingTokens.size === 0 && this.pendingNames.size === 0) return;
    const pendingTokens = [...this.pendingTokens];
    const pendingNames = [...this.pendingNames];
    const holdsNames = (hash: string) => {
      const names = this.pendingNames.get(hash);
      return names !== undefined && names !== '[]';
    };
    await scope.run(CREATE_TOKEN_STAGING);
    await scope.run(CREATE_NAMES_STAGING);
    const tokens = pendingTokens.filter(([hash]) => !holdsNames(hash));
    await appendRows(scope, 'token_staging', tokens, (a, [hash, value]) => {
      a.appendVarchar(hash);
      a.appendVarchar(value);
    }, { catalog: 'temp' });
    await appendRows(scope, 'names_staging', pendingNames, (a, [hash, value]) => {
      a.appendVarchar(hash);
      a.appendVarchar(value);
      a.appendInteger(NAME_RULES_VERSION);
    }, { catalog: 'temp' });
    await scope.run(INSERT_TOKENS);
    await scope.run(INSERT_NAMES);
    await scope.run(DROP_STAGING);
    for (const [hash, value] of pendingTokens) {
      this.pendingTokens.delete(hash);
      this.writtenTokens.set(hash, value);
    }
    for (const [hash, value] of pendingNames) {
      this.pendingNames.delete(hash);
      this.writtenNames.set(hash, value);
    }
  }

  /** Entries made earlier by this cache, then those stored, for the distinct keys. */
  private async lookUp(
    keys: readonly string[],
    [pending, written]: ReadonlyArray<ReadonlyMap<string, string>>,
    query: (list: DuckDBValue) => [string, DuckDBValue[]],
  ): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const asked: string[] = [];
    for (const key of new Set(keys)) {
      const value = pending?.get(key) ?? written?.get(key);
      if (value === undefined) asked.push(key);
      else found.set(key, value);
    }
    if (asked.length === 0) return found;
    const [statement, params] = query(listValue(asked));
    const rows = await this.db.read((scope) => scope.rows(statement, params));
    for (const r of rows) found.set(String(r.text_hash), String(r.value));
    return found;
  }
}
