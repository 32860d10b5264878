import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { migrate } from './migrate.ts';
import { ConnectionScope, type ReadScope, type WriteScope } from './scope.ts';

export type { ReadScope, Row, WriteScope } from './scope.ts';

/** Reads at once, each on its own connection; more wait their turn. */
export const READER_CONNECTIONS = 4;

/**
 * The one way to the database. `read` lends a connection in a read-only transaction (one
 * consistent snapshot); `write` runs its work in one transaction on the one writer
 * connection, one write at a time, committed when the work returns and rolled back when
 * it throws. Nothing else holds a connection.
 */
export interface Database {
  readonly path: string;
  read<T>(work: (scope: ReadScope) => Promise<T>): Promise<T>;
  write<T>(work: (scope: WriteScope) => Promise<T>): Promise<T>;
  /** Writes committed since the database was opened: answers cached under one count are stale under the next. */
  readonly generation: number;
  /** Waits for the reads and writes under way, then closes. */
  close(): Promise<void>;
}

/** The database file is in use by another process, or cannot be opened at all. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/** Thrown when a read or write is started inside another: it would wait for itself or miss the outer write's changes. */
export class NestedDatabaseUseError extends Error {
  override name = 'NestedDatabaseUseError';
}

/**
 * DuckDB's own memory, beyond which it writes what it holds to `<file>.tmp` beside the
 * database (DuckDB's default place): a quarter of the machine's memory, within bounds.
 * DuckDB's own default is 80%, and its big aggregations grow to whatever they may: with
 * 2 GB an analysis of a million cases peaked at 3.0 GB, with 1 GB at 1.9 GB, as fast.
 */
export const DB_MEMORY_SHARE = 1 / 4;
export const DB_MEMORY_MIN_MB = 256;
export const DB_MEMORY_MAX_MB = 1024;

const BYTES_PER_MB = 1024 * 1024;

/** The memory DuckDB is given on a machine with `total` bytes. */
export function defaultDbMemoryMb(total: number = totalmem()): number {
  return Math.min(DB_MEMORY_MAX_MB, Math.max(DB_MEMORY_MIN_MB, Math.floor((total * DB_MEMORY_SHARE) / BYTES_PER_MB)));
}

export interface OpenOptions {
  /** DuckDB's memory limit in MB (default: defaultDbMemoryMb()). */
  memoryMb?: number;
}

/** Opens (creating if need be) the one DuckDB file that holds mieruka's state, migrated. */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Database> {
  const fullPath = path === ':memory:' ? path : resolve(path);
  if (fullPath !== ':memory:') mkdirSync(dirname(fullPath), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(fullPath, { memory_limit: `${options.memoryMb ?? defaultDbMemoryMb()}MiB` });
  } catch (error) {
    const message = (error as Error).message;
    if (/lock/i.test(message)) {
      throw new DatabaseOpenError(
        `データベース ${fullPath} は別のプログラム（取り込みやサーバー）が使用中です。終わるのを待ってからもう一度実行してください。`,
      );
    }
    throw new DatabaseOpenError(`データベース ${fullPath} を開けません: ${message}`);
  }
  const writer = await instance.connect();
  await migrate(writer);
  return new GatedDatabase(fullPath, instance, writer);
}

const active = new AsyncLocalStorage<GatedDatabase>();

class GatedDatabase implements Database {
  generation = 0;
  private writeTail: Promise<unknown> = Promise.resolve();
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiting: Array<(connection: DuckDBConnection) => void> = [];
  private connections = 0;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
  ) {}

  read<T>(work: (scope: ReadScope) => Promise<T>): Promise<T> {
    return this.track(async () => {
      const connection = await this.borrow();
      try {
        return await this.transaction(connection, 'BEGIN TRANSACTION READ ONLY', work);
      } finally {
        this.giveBack(connection);
      }
    });
  }

  write<T>(work: (scope: WriteScope) => Promise<T>): Promise<T> {
    return this.track(() => {
      const turn = this.writeTail.then(async () => {
        const result = await this.transaction(this.writer, 'BEGIN TRANSACTION', work);
        this.generation++;
        return result;
      });
      this.writeTail = turn.catch(() => undefined);
      return turn;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    for (const connection of this.idle) connection.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
  }

  private track<T>(start: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The database is closed.'));
    if (active.getStore() === this) {
      return Promise.reject(new NestedDatabaseUseError('A read or write was started inside another one: pass the scope instead.'));
    }
    const running = start();
    this.inFlight.add(running);
    const forget = () => this.inFlight.delete(running);
    running.then(forget, forget);
    return running;
  }

  private async transaction<T>(connection: DuckDBConnection, begin: string, work: (scope: ConnectionScope) => Promise<T>): Promise<T> {
    const scope = new ConnectionScope(connection);
    await connection.run(begin);
    try {
      const result = await active.run(this, () => work(scope));
      await scope.end();
      await connection.run('COMMIT');
      return result;
    } catch (error) {
      await scope.end();
      await connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async borrow(): Promise<DuckDBConnection> {
    const ready = this.idle.pop();
    if (ready) return ready;
    if (this.connections < READER_CONNECTIONS) {
      this.connections++;
      try {
        return await this.instance.connect();
      } catch (error) {
        this.connections--;
        throw error;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private giveBack(connection: DuckDBConnection): void {
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.idle.push(connection);
  }
}
