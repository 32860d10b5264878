/** The database file when MIERUKA_DB does not name one, relative to where mieruka starts. */
export const DEFAULT_DB_PATH = 'data/mieruka.duckdb';

/** Everything mieruka takes from the environment, read once at start. */
export interface Config {
  dbPath: string;
  port: number;
  /** The first secretariat's password; without it a one-time password is printed. */
  adminPassword: string | undefined;
  /** A council settings file or preset name (kisarazu, kamakura). */
  council: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dbPath = env.MIERUKA_DB?.trim() || DEFAULT_DB_PATH;
  const portText = env.PORT?.trim() || '8787';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new ConfigError(`環境変数 PORT の値「${portText}」はポート番号（0〜65535 の整数。0 は空いている番号）ではありません。`);
  }
  const adminPassword = env.MIERUKA_ADMIN_PASSWORD;
  if (adminPassword !== undefined && adminPassword.length < 12) {
    throw new ConfigError('環境変数 MIERUKA_ADMIN_PASSWORD は 12 文字以上にしてください。');
  }
  return { dbPath, port, adminPassword, council: env.MIERUKA_COUNCIL?.trim() || undefined };
}
