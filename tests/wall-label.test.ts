import { describe, expect, it } from 'vitest';
import { GENERIC_HEADS, keyTerms, labelOf, wallLabel, wallTally } from '../pipelines/themes/wall-label.ts';

const terms = (...names: string[]) => names.map((term, i) => ({ term, weight: 1 - i / 10 }));
const covering = (shares: Record<string, number>) => (term: string) => (Object.hasOwn(shares, term) ? (shares[term] as number) : 0);

describe('wallLabel', () => {
  it('names the wall by its head term and what the members say of it, with a qualifier', () => {
    const label = wallLabel(terms('母', '短期入所', '緊急'), covering({ 母: 0.9, 短期入所: 0.8, 緊急: 0.6 }), [
      '緊急時に短期入所の空きがない。',
      '短期入所が足りない。母が入院。',
      '本人の不安が強い。',
    ]);
    expect(label).toEqual({ label: '短期入所の不足（緊急）', keyTerms: ['短期入所', '緊急'] });
  });

  it('takes a concept of the thesaurus by its name, and a refusal when the members say so', () => {
    const label = wallLabel(terms('〔賃貸住宅入居〕', '保証人'), covering({ '〔賃貸住宅入居〕': 0.7, 保証人: 0.4 }), ['賃貸住宅入居を断られた。', '不動産屋で賃貸住宅入居を断られる。']);
    expect(label).toEqual({ label: '賃貸住宅入居を断られる', keyTerms: ['〔賃貸住宅入居〕'] });
  });

  it('never heads a label with a generic word, nor with a term in under half the cases', () => {
    expect(GENERIC_HEADS.has('家族')).toBe(true);
    const label = wallLabel(terms('家族', '本人', '送迎'), covering({ 家族: 1, 本人: 1, 送迎: 0.49 }), []);
    expect(label).toEqual({ label: '送迎', keyTerms: [] });
    expect(wallLabel(terms('支援', '本人'), covering({}), []).label).toBe('（語なし）');
  });

  it('adds no ending where the members say nothing of the head itself', () => {
    expect(wallLabel(terms('グループホーム'), covering({ グループホーム: 0.9 }), ['職員が足りない。', 'グループホームを見学した。']).label).toBe('グループホーム');
  });

  it('comes out the same when the members’ texts are counted one at a time, as an analysis streams them', () => {
    const themeTerms = terms('母', '短期入所', '緊急');
    const coverage = covering({ 母: 0.9, 短期入所: 0.8, 緊急: 0.6 });
    const texts = ['緊急時に短期入所の空きがない。', '短期入所は待機が長い。', '短期入所の待ちが続く。', '本人の不安が強い。', '短期入所を断られた。'];
    const keys = keyTerms(themeTerms, coverage);
    const tally = wallTally(keys);
    for (const text of texts) tally?.add(text);
    expect(labelOf(themeTerms, keys, tally)).toEqual(wallLabel(themeTerms, coverage, texts));
    expect(labelOf(themeTerms, keys, tally)).toEqual({ label: '短期入所の待機が長い（緊急）', keyTerms: ['短期入所', '緊急'] });
    expect(wallTally(keyTerms(terms('支援'), covering({ 支援: 1 })))).toBeNull();
  });
});
