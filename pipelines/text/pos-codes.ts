import { PLACEHOLDER_POS } from './text-tokens.ts';

/**
 * Every part of speech (with its three details) that kuromoji's IPADIC gives, known words
 * and unknown ones, and the guard's placeholder: the token cache stores a token's part of
 * speech as its place in this list. Stored entries depend on the order, so a part of
 * speech is only ever added at the end.
 */
export const POS_CODES: readonly string[] = [
  '名詞,一般,*,*',
  '名詞,サ変接続,*,*',
  '助詞,格助詞,一般,*',
  '動詞,自立,*,*',
  '記号,句点,*,*',
  '助詞,連体化,*,*',
  '助詞,係助詞,*,*',
  '助動詞,*,*,*',
  '記号,読点,*,*',
  '助詞,接続助詞,*,*',
  '名詞,接尾,一般,*',
  '動詞,非自立,*,*',
  '名詞,形容動詞語幹,*,*',
  '助詞,副助詞,*,*',
  '名詞,非自立,一般,*',
  '動詞,接尾,*,*',
  '名詞,数,*,*',
  '形容詞,自立,*,*',
  '名詞,接尾,助数詞,*',
  '助詞,並立助詞,*,*',
  '名詞,副詞可能,*,*',
  '名詞,接尾,サ変接続,*',
  '接頭詞,名詞接続,*,*',
  '名詞,固有名詞,地域,一般',
  '名詞,固有名詞,一般,*',
  '名詞,固有名詞,人名,名',
  '名詞,固有名詞,組織,*',
  '名詞,固有名詞,人名,姓',
  '副詞,一般,*,*',
  '名詞,固有名詞,人名,一般',
  '副詞,助詞類接続,*,*',
  '名詞,固有名詞,地域,国',
  '感動詞,*,*,*',
  '接続詞,*,*,*',
  '形容詞,非自立,*,*',
  '連体詞,*,*,*',
  '名詞,代名詞,一般,*',
  '形容詞,接尾,*,*',
  '記号,アルファベット,*,*',
  '助詞,格助詞,連語,*',
  '記号,一般,*,*',
  '名詞,非自立,副詞可能,*',
  '助詞,終助詞,*,*',
  '名詞,ナイ形容詞語幹,*,*',
  '名詞,接尾,副詞可能,*',
  '接頭詞,数接続,*,*',
  '名詞,接尾,地域,*',
  'フィラー,*,*,*',
  '名詞,接尾,人名,*',
  '記号,括弧閉,*,*',
  '記号,括弧開,*,*',
  '接頭詞,動詞接続,*,*',
  '接頭詞,形容詞接続,*,*',
  '名詞,代名詞,縮約,*',
  '名詞,動詞非自立的,*,*',
  '名詞,接尾,形容動詞語幹,*',
  '名詞,接尾,特殊,*',
  '助詞,特殊,*,*',
  '名詞,非自立,助動詞語幹,*',
  '名詞,接続詞的,*,*',
  'その他,間投,*,*',
  '名詞,非自立,形容動詞語幹,*',
  '名詞,特殊,助動詞語幹,*',
  '名詞,接尾,助動詞語幹,*',
  '記号,空白,*,*',
  '助詞,格助詞,引用,*',
  '助詞,副詞化,*,*',
  '名詞,引用文字列,*,*',
  '助詞,副助詞／並立助詞／終助詞,*,*',
  PLACEHOLDER_POS,
];

const CODE_OF = new Map(POS_CODES.map((pos, code) => [pos, code]));

/** A part of speech's code, or undefined for one the list does not hold. */
export function posCode(pos: string): number | undefined {
  return CODE_OF.get(pos);
}
