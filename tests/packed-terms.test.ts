import { describe, expect, it } from 'vitest';
import { PackedTerms, type StoredTerm } from '../pipelines/text/packed-terms.ts';

describe('the terms of many texts, packed', () => {
  it('give back each text’s terms as they were set, in their order', () => {
    const packed = new PackedTerms();
    const terms: StoredTerm[] = [
      { term: 'グループホーム', kind: 'word', start: 0, end: 7 },
      { term: '空き不足', kind: 'shortage', start: 0, end: 11 },
      { term: '〔住まい〕', kind: 'concept', start: 0, end: 7 },
    ];
    packed.set('グループホームの空きがない。', terms);
    packed.set('特になし。', []);
    expect(packed.get('グループホームの空きがない。')).toEqual(terms);
    expect(packed.get('特になし。')).toEqual([]);
    expect(packed.get('書かれていない。')).toBeUndefined();
    expect([packed.has('特になし。'), packed.has('書かれていない。')]).toEqual([true, false]);
  });

  it('grow past their first capacity without losing a term', () => {
    const packed = new PackedTerms();
    // 40,000 texts of three terms each: 520,000 integers, several times the first capacity.
    const termsOf = (i: number): StoredTerm[] => [0, 1, 2].map((k) => ({ term: `語${(i + k) % 997}`, kind: k === 2 ? 'predicate' : 'word', start: k, end: i + k }));
    for (let i = 0; i < 40_000; i++) packed.set(`text ${i}`, termsOf(i));
    for (const i of [0, 1, 21_845, 39_999]) expect(packed.get(`text ${i}`)).toEqual(termsOf(i));
  });
});
