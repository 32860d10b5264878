import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CouncilSettingsError,
  DEFAULT_COUNCIL,
  loadCouncilSettings,
  parseCouncilSettings,
  presetPath,
} from '../pipelines/council/settings.ts';
import { thrownBy } from './helpers/thrown.ts';

const TOP_KEYS = 'name、areas、agencies、subcommittees、suppressionThreshold、headerAliases、dictionary、seedThemes、categories、calendar、meetingKinds';
const HEADERS = '記録ID、会議日、事業所コード、地区、障害種別、年齢層、相談内容、課題、対応・支援内容、地域課題メモ';

const errorOf = (run: () => unknown) => thrownBy(CouncilSettingsError, run);

describe('presets', () => {
  it('Kisarazu has its six subcommittees', async () => {
    const council = await loadCouncilSettings(presetPath('kisarazu'));
    expect(council.name).toBe('木更津市地域自立支援協議会');
    expect(council.subcommittees.map((s) => s.name)).toEqual([
      '就労生活支援部会',
      'こども部会',
      '権利擁護部会',
      '居住支援部会',
      '安心安全部会',
      '啓発交流部会',
    ]);
    expect(council.suppressionThreshold).toBe(10);
    expect(council.headerAliases['ケース番号']).toBe('記録ID');
  });

  it('Kamakura has its three subcommittees', async () => {
    const council = await loadCouncilSettings(presetPath('kamakura'));
    expect(council.name).toBe('鎌倉市障害者支援協議会');
    expect(council.subcommittees.map((s) => s.name)).toEqual(['地域生活支援部会', '精神保健福祉部会', 'こども応援部会']);
    expect(council.suppressionThreshold).toBe(10);
  });

  it.each(['kisarazu', 'kamakura'] as const)('%s leaves areas and agencies to the council and seeds every subcommittee', async (name) => {
    const council = await loadCouncilSettings(presetPath(name));
    expect(council.areas).toBeUndefined();
    expect(council.agencies).toBeUndefined();
    for (const subcommittee of council.subcommittees) {
      expect(subcommittee.description).toMatch(/。$/);
      expect(subcommittee.terms.length).toBeGreaterThanOrEqual(8);
      expect(subcommittee.terms.length).toBeLessThanOrEqual(40);
      expect(new Set(subcommittee.terms).size).toBe(subcommittee.terms.length);
    }
  });

  it('the seed terms fit their subcommittees', async () => {
    const kisarazu = await loadCouncilSettings(presetPath('kisarazu'));
    const terms = (name: string) => kisarazu.subcommittees.find((s) => s.name === name)?.terms ?? [];
    expect(terms('居住支援部会')).toEqual(expect.arrayContaining(['グループホーム', '親亡き後', '保証人']));
    expect(terms('権利擁護部会')).toEqual(expect.arrayContaining(['虐待', '成年後見', '意思決定支援']));
    const kamakura = await loadCouncilSettings(presetPath('kamakura'));
    expect(kamakura.subcommittees[1]?.terms).toEqual(expect.arrayContaining(['長期入院', 'ピアサポート']));
  });
});

describe('parseCouncilSettings', () => {
  it('fills the defaults', () => {
    expect(parseCouncilSettings({ name: 'テスト市自立支援協議会' })).toEqual({
      name: 'テスト市自立支援協議会',
      subcommittees: [],
      suppressionThreshold: 10,
      headerAliases: {},
    });
  });

  it('reads the example of DESIGN.md', () => {
    const settings = {
      name: '木更津市地域自立支援協議会',
      areas: ['中央', '北部'],
      agencies: ['S01', 'S02'],
      subcommittees: [{ name: '居住支援部会', description: '…', terms: ['グループホーム', '住まい', '入居'] }],
      suppressionThreshold: 10,
      headerAliases: { ケース番号: '記録ID' },
    };
    expect(parseCouncilSettings(settings)).toEqual(settings);
  });

  it('DEFAULT_COUNCIL lists nothing', () => {
    expect(DEFAULT_COUNCIL).toEqual({
      name: '自立支援協議会',
      subcommittees: [],
      suppressionThreshold: 10,
      headerAliases: {},
    });
    expect(parseCouncilSettings(DEFAULT_COUNCIL)).toEqual(DEFAULT_COUNCIL);
  });

  it.each([
    [{ name: 'A', threshold: 5 }, 'threshold', `「threshold」という項目はありません。使える項目は ${TOP_KEYS} です。`],
    [
      { name: 'A', subcommittees: [{ name: 'B', keywords: [] }] },
      'subcommittees[0].keywords',
      '「subcommittees[0].keywords」という項目はありません。使える項目は name、description、terms です。',
    ],
    [{ name: 'A', suppressionThreshold: '10' }, 'suppressionThreshold', '「suppressionThreshold」は1以上の整数で書いてください（いまは文字列です）。'],
    [{ name: 'A', suppressionThreshold: 0 }, 'suppressionThreshold', '「suppressionThreshold」は1以上の整数で書いてください（いまは0です）。'],
    [{ name: 'A', suppressionThreshold: 2.5 }, 'suppressionThreshold', '「suppressionThreshold」は1以上の整数で書いてください（いまは2.5です）。'],
    [{ name: 42 }, 'name', '「name」は文字列で書いてください（いまは数値です）。'],
    [{}, 'name', '「name」がありません。文字列で書いてください。'],
    [{ name: '　' }, 'name', '「name」が空です。文字を書いてください。'],
    [{ name: 'A', areas: '中央' }, 'areas', '「areas」は文字列の配列で書いてください（いまは文字列です）。'],
    [{ name: 'A', areas: ['中央', ''] }, 'areas[1]', '「areas[1]」が空です。文字を書いてください。'],
    [
      { name: 'A', agencies: ['S01', 'S02', 'S01'] },
      'agencies[2]',
      '「agencies[2]」の「S01」は agencies[0] と重複しています。どちらかを消してください。',
    ],
    [{ name: 'A', subcommittees: {} }, 'subcommittees', '「subcommittees」は部会の配列で書いてください（いまはオブジェクトです）。'],
    [
      { name: 'A', subcommittees: ['居住支援部会'] },
      'subcommittees[0]',
      '「subcommittees[0]」は{ "name": …, "description": …, "terms": […] } の形で書いてください（いまは文字列です）。',
    ],
    [
      { name: 'A', subcommittees: [{ name: 'B', terms: ['住まい', 3] }] },
      'subcommittees[0].terms[1]',
      '「subcommittees[0].terms[1]」は文字列で書いてください（いまは数値です）。',
    ],
    [
      { name: 'A', subcommittees: [{ name: 'B' }, { name: 'C' }, { name: 'D', terms: 'x' }] },
      'subcommittees[2].terms',
      '「subcommittees[2].terms」は文字列の配列で書いてください（いまは文字列です）。',
    ],
    [
      { name: 'A', subcommittees: [{ name: 'B', terms: [''] }] },
      'subcommittees[0].terms[0]',
      '「subcommittees[0].terms[0]」が空です。文字を書いてください。',
    ],
    [
      { name: 'A', subcommittees: [{ name: 'こども部会' }, { name: '居住支援部会' }, { name: 'こども部会' }] },
      'subcommittees[2].name',
      '「subcommittees[2].name」の「こども部会」は subcommittees[0] と重複しています。部会名は重ならないようにしてください。',
    ],
    [
      { name: 'A', headerAliases: { ケース番号: '番号' } },
      'headerAliases.ケース番号',
      `「headerAliases.ケース番号」の「番号」は標準の列名ではありません。使える列名は ${HEADERS} です。`,
    ],
    [
      { name: 'A', headerAliases: { ケース番号: null } },
      'headerAliases.ケース番号',
      '「headerAliases.ケース番号」は標準の列名（文字列）で書いてください（いまはnullです）。',
    ],
    [
      { name: 'A', headerAliases: ['記録ID'] },
      'headerAliases',
      '「headerAliases」は{ "元の列名": "標準の列名" } の形のオブジェクトで書いてください（いまは配列です）。',
    ],
    // Keys parsed from JSON as own properties; assigned to a plain object they would set its prototype and vanish.
    [JSON.parse('{"name": "A", "headerAliases": {"__proto__": "記録ID"}}'), 'headerAliases.__proto__', '「headerAliases.__proto__」: 「__proto__」は列名として使えません。別の列名にしてください。'],
    [{ name: 'A', headerAliases: { constructor: '記録ID' } }, 'headerAliases.constructor', '「headerAliases.constructor」: 「constructor」は列名として使えません。別の列名にしてください。'],
    [JSON.parse('{"name": "A", "__proto__": {"suppressionThreshold": 1}}'), '__proto__', '「__proto__」という項目は使えません。消してください。'],
    [JSON.parse('{"name": "A", "subcommittees": [{"name": "B", "__proto__": {}}]}'), 'subcommittees[0].__proto__', '「subcommittees[0].__proto__」という項目は使えません。消してください。'],
    [{ name: 'あ'.repeat(201) }, 'name', '「name」が長すぎます（201 文字。200 文字までにしてください）。'],
    [{ name: 'A', subcommittees: [{ name: 'B', description: 'い'.repeat(2001) }] }, 'subcommittees[0].description', '「subcommittees[0].description」が長すぎます（2001 文字。2000 文字までにしてください）。'],
    [{ name: 'A', areas: Array.from({ length: 2001 }, (_, i) => `地区${i}`) }, 'areas', '「areas」の項目が多すぎます（2001 個。2000 個までにしてください）。'],
  ])('%j is refused naming %s', (value, key, message) => {
    const error = errorOf(() => parseCouncilSettings(value));
    expect(error.message).toBe(message);
    expect(error.key).toBe(key);
  });

  it('refuses something that is not an object', () => {
    expect(() => parseCouncilSettings([])).toThrow(
      new CouncilSettingsError('協議会の設定は { } で囲んだオブジェクトで書いてください（いまは配列です）。'),
    );
  });
});

describe('loadCouncilSettings', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-council-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function file(name: string, content: string | Buffer): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  it('tolerates a BOM', async () => {
    const path = await file('bom.json', '\uFEFF{"name": "テスト市自立支援協議会"}');
    expect((await loadCouncilSettings(path)).name).toBe('テスト市自立支援協議会');
  });

  it.each([
    ['trailing-comma.json', '{\n  "name": "A",\n}\n', '3行目 1文字目付近'],
    ['missing-value.json', '{\n  "name": "A",\n  "suppressionThreshold": \n}', '「}」の付近'],
    ['bad-literal.json', '{"name": "A", "suppressionThreshold": ten}', '「e」の付近'],
    ['unclosed.json', '{"name": "A"', '1行目 13文字目付近'],
    ['single-quotes.json', "{'name': 'A'}", '1行目 2文字目付近'],
    ['two-values.json', '{"name": "A"} {}', '1行目 15文字目付近'],
  ])('%s: bad JSON is refused with its position', async (name, content, place) => {
    const path = await file(name, content);
    await expect(loadCouncilSettings(path)).rejects.toThrow(
      new CouncilSettingsError(
        `協議会の設定ファイル ${path} は JSON として読めません（${place}）。カンマ、引用符、括弧の対応を確かめてください。`,
      ),
    );
  });

  it('names the file and the key when the settings are wrong', async () => {
    const path = await file('unknown-key.json', '{"name": "A", "color": "red"}');
    const error = await loadCouncilSettings(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CouncilSettingsError);
    expect((error as CouncilSettingsError).message).toBe(
      `協議会の設定ファイル ${path}: 「color」という項目はありません。使える項目は ${TOP_KEYS} です。`,
    );
    expect((error as CouncilSettingsError).key).toBe('color');
  });

  it('refuses a missing file', async () => {
    const path = join(dir, 'nowhere.json');
    await expect(loadCouncilSettings(path)).rejects.toThrow(
      new CouncilSettingsError(`協議会の設定ファイル ${path} を読めません（ファイルが見つかりません。パスを確かめてください）。`),
    );
  });

  it('refuses an empty file', async () => {
    const path = await file('empty.json', '  \n');
    await expect(loadCouncilSettings(path)).rejects.toThrow(
      new CouncilSettingsError(`協議会の設定ファイル ${path} が空です。JSON で設定を書いてください。`),
    );
  });

  it('refuses a file that is not UTF-8', async () => {
    const path = await file('sjis.json', Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0x96, 0xd8, 0x22, 0x7d]));
    await expect(loadCouncilSettings(path)).rejects.toThrow(
      new CouncilSettingsError(`協議会の設定ファイル ${path} を読めません（UTF-8 ではありません。UTF-8 で保存し直してください）。`),
    );
  });
});

describe('the council dictionary', () => {
  it('adds terms and stop words, with kinds defaulting to synonym', () => {
    const settings = parseCouncilSettings({
      name: 'テスト協議会',
      dictionary: { terms: [{ canonical: 'ひまわり号', variants: ['ひまわり'] }], stopWords: ['協議'] },
    });
    expect(settings.dictionary).toEqual({ terms: [{ canonical: 'ひまわり号', variants: ['ひまわり'], kind: 'synonym' }], stopWords: ['協議'] });
  });

  it('adds concepts, with their expressions and an optional note', () => {
    const settings = parseCouncilSettings({
      name: 'テスト協議会',
      dictionary: { concepts: [{ concept: ' ペットの世話 ', expressions: ['猫の世話', '犬の世話 '], note: '入院のとき' }, { concept: '短期入所', expressions: ['ミドルステイ'] }] },
    });
    expect(settings.dictionary).toEqual({
      concepts: [
        { concept: 'ペットの世話', expressions: ['猫の世話', '犬の世話'], note: '入院のとき' },
        { concept: '短期入所', expressions: ['ミドルステイ'] },
      ],
    });
  });

  it.each([
    [{ terms: [{ canonical: 'X', kind: 'alias' }] }, 'dictionary.terms[0].kind', '「dictionary.terms[0].kind」は "synonym"（同義語）か "compound"（複合語）にしてください。'],
    [{ words: [] }, 'dictionary.words', '「dictionary.words」という項目はありません。使える項目は terms、stopWords、concepts です。'],
    [{ concepts: { 短期入所: ['泊まり'] } }, 'dictionary.concepts', '「dictionary.concepts」は概念の配列で書いてください（いまはオブジェクトです）。'],
    [{ concepts: ['短期入所'] }, 'dictionary.concepts[0]', '「dictionary.concepts[0]」は{ "concept": …, "expressions": […] } の形で書いてください（いまは文字列です）。'],
    [{ concepts: [{ concept: 'A', expressions: ['x'] }, { concept: ' ', expressions: ['y'] }] }, 'dictionary.concepts[1].concept', '「dictionary.concepts[1].concept」が空です。文字を書いてください。'],
    [{ concepts: [{ concept: 'A' }] }, 'dictionary.concepts[0].expressions', '「dictionary.concepts[0].expressions」がありません。言い回しを文字列の配列で書いてください。'],
    [{ concepts: [{ concept: 'A', expressions: '泊まり' }] }, 'dictionary.concepts[0].expressions', '「dictionary.concepts[0].expressions」は文字列の配列で書いてください（いまは文字列です）。'],
    [{ concepts: [{ concept: 'A', expressions: [] }] }, 'dictionary.concepts[0].expressions', '「dictionary.concepts[0].expressions」に言い回しを 1 つ以上書いてください。'],
    [{ concepts: [{ concept: 'A', expressions: ['x', ''] }] }, 'dictionary.concepts[0].expressions[1]', '「dictionary.concepts[0].expressions[1]」が空です。文字を書いてください。'],
    [{ concepts: [{ concept: 'A', expressions: [null] }] }, 'dictionary.concepts[0].expressions[0]', '「dictionary.concepts[0].expressions[0]」は文字列で書いてください（いまはnullです）。'],
    [{ concepts: [{ concept: 'あ'.repeat(201), expressions: ['x'] }] }, 'dictionary.concepts[0].concept', '「dictionary.concepts[0].concept」が長すぎます（201 文字。200 文字までにしてください）。'],
    [{ concepts: [{ concept: 'A', expressions: ['x'], variants: [] }] }, 'dictionary.concepts[0].variants', '「dictionary.concepts[0].variants」という項目はありません。使える項目は concept、expressions、note です。'],
    [JSON.parse('{"concepts": [{"concept": "A", "expressions": ["x"], "__proto__": {}}]}'), 'dictionary.concepts[0].__proto__', '「dictionary.concepts[0].__proto__」という項目は使えません。消してください。'],
  ])('refuses %j naming %s', (dictionary, key, message) => {
    expect(() => parseCouncilSettings({ name: 'テスト協議会', dictionary })).toThrow(new CouncilSettingsError(message, key));
  });
});

describe('the budget calendar', () => {
  it('reads each mark\'s month, day (0 for the whole month) and label', () => {
    expect(parseCouncilSettings({ name: 'テスト協議会', calendar: [{ month: 9, day: 30, label: '意見のとりまとめ' }, { month: 2, label: '予算審議' }] }).calendar).toEqual([
      { month: 9, day: 30, label: '意見のとりまとめ' },
      { month: 2, day: 0, label: '予算審議' },
    ]);
  });

  it.each([
    [[{ month: 13, label: 'x' }], 'calendar[0].month'],
    [[{ month: 9, day: 32, label: 'x' }], 'calendar[0].day'],
    [[{ month: 9 }], 'calendar[0].label'],
    [['9月'], 'calendar[0]'],
  ])('refuses %j naming %s', (calendar, key) => {
    expect(thrownBy(CouncilSettingsError, () => parseCouncilSettings({ name: 'テスト協議会', calendar })).key).toBe(key);
  });
});

describe('categories', () => {
  it('reads a name with a description, example phrases or both', () => {
    const categories = [
      { name: '移動手段', description: '通所や通院の足がない。' },
      { name: '住まい', examples: ['アパートを断られた', '保証人がいない'] },
    ];
    expect(parseCouncilSettings({ name: 'テスト協議会', categories }).categories).toEqual([
      { name: '移動手段', description: '通所や通院の足がない。', examples: [] },
      { name: '住まい', description: '', examples: ['アパートを断られた', '保証人がいない'] },
    ]);
  });

  it.each([
    [[{ name: '移動手段' }], 'categories[0]', '「categories[0]」には説明（description）か例文（examples）を書いてください。名前だけでは事例を集められません。'],
    [[{ name: 'A', description: 'x' }, { name: 'A', description: 'y' }], 'categories[1].name', '「categories[1].name」の「A」は categories[0] と重複しています。'],
    [[{ name: 'A', examples: Array.from({ length: 21 }, (_, i) => `例${i}`) }], 'categories[0].examples', '「categories[0].examples」の例文は 20 個までにしてください（いまは 21 個です）。'],
    [[{ name: 'A', description: 'x', terms: ['y'] }], 'categories[0].terms', '「categories[0].terms」という項目はありません。使える項目は name、description、examples です。'],
  ])('refuses %j naming %s', (categories, key, message) => {
    expect(() => parseCouncilSettings({ name: 'テスト協議会', categories })).toThrow(new CouncilSettingsError(message, key));
  });
});

describe('seed themes', () => {
  it('reads names and terms', () => {
    expect(parseCouncilSettings({ name: 'テスト協議会', seedThemes: [{ name: '移動の足', terms: ['送迎', '移動支援'] }] }).seedThemes).toEqual([
      { name: '移動の足', terms: ['送迎', '移動支援'] },
    ]);
  });

  it.each([
    [[{ name: 'A', terms: [] }], 'seedThemes[0].terms', '「seedThemes[0].terms」に語を 1 つ以上書いてください。'],
    [[{ name: 'A', terms: ['x'] }, { name: 'A', terms: ['y'] }], 'seedThemes[1].name', '「seedThemes[1].name」の「A」は seedThemes[0] と重複しています。'],
  ])('refuses %j naming %s', (seedThemes, key, message) => {
    expect(() => parseCouncilSettings({ name: 'テスト協議会', seedThemes })).toThrow(new CouncilSettingsError(message, key));
  });
});
