import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseText, storedOffset } from '../pipelines/text/normalise.ts';
import { segmentText } from '../pipelines/text/text-tokens.ts';
import { decodeTokens, encodeTokens } from '../pipelines/text/token-encoding.ts';
import { analyse } from './helpers/tokens.ts';

describe('normaliseText', () => {
  it.each([
    ['ＧＨの空きがない', 'GHの空きがない'],
    ['ｸﾞﾙｰﾌﾟﾎｰﾑ', 'グループホーム'],
    ['グル-プホーム', 'グループホーム'],
    ['ショ―トステイ', 'ショートステイ'],
    ['10～12時', '10〜12時'],
    ['10~12時', '10〜12時'],
    ['送迎が<br>ない<b>強調</b>', '送迎が\nない強調'],
    ['&lt;b&gt; &amp; &#12354;', '<b> & あ'],
    ['［氏名］さん', '[氏名]さん'],
    ['①㈱', '1(株)'],
    ['か\u3099', 'が'],
    ['A-1型', 'A-1型'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseText(raw).text).toBe(expected);
  });

  it('leaves plain text as it is, offsets and all', () => {
    expect(normaliseText('グループホームの空きがない。')).toEqual({ text: 'グループホームの空きがない。', offsets: null });
  });

  it('maps every analysed character back to where it came from in the stored text', () => {
    expect(normaliseText('ｸﾞﾙｰﾌﾟ<b>X</b>').offsets).toEqual([0, 2, 3, 4, 9, 14]);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('ｸ', 'ﾞ', 'ー', '-', '<br>', '&amp;', 'Ａ', '①', 'あ', '𠮷', '～') }), (raw) => {
        const normalised = normaliseText(raw);
        const offsets = Array.from({ length: normalised.text.length + 1 }, (_, i) => storedOffset(normalised, i));
        expect(offsets[normalised.text.length]).toBe(raw.length);
        for (let i = 1; i < offsets.length; i++) expect(offsets[i]).toBeGreaterThanOrEqual(offsets[i - 1] as number);
        if (normalised.offsets === null) expect(normalised.text).toBe(raw);
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});

describe('normaliseText on references and characters that are not valid', () => {
  it.each(['&#x110000;', '&#xFFFFFF;', '&#xD800;', '&#xDFFF;', '&#55296;', '&#0;', '&#x0;', '&#99999999999;', '&#1114112;'])(
    'keeps the invalid reference %s as it is written',
    (reference) => {
      const normalised = normaliseText(`あ${reference}い`);
      expect(normalised.text).toBe(`あ${reference}い`);
      expect(storedOffset(normalised, normalised.text.length)).toBe(reference.length + 2);
    },
  );

  it('still decodes the valid ones, up to the last code point', () => {
    expect(normaliseText('&#x1F600;&#x10FFFF;&#999999;').text).toBe('😀\u{10FFFF}\u{F423F}');
  });

  it('never throws, whatever the text, and keeps its offsets in order', () => {
    const unit = fc.oneof(
      fc.constantFrom('&#x110000;', '&#xD800;', '&#xDC00;', '&#0;', '&#x', '&#', '&', ';', '<', '<br', '>', '\uD800', '\uDC00', '\u0301', '\u3099', 'ｶ', 'ﾞ', '-', '～', '😀'),
      fc.string({ unit: 'grapheme-composite', maxLength: 3 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const raw = units.join('');
        const normalised = normaliseText(raw);
        expect(storedOffset(normalised, normalised.text.length)).toBe(raw.length);
        for (let i = 1; i <= normalised.text.length; i++) {
          expect(storedOffset(normalised, i)).toBeGreaterThanOrEqual(storedOffset(normalised, i - 1));
        }
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});

describe('tokens of an analysed text', () => {
  it('keeps each placeholder of the guard as one token', async () => {
    const { tokens } = await analyse('［氏名］さんの電話［電話番号］に連絡');
    expect(tokens.map((t) => [t.surface, t.pos])).toEqual([
      ['[氏名]', '記号,伏せ字,*,*'],
      ['さん', '名詞,接尾,人名,*'],
      ['の', '助詞,連体化,*,*'],
      ['電話', '名詞,サ変接続,*,*'],
      ['[電話番号]', '記号,伏せ字,*,*'],
      ['に', '助詞,格助詞,一般,*'],
      ['連絡', '名詞,サ変接続,*,*'],
    ]);
    expect(segmentText('a[住所]b').map((s) => s.placeholder)).toEqual([false, true, false]);
  });

  it('gives each token its offset in the analysed text, and survives the cache encoding', async () => {
    const { text, tokens } = await analyse('送迎がない。ＧＨも満床');
    for (const t of tokens) expect(text.slice(t.start, t.start + t.surface.length)).toBe(t.surface);
    expect(decodeTokens(encodeTokens(tokens), text)).toEqual(tokens);
    expect(tokens.find((t) => t.surface === 'ない')?.base).toBe('ない');
  });
});
