import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCases } from '../fixtures/generator/generate.ts';
import { loadFastTokenizer } from '../pipelines/text/tokenizer/fast-tokenizer.ts';
import { loadStockTokenizer } from '../pipelines/text/tokenizer/stock-tokenizer.ts';
import { IN_PROCESS_MAX_CHARS, createTokenizerPool, defaultPoolSize, tokenisesHere } from '../pipelines/text/tokenizer/tokenizer-pool.ts';

const stock = await loadStockTokenizer();
const fast = await loadFastTokenizer();

function csvRecords(url: URL): Record<string, string>[] {
  return parse(readFileSync(url), { bom: true, columns: true }) as Record<string, string>[];
}

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);
const demoCells = csvRecords(fixture('demo.csv')).flatMap((record) => Object.values(record));
const generatedTexts = [...generateCases({ rows: 3000, seed: 3, piiRate: 0.02 })].flatMap(({ record }) => [
  record.相談内容,
  record.課題,
  record.対応・支援内容,
  record.地域課題メモ,
]);
const probeTexts = csvRecords(fixture('pii-probe.csv')).map((r) => r.text ?? '');
const holdoutTexts = csvRecords(fixture('pii-holdout.csv')).map((r) => r.text ?? '');
const medwebTexts = csvRecords(fixture('medweb/medweb_ja_topic.csv')).map((r) => r.text ?? '');

/** One realistic sentence of 20,000 characters: kuromoji's worst case, with nothing to split at. */
const longSentence = generatedTexts.join('').replace(/[。、]/g, '').slice(0, 20_000);

const EDGE_CASES = [
  '',
  ' ',
  '     ',
  '\u3000\u3000',
  '😀',
  '😀😀a',
  '😀😀。あいう',
  'あ😀😀😀😀いう',
  '👨‍👩‍👧‍👦の家族と🍣を食べた。',
  '𠮷野家で𩸽を買った。𠀋',
  'ｱｲｳｴｵ ｶﾞｷﾞｸﾞｹﾞｺﾞ ﾊﾟﾋﾟﾌﾟ｡ｿｳﾀﾞﾝ',
  'ＡＢＣ１２３ａｂｃ　ＧＨ入居',
  '令和６年４月１日、１０時３０分に来所。',
  longSentence,
  generatedTexts.join('').slice(0, 20_000),
  'a'.repeat(2000),
  '本人と家族が相談に来た支援員は話を聞いた今後の方針を検討する',
  '。',
  '、',
  '。'.repeat(100),
  'あ。'.repeat(500),
  '。、。、はい。。いいえ、、',
  '魑魅魍魎に躑躅と薔薇、鬱。龘靐齉',
  '※〒☆★→①②㈱㍻℡♪（笑）「」『』【】…‥・',
  '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  'αβγ ДЖЯ',
  '改行\nあり\r\nタブ\tあり\n\n',
  '\uDC00孤立した下位サロゲート',
  'ダウン症候群の方が、ＧＨ（グループホーム）へ入居。',
];

/** Asserts on the first text whose tokens differ, so that a failure names it. */
function expectIdenticalTokens(texts: readonly string[]): void {
  const index = texts.findIndex((text) => !isDeepStrictEqual(fast.tokenize(text), stock.tokenize(text)));
  if (index >= 0) {
    const text = texts[index]!;
    expect(fast.tokenize(text), `text #${index}: ${JSON.stringify(text.slice(0, 200))}`).toStrictEqual(stock.tokenize(text));
  }
  expect(index).toBe(-1);
}

describe('fast tokenizer: token for token what stock kuromoji returns', () => {
  it(`every cell of fixtures/demo.csv (${demoCells.length} cells)`, () => {
    expect(demoCells.length).toBeGreaterThan(2000);
    expectIdenticalTokens(demoCells);
  });

  it(`3,000 generated rows, 4 text fields each (${generatedTexts.length} texts)`, () => {
    expect(generatedTexts).toHaveLength(12_000);
    expectIdenticalTokens(generatedTexts);
  });

  it(`every text of fixtures/pii-probe.csv (${probeTexts.length}) and pii-holdout.csv (${holdoutTexts.length})`, () => {
    expect(probeTexts.length + holdoutTexts.length).toBeGreaterThan(200);
    expectIdenticalTokens([...probeTexts, ...holdoutTexts]);
  });

  it(`every text of medweb_ja_topic.csv (${medwebTexts.length} texts)`, () => {
    expect(medwebTexts.length).toBeGreaterThan(1000);
    expectIdenticalTokens(medwebTexts);
  });

  it(`edge cases (${EDGE_CASES.length} texts): empty, spaces, surrogate pairs, half-width kana, full-width, 20,000 characters, 。`, () => {
    expect(longSentence).toHaveLength(20_000);
    expectIdenticalTokens(EDGE_CASES);
  });

  it('keeps kuromoji quirks: positions count on from the previous sentence, grouped emoji swallow what follows', () => {
    expect(fast.tokenize('')).toEqual([]);
    expect(fast.tokenize('😀😀a').map((t) => t.surface_form)).toEqual(['😀😀']);
    const unknown = fast.tokenize('ｱ')[0];
    expect(unknown?.word_type).toBe('UNKNOWN');
    expect(unknown && 'reading' in unknown).toBe(false);
    expect(fast.tokenize('本日。晴れ').map((t) => t.word_position)).toEqual(stock.tokenize('本日。晴れ').map((t) => t.word_position));
  });

  it('throws where kuromoji throws: NUL, unpaired high surrogates', () => {
    for (const text of ['\u0000', 'あ\u0000い', 'a\uD800b', '終わり\uD83D', '\uD83D。']) {
      expect(() => stock.tokenize(text)).toThrow(TypeError);
      expect(() => fast.tokenize(text)).toThrow(TypeError);
    }
  });

  it('agrees on random mixtures of every character class (fast-check)', () => {
    const pieces = [
      ...'あいうえおかがきのをにはでとしたするアイウエオカガキーッャｱｲｳﾞﾟｰ東京都庁支援相談障害者福祉鬱魑一二三十百',
      ...['abc', 'XYZ', '０１２', 'ＡＢＣ', '0123', ' ', '\t', '\n', '\u3000', '。', '、', '！', '?', '「', '」', '・', '…'],
      ...['😀', '🍣', '𠮷', '\uDC00', 'α', 'Ж', '☀', '※', '〒', '①'],
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(fast.tokenize(text)).toStrictEqual(stock.tokenize(text));
      }),
      { numRuns: 3000, seed: 20240401 },
    );
  });
});

describe('tokenizer pool', () => {
  const pools: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('sizes itself to the cores, within the memory budget', () => {
    expect(defaultPoolSize(2)).toBe(2);
    expect(defaultPoolSize(64)).toBe(2);
    expect(defaultPoolSize(1)).toBe(1);
  });

  it('returns in input order what the in-process tokenizer returns, reporting progress', async () => {
    const pool = createTokenizerPool({ size: 2 });
    pools.push(pool);
    const progress: [number, number][] = [];
    const results = await pool.tokenizeMany(generatedTexts, (done, total) => progress.push([done, total]));
    expect(results).toHaveLength(generatedTexts.length);
    const differs = generatedTexts.findIndex((text, i) => !isDeepStrictEqual(results[i], fast.tokenize(text)));
    expect(differs).toBe(-1);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual([generatedTexts.length, generatedTexts.length]);
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1]![0])).toBe(true);

    // The workers stay up for the next call.
    const reversed = [...medwebTexts].reverse();
    const again = await pool.tokenizeMany(reversed);
    expect(reversed.findIndex((text, i) => !isDeepStrictEqual(again[i], fast.tokenize(text)))).toBe(-1);
  });

  it('tokenises small inputs in-process', async () => {
    const pool = createTokenizerPool({ size: 1 });
    pools.push(pool);
    const texts = ['本人が来所した。', '', '家族と面談。'];
    expect(texts.join('').length).toBeLessThan(IN_PROCESS_MAX_CHARS);
    const progress: number[] = [];
    const { tokenizeMany } = pool; // usable on its own, as a TokenizeMany
    expect(await tokenizeMany(texts, (done) => progress.push(done))).toStrictEqual(texts.map((t) => fast.tokenize(t)));
    expect(progress).toEqual([3]);
    expect(await pool.tokenizeMany([])).toEqual([]);
  });

  it('leaves small inputs to its workers once they run, rather than load a dictionary here too', async () => {
    expect([tokenisesHere(IN_PROCESS_MAX_CHARS - 1, false), tokenisesHere(IN_PROCESS_MAX_CHARS, false), tokenisesHere(1, true)]).toEqual([true, false, false]);
    const pool = createTokenizerPool({ size: 1 });
    pools.push(pool);
    pool.warm();
    const texts = ['本人が来所した。', '家族と面談。'];
    expect(await pool.tokenizeMany(texts)).toStrictEqual(texts.map((t) => fast.tokenize(t)));
  });

  it('rejects a batch kuromoji cannot tokenise, and keeps working', async () => {
    const pool = createTokenizerPool({ size: 1 });
    pools.push(pool);
    const texts = [...generatedTexts.slice(0, 1000), 'NUL\u0000文字'];
    await expect(pool.tokenizeMany(texts)).rejects.toThrow(/形態素解析に失敗しました: TypeError/);
    const ok = await pool.tokenizeMany(generatedTexts.slice(0, 1000));
    expect(ok[999]).toStrictEqual(fast.tokenize(generatedTexts[999]!));
  });

  it('closes; a closed pool refuses work; a second pool after it works', async () => {
    const first = createTokenizerPool({ size: 2 });
    await first.tokenizeMany(generatedTexts.slice(0, 2000));
    await first.close();
    await expect(first.tokenizeMany(generatedTexts.slice(0, 2000))).rejects.toThrow(/閉じられています/);

    const second = createTokenizerPool({ size: 2 });
    pools.push(second);
    const results = await second.tokenizeMany(generatedTexts.slice(2000, 4000));
    expect(results).toStrictEqual(generatedTexts.slice(2000, 4000).map((t) => fast.tokenize(t)));
    await second.close();
  });

  it('rejects with a clear error when a worker crashes, instead of hanging', async () => {
    // Too small a heap for the dictionary: the worker dies of it while loading.
    const pool = createTokenizerPool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 4 } });
    pools.push(pool);
    await expect(pool.tokenizeMany(generatedTexts.slice(0, 1000))).rejects.toThrow(/形態素解析のワーカーが(異常終了しました|終了コード)/);
  });
});
