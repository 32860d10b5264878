import { describe, expect, it } from 'vitest';
import { findPersonNames } from '../pipelines/text/person-names.ts';
import { analyse } from './helpers/tokens.ts';

async function names(raw: string): Promise<string[]> {
  const { text, tokens } = await analyse(raw);
  return findPersonNames(tokens).map((n) => text.slice(n.start, n.end));
}

describe('findPersonNames (kuromoji person-name tags, in context)', () => {
  it.each([
    ['山田太郎と面談した。', ['山田太郎']],
    ['民生委員の高橋さんから連絡', ['高橋']],
    ['鎌倉市大船の木村さん宅を訪問', ['木村']],
    ['花子ちゃんの登校', ['花子']],
    ['春さんと秋子さん', ['秋子']],
    ['小林一茶の句を読む', ['小林一茶']],
  ])('finds %s', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });

  it.each([
    '担当の佐藤から連絡があった',
    '田中の母が高齢になった',
    '本人様とお母さんが来所',
    '大家さんに相談した',
    'ヘルパーさんの派遣を調整',
    '病院さんと退院日を調整',
    'Aさんの件、Bさんと同じ',
    '［氏名］さんの件',
    '相談員さんと看護師さん',
    'ケアマネさんに連絡した',
    '市役所の福祉課長と面談',
    '就労継続支援B型の利用を検討',
    'グループホームの空きがなく、短期入所も満床',
  ])('leaves %s alone', async (text) => {
    expect(await names(text)).toEqual([]);
  });
});
