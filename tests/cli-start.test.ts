import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.ts';
import { tempDir, type TempDir } from './helpers/temp-db.ts';

let dir: TempDir;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

describe('mieruka start (npm start)', () => {
  it('loads the demo cases into an empty database once, then only reports', async () => {
    const env = { MIERUKA_DB: dir.path('start.duckdb') };
    const first = await runCli(['start'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('データベースが空のため、デモデータ（架空の事例 300 件）を取り込みます。');
    expect(first.stdout).toContain('demo.csv（UTF-8）: 300 件 — 取り込み 300 件、省略 0 件、取り込めなかった行 0 件');
    expect(first.stdout).toContain(`データベース ${dir.path('start.duckdb')}: 事例 300 件、取り込み 1 回`);

    const second = await runCli(['start'], env);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(`データベース ${dir.path('start.duckdb')}: 事例 300 件、取り込み 1 回\n`);
  });

  it('stops with a clear message on a bad PORT', async () => {
    const result = await runCli(['start'], { MIERUKA_DB: dir.path('p.duckdb'), PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('設定エラー: 環境変数 PORT の値「eighty」はポート番号（1〜65535 の整数）ではありません。\n');
  });
});
