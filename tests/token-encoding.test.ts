import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { POS_CODES } from '../pipelines/text/pos-codes.ts';
import { PLACEHOLDER_POS, type TextToken } from '../pipelines/text/text-tokens.ts';
import { decodeTokens, encodeTokens } from '../pipelines/text/token-encoding.ts';
import { dictionariesOf } from '../pipelines/text/tokenizer/kuromoji-internals.ts';
import { loadStockTokenizer } from '../pipelines/text/tokenizer/stock-tokenizer.ts';
import { analyse } from './helpers/tokens.ts';

/** Fields of an IPADIC feature line after the surface: the part of speech and its three details. */
const POS_FIELDS = [1, 5] as const;

describe('the token cache encoding', () => {
  it('has a code for every part of speech the dictionary gives, known words and unknown ones, and the placeholder', async () => {
    const dic = dictionariesOf(await loadStockTokenizer());
    const given = new Set<string>();
    for (const words of [dic.tokenInfo, dic.unknown]) {
      for (const ids of Object.values(words.target_map)) for (const id of ids ?? []) given.add(words.getFeatures(id).split(',').slice(...POS_FIELDS).join(','));
    }
    expect(given.size).toBe(69);
    expect(new Set(POS_CODES).size).toBe(POS_CODES.length);
    expect([...POS_CODES].sort()).toEqual([...given, PLACEHOLDER_POS].sort());
  });

  it('keeps lengths, codes and only the base forms that differ', async () => {
    const { text, tokens } = await analyse('［氏名］さんが行った');
    expect(encodeTokens(tokens)).toBe('4\t1x\n2\t1c\n1\t2\n2\t3\t行う\n1\t7\n');
    expect(decodeTokens(encodeTokens(tokens), text)).toEqual(tokens);
  });

  it('writes out a part of speech it has no code for', () => {
    const tokens: TextToken[] = [{ surface: '仮', base: '仮', pos: '名詞,新しい品詞,*,*', start: 0 }];
    expect(encodeTokens(tokens)).toBe('1\t名詞,新しい品詞,*,*\n');
    expect(decodeTokens(encodeTokens(tokens), '仮')).toEqual(tokens);
  });

  it('round-trips any tokens that cover their text', () => {
    const token = fc.record({
      surface: fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom('あ', '漢', 'A', '\t', '\n', ',', '𠮷', ' ') }),
      base: fc.option(fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('く', '行', 'る') }), { nil: undefined }),
      pos: fc.oneof(fc.constantFrom(...POS_CODES), fc.constant('未知,*,*,*')),
    });
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (drawn) => {
        let at = 0;
        const tokens = drawn.map((t): TextToken => {
          const out = { surface: t.surface, base: t.base ?? t.surface, pos: t.pos, start: at };
          at += t.surface.length;
          return out;
        });
        expect(decodeTokens(encodeTokens(tokens), tokens.map((t) => t.surface).join(''))).toEqual(tokens);
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('still reads entries stored as JSON before this encoding', () => {
    const stored = JSON.stringify([['行っ', '行く', '動詞,自立,*,*'], ['た', '', '助動詞,*,*,*']]);
    expect(decodeTokens(stored, '行った')).toEqual([
      { surface: '行っ', base: '行く', pos: '動詞,自立,*,*', start: 0 },
      { surface: 'た', base: 'た', pos: '助動詞,*,*,*', start: 2 },
    ]);
  });

  it('refuses an entry that does not fit its text', () => {
    expect(() => decodeTokens('5\t0\n', '短い')).toThrow('形態素のキャッシュが壊れています（0 文字目）');
    expect(() => decodeTokens('1\tzz\n', 'あ')).toThrow('壊れています');
    expect(() => decodeTokens('1\t0', 'あ')).toThrow('壊れています');
  });
});
