import type { DuckDBAppender, DuckDBConnection, DuckDBDataChunk, DuckDBResultReader, DuckDBValue } from '@duckdb/node-api';

export type Row = Record<string, unknown>;
export type Params = DuckDBValue[];

/**
 * What a read sees: one connection inside one read-only transaction, so every statement
 * of the read answers from the same snapshot. Statements run one at a time even when the
 * work starts several at once.
 */
export interface ReadScope {
  /** The rows as plain JSON-friendly objects (big integers as strings). */
  rows(sql: string, params?: Params): Promise<Row[]>;
  /** The whole result, for reading it by column (Arrow). */
  result(sql: string, params?: Params): Promise<DuckDBResultReader>;
  /**
   * The result streamed a chunk (at most 2,048 rows) at a time, each handed to `visit`
   * before the next is fetched: a large result is read without ever being held whole.
   */
  eachChunk(sql: string, params: Params, visit: (chunk: DuckDBDataChunk) => void): Promise<void>;
  /** How many values the statements bind: parses and plans them against the schema without running them. */
  parameterCount(sql: string): Promise<number>;
}

/** What a write may do: everything a read may, plus change the database, inside its one transaction. */
export interface WriteScope extends ReadScope {
  run(sql: string, params?: Params): Promise<void>;
  /** An appender on a table (`temp` catalog for a temporary table of this write). */
  appender(table: string, catalog?: 'temp'): Promise<DuckDBAppender>;
}

/** Thrown when a scope is used after its read or write has ended: a promise escaped the work. */
export class ScopeEndedError extends Error {
  override name = 'ScopeEndedError';
}

/** One connection lent to one read or write, for as long as its work runs. */
export class ConnectionScope implements WriteScope {
  private queue: Promise<unknown> = Promise.resolve();
  private open = true;

  constructor(private readonly connection: DuckDBConnection) {}

  rows(sql: string, params?: Params): Promise<Row[]> {
    return this.next(async (c) => (await c.runAndReadAll(sql, params)).getRowObjectsJson() as Row[]);
  }

  result(sql: string, params?: Params): Promise<DuckDBResultReader> {
    return this.next((c) => c.runAndReadAll(sql, params));
  }

  eachChunk(sql: string, params: Params, visit: (chunk: DuckDBDataChunk) => void): Promise<void> {
    return this.next(async (c) => {
      const result = await c.stream(sql, params);
      for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) visit(chunk);
    });
  }

  parameterCount(sql: string): Promise<number> {
    return this.next(async (c) => {
      const extracted = await c.extractStatements(sql);
      let count = 0;
      for (let i = 0; i < extracted.count; i++) count += (await extracted.prepare(i)).parameterCount;
      return count;
    });
  }

  run(sql: string, params?: Params): Promise<void> {
    return this.next(async (c) => {
      await c.run(sql, params);
    });
  }

  appender(table: string, catalog?: 'temp'): Promise<DuckDBAppender> {
    return this.next((c) => c.createAppender(table, 'main', catalog ?? null));
  }

  /** Ends the scope: later statements are refused instead of running in someone else's transaction. */
  end(): Promise<unknown> {
    this.open = false;
    return this.queue.catch(() => undefined);
  }

  private next<T>(statement: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    if (!this.open) return Promise.reject(new ScopeEndedError('A statement was started after its read or write had ended: a promise escaped the work.'));
    const result = this.queue.then(() => statement(this.connection));
    this.queue = result.catch(() => undefined);
    return result;
  }
}
