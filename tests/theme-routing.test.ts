import { beforeAll, describe, expect, it } from 'vitest';
import { loadCouncilSettings, presetPath } from '../pipelines/council/settings.ts';
import type { Subcommittee } from '../pipelines/council/settings.ts';
import { loadWelfareDictionary } from '../pipelines/text/dictionary/load-dictionary.ts';
import { routeTheme, routingConfidence } from '../pipelines/themes/routing/route-theme.ts';
import { matchStrength, termForms } from '../pipelines/themes/routing/term-match.ts';

let kisarazu: Subcommittee[];
let kamakura: Subcommittee[];
let canonical: (word: string) => string | null;

beforeAll(async () => {
  kisarazu = (await loadCouncilSettings(presetPath('kisarazu'))).subcommittees;
  kamakura = (await loadCouncilSettings(presetPath('kamakura'))).subcommittees;
  const { terms } = await loadWelfareDictionary();
  canonical = (word) => terms.canonical(word);
});

/** A theme's top terms, strongest first: 1.0, 0.9, 0.8, … */
const theme = (...terms: string[]) => terms.map((term, i) => ({ term, weight: 1 - i * 0.1 }));

describe('matchStrength', () => {
  it('is 1 for the same canonical term', () => {
    expect(matchStrength(termForms('SS', canonical), termForms('ショートステイ', canonical))).toBe(1);
    expect(matchStrength(termForms('成年後見制度', canonical), termForms('成年後見', canonical))).toBe(1);
  });

  it('is half the covered share when one word contains the other', () => {
    expect(matchStrength(termForms('一般就労'), termForms('就労'))).toBeCloseTo(0.5 * (2 / 4), 12);
    expect(matchStrength(termForms('住まい'), termForms('退院後の住まい'))).toBeCloseTo(0.5 * (3 / 7), 12);
  });

  it('ignores one-character pieces and unrelated words', () => {
    expect(matchStrength(termForms('児'), termForms('医療的ケア児'))).toBe(0);
    expect(matchStrength(termForms('看護師'), termForms('訪問看護'))).toBe(0);
  });
});

describe('routeTheme: clear cases, Kisarazu', () => {
  it.each([
    [['グループホーム', '空き', '入居', '親亡き後'], '居住支援部会', ['グループホーム', '空き', '入居', '親亡き後']],
    [['医療的ケア児', '看護師', '預け先'], 'こども部会', ['医療的ケア児']],
    [['虐待', '通報', '成年後見制度'], '権利擁護部会', ['虐待', '通報', '成年後見制度']],
    [['個別避難計画', '避難所', '災害'], '安心安全部会', ['個別避難計画', '避難所', '災害']],
    // 職場 is half of 職場実習 (0.25); 就労定着支援 holds 就労 or 定着 in a third of it (0.17).
    [['一般就労', '就労定着支援', '職場'], '就労生活支援部会', ['一般就労', '職場', '就労定着支援']],
    [['理解', '偏見', '地域住民'], '啓発交流部会', ['偏見', '地域住民', '理解']],
  ])('%j → %s', (terms, subcommittee, reason) => {
    expect(routeTheme(theme(...terms), kisarazu, canonical)).toEqual({ subcommittee, reason, confidence: 1 });
  });
});

describe('routeTheme: clear cases, Kamakura', () => {
  it.each([
    [['退院', '地域移行支援', '精神科'], '精神保健福祉部会', ['退院', '地域移行支援', '精神科']],
    [['放課後等デイサービス', '療育'], 'こども応援部会', ['放課後等デイサービス', '療育']],
    [['短期入所', '緊急', '移動支援'], '地域生活支援部会', ['短期入所', '移動支援', '緊急']],
  ])('%j → %s', (terms, subcommittee, reason) => {
    expect(routeTheme(theme(...terms), kamakura, canonical)).toEqual({ subcommittee, reason, confidence: 1 });
  });
});

describe('routeTheme', () => {
  it('returns null when nothing matches', () => {
    expect(routeTheme(theme('天気', '料理'), kisarazu, canonical)).toBeNull();
    expect(routeTheme(theme('天気', '料理'), kamakura, canonical)).toBeNull();
    expect(routeTheme([], kisarazu, canonical)).toBeNull();
    expect(routeTheme(theme('グループホーム'), [], canonical)).toBeNull();
  });

  it('returns null when the best match is negligible', () => {
    // 支援 covers a third of 就労継続支援 (0.17), times a weight of 0.1 out of 3.1.
    const faint = [
      { term: '天気', weight: 1 },
      { term: '料理', weight: 1 },
      { term: '買い物', weight: 1 },
      { term: '支援', weight: 0.1 },
    ];
    expect(routeTheme(faint, kisarazu, canonical)).toBeNull();
  });

  it('matches variants through the dictionary, and only through it', () => {
    // The theme's SS and the preset's ショートステイ / 短期入所 are all 短期入所.
    expect(routeTheme(theme('SS', '緊急時'), kisarazu, canonical)).toEqual({
      subcommittee: '安心安全部会',
      reason: ['SS', '緊急時'],
      confidence: 1,
    });
    expect(routeTheme(theme('GH'), kamakura)).toBeNull();
    expect(routeTheme(theme('GH'), kamakura, canonical)?.subcommittee).toBe('地域生活支援部会');
  });

  it('counts spellings of one canonical term once, with their weights added', () => {
    const twice = [
      { term: 'GH', weight: 0.5 },
      { term: 'グループホーム', weight: 0.5 },
      { term: '短期入所', weight: 0.9 },
    ];
    // Merged, グループホーム (1.0) outweighs 短期入所 (0.9) in 居住支援部会 vs 安心安全部会.
    const routing = routeTheme(twice, kisarazu, canonical);
    expect(routing?.subcommittee).toBe('居住支援部会');
    expect(routing?.reason).toEqual(['GH']);
  });

  it('finds a seed inside a compound at a reduced weight', () => {
    // 住まい (地域生活支援部会) covers 3/7 of 退院後の住まい, 退院 (精神保健福祉部会) 2/7.
    const routing = routeTheme(theme('退院後の住まい'), kamakura, canonical);
    expect(routing?.subcommittee).toBe('地域生活支援部会');
    expect(routing?.reason).toEqual(['退院後の住まい']);
    expect(routing?.confidence).toBeCloseTo(routingConfidence(3 / 14, [2 / 14, 0]), 12);
    expect(routing?.confidence).toBeCloseTo((3 / 5 + 1 / 3) / 2, 12);
  });

  it('is less confident about a mixed theme than a clear one', () => {
    const mixed = [
      { term: 'グループホーム', weight: 1 },
      { term: '短期入所', weight: 0.9 },
      { term: '空き', weight: 0.8 },
      { term: '緊急', weight: 0.7 },
    ];
    const routing = routeTheme(mixed, kisarazu, canonical);
    // 居住支援部会: 1 + 0.8; 安心安全部会: 0.9 + 0.7 × (0.5 × 2/3) for 緊急 in 緊急時.
    const housing = 1.8;
    const safety = 0.9 + 0.7 * (0.5 * (2 / 3));
    expect(routing?.subcommittee).toBe('居住支援部会');
    expect(routing?.reason).toEqual(['グループホーム', '空き']);
    const expected = (housing / (housing + safety) + (housing - safety) / housing) / 2;
    expect(routing?.confidence).toBeCloseTo(expected, 12);
    expect(routing?.confidence).toBeGreaterThan(0.4);
    expect(routing?.confidence).toBeLessThan(0.6);
  });

  it('breaks a tie by the order of the preset', () => {
    // グループホーム and 短期入所 are each a seed of exactly one Kisarazu subcommittee.
    const tie = [
      { term: '短期入所', weight: 1 },
      { term: 'グループホーム', weight: 1 },
    ];
    expect(routeTheme(tie, kisarazu, canonical)).toEqual({
      subcommittee: '居住支援部会',
      reason: ['グループホーム'],
      confidence: 0.25,
    });
    const reversed = [...kisarazu].reverse();
    expect(routeTheme(tie, reversed, canonical)?.subcommittee).toBe('安心安全部会');
  });

  it('lists at most five reasons, strongest first, ties in the theme order', () => {
    const many = ['グループホーム', '空き', '入居', '親亡き後', '一人暮らし', '賃貸', '保証人'].map((term) => ({
      term,
      weight: term === '保証人' ? 2 : 1,
    }));
    expect(routeTheme(many, kisarazu, canonical)?.reason).toEqual(['保証人', 'グループホーム', '空き', '入居', '親亡き後']);
  });
});

describe('routingConfidence', () => {
  it('is 1 for a lone winner, 0.25 for a tie of two and 1/6 for a tie of three', () => {
    expect(routingConfidence(0.4, [0, 0])).toBe(1);
    expect(routingConfidence(0.4, [0.4])).toBe(0.25);
    expect(routingConfidence(0.3, [0.3, 0.3])).toBeCloseTo(1 / 6, 12);
    expect(routingConfidence(0, [0])).toBe(0);
  });
});
