import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { analyze } from '../pipelines/themes/analyze.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { caseCsv, caseRow, utf8 } from './helpers/case-csv.ts';
import { queryRows } from './helpers/temp-db.ts';
import { NOW, testApp, type Client } from './helpers/test-app.ts';

/** A rare diagnosis in fewer cases than the threshold (10), from four agencies. */
const RARE = 'ファブリー病';
/** A diagnosis in enough cases (10), all from one agency's records. */
const ONE_AGENCY = 'ハンチントン病';
/** What no viewer may read: the diagnoses, and the parts of them that are terms too (ファブリー). */
const HIDDEN = ['ファブリー', 'ハンチントン'];
const hides = (text: string | undefined) => HIDDEN.every((word) => !(text ?? '').includes(word));

// The demo database with a few more cases: RARE in 4 of them, ONE_AGENCY in 10 from agency S07.
let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp({ template: 'demo' });
  const rare = [1, 2, 3, 4].map((i) =>
    caseRow(`R-${i}`, { 会議日: `2024/05/1${i}`, 事業所コード: `S0${i}`, 障害種別: '難病', 相談内容: `${RARE}の診断を受け、通院の付き添いが必要になった。`, 課題: `${RARE}に詳しい医療機関が市内にない。` }),
  );
  const oneAgency = Array.from({ length: 10 }, (_, i) =>
    caseRow(`H-${i}`, { 会議日: `2024/06/${String(i + 10)}`, 事業所コード: 'S07', 障害種別: '難病', 相談内容: `${ONE_AGENCY}の進行で、日中の見守りが必要になった。`, 課題: '家族の介護負担が大きい。' }),
  );
  await ingestFile(t.temp.db, utf8(caseCsv([...rare, ...oneAgency])), { fileName: 'rare.csv', settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany: tokenizeInProcess, now: NOW });
  await analyze(t.temp.db, { settings: DEFAULT_COUNCIL, tokenizeMany: tokenizeInProcess, now: NOW });
});
afterEach(() => t.close());

type TermLine = { term: string; frequency: number | null; cases: number | null; suppressed: boolean };
type Theme = { theme_id: string; name: string; label: string; routing_reason: string | null; revision: number };

async function terms(client: Client, query: string): Promise<TermLine[]> {
  const { tableFromIPC } = await import('apache-arrow');
  const res = await client.get(`/api/exports/terms.arrow?${query}`);
  expect(res.status).toBe(200);
  return tableFromIPC(new Uint8Array(await res.arrayBuffer()))
    .toArray()
    .map((r) => r.toJSON() as TermLine);
}
const themes = async (client: Client, query = '') => ((await (await client.get(`/api/themes${query}`)).json()) as { themes: Theme[] }).themes;
const csvLines = async (client: Client, path: string) => new TextDecoder().decode(new Uint8Array(await (await client.get(path)).arrayBuffer()).slice(3)).split('\r\n').slice(1, -1);

describe('rare terms', () => {
  it('lists a rare diagnosis to the meeting, and leaves it and one agency\'s terms out of the list for viewers and published', async () => {
    const coordinator = await t.as('coordinator');
    const viewer = await t.as('viewer');
    const full = await terms(coordinator, 'top=10000');
    expect(full.find((l) => l.term === RARE)).toMatchObject({ cases: 4, suppressed: false });
    expect(full.find((l) => l.term === ONE_AGENCY)).toMatchObject({ cases: 10, suppressed: false });
    const spread = new Map(
      (await queryRows(t.temp.db, 'SELECT p.term, count(*) AS cases, count(DISTINCT c.agency_code) AS agencies FROM current_term_counts p JOIN current_cases c USING (record_id) GROUP BY p.term')).map((r) => [
        String(r.term),
        { cases: Number(r.cases), agencies: Number(r.agencies) },
      ]),
    );
    const shown = full.filter((l) => (spread.get(l.term)?.cases ?? 0) >= 10 && (spread.get(l.term)?.agencies ?? 0) >= 2);
    for (const published of [await terms(viewer, 'top=10000'), await terms(coordinator, 'top=10000&published=1')]) {
      expect(published.filter((l) => !hides(l.term))).toEqual([]);
      expect(published).toEqual(shown);
    }
    // `top` counts only the terms that may be shown.
    const five = await terms(viewer, 'top=5');
    expect(five).toEqual(shown.slice(0, 5));
  });

  it('shows viewers and exports a theme\'s automatic label with only its common terms, a neutral name when none is left, and the council\'s own name as is', async () => {
    const coordinator = await t.as('coordinator');
    const ids = (await themes(coordinator)).map((x) => x.theme_id);
    const [common, rare, renamed] = ids as [string, string, string];
    await t.temp.db.write(async (scope) => {
      await scope.run("UPDATE theme_snapshots SET label = $1, routing_reason = $2 WHERE theme_id = $3", [`${RARE}・短期入所`, `${RARE}、短期入所`, common]);
      await scope.run('UPDATE theme_snapshots SET label = $1 WHERE theme_id = $2', [`${ONE_AGENCY}・${RARE}`, rare]);
    });
    const revision = (await themes(coordinator)).find((x) => x.theme_id === renamed)?.revision;
    expect((await coordinator.send('POST', `/api/themes/${renamed}/actions`, { action: 'rename', name: `${RARE}のある暮らし`, revision })).status).toBe(200);

    const internal = await themes(coordinator);
    expect(internal.find((x) => x.theme_id === common)?.name).toBe(`${RARE}・短期入所`);

    const viewed = await themes(await t.as('viewer'));
    expect(await themes(coordinator, '?published=1')).toEqual(viewed);
    const byId = new Map(viewed.map((x) => [x.theme_id, x]));
    expect(byId.get(common)).toMatchObject({ name: '短期入所', label: '短期入所', routing_reason: '短期入所' });
    expect(byId.get(rare)).toMatchObject({ name: `テーマ ${rare}`, label: `テーマ ${rare}` });
    expect(byId.get(renamed)?.name).toBe(`${RARE}のある暮らし`);
    expect(viewed.filter((x) => x.theme_id !== renamed && !hides(JSON.stringify(x)))).toEqual([]);

    for (const client of [coordinator, await t.as('viewer')]) {
      const rows = (await csvLines(client, '/api/exports/themes.csv')).map((line) => line.split(','));
      const names = new Map(rows.map((r) => [r[0], r[1]]));
      expect(names.get(common)).toBe('短期入所');
      expect(names.get(rare)).toBe(`テーマ ${rare}`);
      expect(names.get(renamed)).toBe(`${RARE}のある暮らし`);
      expect([...names].filter(([id, name]) => id !== renamed && !hides(name))).toEqual([]);
      const breakdown = (await csvLines(client, '/api/exports/breakdown.csv?facet=' + encodeURIComponent('地区'))).map((line) => line.split(','));
      expect(breakdown.filter((r) => r[0] === common).every((r) => r[1] === '短期入所')).toBe(true);
      expect(breakdown.filter((r) => r[0] === rare).every((r) => r[1] === `テーマ ${rare}`)).toBe(true);
      expect(breakdown.filter((r) => r[0] !== renamed && !hides(r[1]))).toEqual([]);
    }
  });

  it('shows viewers a label naming a wall without its rare qualifier, and a neutral name when its head is rare', async () => {
    const [first, second, third] = (await themes(await t.as('coordinator'))).map((x) => x.theme_id) as [string, string, string];
    await t.temp.db.write(async (scope) => {
      const set = 'UPDATE theme_snapshots SET label = $1, label_terms = $2 WHERE theme_id = $3';
      await scope.run(set, [`短期入所の不足（${RARE}）`, `短期入所\n${RARE}`, first]);
      await scope.run(set, [`${ONE_AGENCY}の不足（短期入所）`, `${ONE_AGENCY}\n短期入所`, second]);
      await scope.run(set, ['移動手段（送迎）', '〔移動手段〕\n送迎', third]);
    });
    const viewed = new Map((await themes(await t.as('viewer'))).map((x) => [x.theme_id, x.label]));
    expect([viewed.get(first), viewed.get(second), viewed.get(third)]).toEqual(['短期入所の不足', `テーマ ${second}`, '移動手段（送迎）']);
    const internal = new Map((await themes(await t.as('coordinator'))).map((x) => [x.theme_id, x.label]));
    expect(internal.get(first)).toBe(`短期入所の不足（${RARE}）`);
  });

  it('gives viewers no KWIC, co-occurrence or term of a theme at all', async () => {
    const viewer = await t.as('viewer');
    // A theme whose automatic label holds the rare terms (labels now prefer the thesaurus's
    // concepts, which name the wall without the diagnosis).
    const rareTheme = (await themes(await t.as('coordinator')))[1]?.theme_id as string;
    await t.temp.db.write((scope) => scope.run('UPDATE theme_snapshots SET label = $1 WHERE theme_id = $2', [`${ONE_AGENCY}・${RARE}`, rareTheme]));
    expect((await themes(await t.as('coordinator'))).find((x) => !hides(x.label))?.theme_id).toBe(rareTheme);
    for (const path of [`/api/themes/${rareTheme}`, `/api/themes/${rareTheme}?published=1`, `/api/themes/${rareTheme}/cases.arrow`, '/api/themes/history']) {
      expect((await viewer.get(path)).status).toBe(403);
    }
    for (const path of ['/api/themes', '/api/status', `/api/exports/themes/${rareTheme}/monthly.arrow`, `/api/exports/themes/${rareTheme}/heatmap.arrow`, '/api/exports/breakdown.arrow?facet=' + encodeURIComponent('障害種別')]) {
      const res = await viewer.get(path);
      expect(res.status).toBe(200);
      const body = Buffer.from(await res.arrayBuffer()).toString('utf8');
      for (const word of ['kwic', 'cooccurrence', ...HIDDEN]) expect(body).not.toContain(word);
    }
  });
});
