import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { migrate } from './migrate.ts';

export const DEFAULT_DB_PATH = 'data/mieruka.duckdb';

export interface Database {
  readonly path: string;
  readonly connection: DuckDBConnection;
  close(): void;
}

/** The database file is in use by another process, or cannot be opened at all. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/** Opens (creating if need be) the one DuckDB file that holds mieruka's state, migrated. */
export async function openDatabase(path: string): Promise<Database> {
  const fullPath = path === ':memory:' ? path : resolve(path);
  if (fullPath !== ':memory:') mkdirSync(dirname(fullPath), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(fullPath);
  } catch (error) {
    const message = (error as Error).message;
    if (/lock/i.test(message)) {
      throw new DatabaseOpenError(
        `データベース ${fullPath} は別のプログラム（取り込みやサーバー）が使用中です。終わるのを待ってからもう一度実行してください。`,
      );
    }
    throw new DatabaseOpenError(`データベース ${fullPath} を開けません: ${message}`);
  }
  const connection = await instance.connect();
  await migrate(connection);
  return {
    path: fullPath,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
