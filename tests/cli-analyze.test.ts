import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.ts';
import { copyDatabase } from './setup/db-templates.ts';
import { tempDir, type TempDir } from './helpers/temp-db.ts';

let dir: TempDir;
let db: string;
beforeAll(async () => {
  dir = tempDir();
  const demo = new URL('../fixtures/demo.csv', import.meta.url).pathname;
  expect((await runCli(['ingest', demo, '--db', dir.path('prepared.duckdb')])).code).toBe(0);
});
afterAll(() => dir.remove());
// Each test its own copy of the ingested demo, not yet analysed.
let copies = 0;
beforeEach(() => {
  db = dir.path(`analyze-${++copies}.duckdb`);
  copyDatabase(dir.path('prepared.duckdb'), db);
});

describe('mieruka analyze', () => {
  it('prints the JSON of DESIGN.md and keeps the theme ids on the next run', async () => {
    const first = await runCli(['analyze', '--db', db, '--council', 'kisarazu', '--json']);
    expect(first.code).toBe(0);
    const body = JSON.parse(first.stdout);
    expect(Object.keys(body)).toEqual(['runId', 'cases', 'method', 'themes', 'areas', 'unassigned', 'individualMatters', 'vanished']);
    expect(body.individualMatters.filter((id: string) => !body.unassigned.includes(id))).toEqual([]);
    expect(body.cases).toBe(300);
    expect(body.themes.length).toBeGreaterThanOrEqual(8);
    const theme = body.themes[0];
    expect(Object.keys(theme).slice(0, 13)).toEqual([
      'id', 'label', 'terms', 'caseCount', 'orgCount', 'areaCount', 'periodCount', 'firstSeen', 'lastSeen', 'trend', 'score', 'subcommittee', 'subcommitteeReason',
    ]);
    expect(theme.id).toBe('T-0001');
    const assigned = body.themes.reduce((n: number, t: { caseIds: string[] }) => n + t.caseIds.length, 0);
    expect(assigned + body.unassigned.length).toBe(300);
    const scores = body.themes.map((t: { score: number }) => t.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const second = JSON.parse((await runCli(['analyze', '--db', db, '--council', 'kisarazu', '--json'])).stdout);
    expect(second.themes.map((t: { id: string }) => t.id)).toEqual(body.themes.map((t: { id: string }) => t.id));
    expect(second.vanished).toEqual([]);
  });

  it('ranks the themes for a person, with the suggested subcommittee', async () => {
    const result = await runCli(['analyze', '--db', db, '--council', 'kisarazu']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^分析 R-\d{14}-[0-9a-f]{6}: 事例 300 件 → テーマ案 \d+ 件、どのテーマにも入らない事例 \d+ 件\n/);
    expect(result.stdout).toContain('居住支援部会');
    expect(result.stderr).toContain('テーマの分類…');
  });
});
