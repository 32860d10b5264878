import { DEFAULT_DB_PATH } from '../pipelines/db/database.ts';

/** Everything mieruka takes from the environment, read once at start. */
export interface Config {
  dbPath: string;
  port: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dbPath = env.MIERUKA_DB?.trim() || DEFAULT_DB_PATH;
  const portText = env.PORT?.trim() || '8787';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ConfigError(`環境変数 PORT の値「${portText}」はポート番号（1〜65535 の整数）ではありません。`);
  }
  return { dbPath, port };
}
