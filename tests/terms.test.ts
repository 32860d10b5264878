import { beforeAll, describe, expect, it } from 'vitest';
import { loadWelfareDictionary, type WelfareDictionary } from '../pipelines/text/dictionary/load-dictionary.ts';
import { extractTerms } from '../pipelines/text/terms.ts';
import { analyse } from './helpers/tokens.ts';

let dictionary: WelfareDictionary;
beforeAll(async () => {
  dictionary = await loadWelfareDictionary();
});

async function terms(raw: string, shortageTerms = true): Promise<Array<[string, string, string]>> {
  const { text, tokens } = await analyse(raw);
  return extractTerms(text, tokens, { dictionary: dictionary.terms, stopWords: dictionary.stopWords, shortageTerms }).map((t) => [
    t.term,
    t.kind,
    text.slice(t.start, t.end),
  ]);
}

describe('extractTerms', () => {
  it('lets dictionary terms claim their span, however kuromoji split it', async () => {
    expect(await terms('ショートスティの空きがない。')).toEqual([
      ['短期入所', 'dictionary', 'ショートスティ'],
      ['空き', 'dictionary', '空き'],
      ['空き不足', 'shortage', '空きがない'],
    ]);
    expect((await terms('ＧＨ入居'))[0]).toEqual(['グループホーム', 'dictionary', 'GH']);
  });

  it('joins runs of nouns into compounds and keeps dictionary compounds whole', async () => {
    expect(await terms('配置転換があり、障害特性の理解が不足。', false)).toEqual([
      ['配置転換', 'compound', '配置転換'],
      ['配置', 'part', '配置'],
      ['転換', 'part', '転換'],
      ['障害特性', 'compound', '障害特性'],
      ['障害', 'part', '障害'],
      ['特性', 'part', '特性'],
      ['理解', 'word', '理解'],
      ['不足', 'dictionary', '不足'],
    ]);
    expect(await terms('個別避難計画の作成が進まない。', false)).toEqual([
      ['個別避難計画', 'dictionary', '個別避難計画'],
      ['作成', 'word', '作成'],
      ['進む', 'predicate', '進ま'],
    ]);
  });

  it('adds shortage terms after need expressions, written the same as the compound', async () => {
    expect(await terms('ヘルパーがいない。計画相談の待機が続く。')).toEqual([
      ['ヘルパー', 'dictionary', 'ヘルパー'],
      ['ヘルパー不足', 'shortage', 'ヘルパーがいない'],
      ['計画相談支援', 'dictionary', '計画相談'],
      ['計画相談支援待ち', 'shortage', '計画相談の待機'],
      ['待機', 'dictionary', '待機'],
      ['続く', 'predicate', '続く'],
    ]);
    expect((await terms('受け入れ先が困難。')).map((t) => t[0])).toEqual(['受け入れ先', '受け入れ先困難', '困難']);
    expect((await terms('ヘルパーがいない。', false)).map((t) => t[1])).toEqual(['dictionary']);
  });

  it('never makes terms of person names, placeholders, stop words, counts or dates', async () => {
    expect(await terms('山田太郎と本人が［氏名］さんに相談。')).toEqual([]);
    expect(await terms('週2回、3名で。2024年度。')).toEqual([]);
  });
});
