import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseStopWordsCsv, parseTermsCsv } from '../pipelines/text/dictionary/dictionary-csv.ts';
import { DictionaryError } from '../pipelines/text/dictionary/dictionary-error.ts';
import {
  loadWelfareDictionary,
  STOP_WORDS_PATH,
  WELFARE_TERMS_PATH,
  type WelfareDictionary,
} from '../pipelines/text/dictionary/load-dictionary.ts';
import { normaliseForMatch } from '../pipelines/text/dictionary/match-normalise.ts';
import { mergeTerms } from '../pipelines/text/dictionary/merge-terms.ts';
import { matchKey, TermDictionary, type TermMatch } from '../pipelines/text/dictionary/term-dictionary.ts';
import { rejectionBy, thrownBy } from './helpers/thrown.ts';

let welfare: WelfareDictionary;
beforeAll(async () => {
  welfare = await loadWelfareDictionary();
});

const find = (text: string) => welfare.terms.findTerms(normaliseForMatch(text));
const terms = (text: string) => find(text).map((m) => m.term);

const errorOf = (run: () => unknown) => thrownBy(DictionaryError, run);
const loadErrorOf = (run: () => Promise<unknown>) => rejectionBy(DictionaryError, run);

/** The line of the built-in file whose 正規形 is `canonical`. */
function builtInLine(canonical: string): number {
  const lines = readFileSync(WELFARE_TERMS_PATH, 'utf8').split('\r\n');
  return lines.findIndex((line) => line.replace(/^\uFEFF/, '').startsWith(`${canonical},`)) + 1;
}

describe('normaliseForMatch', () => {
  it.each([
    ['ＧＨ', 'GH'],
    ['ｼｮｰﾄｽﾃｲ', 'ショートステイ'],
    ['ｸﾞﾙｰﾌﾟﾎｰﾑ', 'グループホーム'],
    ['グル-プホ―ム', 'グループホーム'],
    ['ヘルパ‐', 'ヘルパー'],
    ['ホ--ム', 'ホーーム'],
    ['A-B型', 'A-B型'],
    ['10～12時 10~12時 10〜12時', '10〜12時 10〜12時 10〜12時'],
    ['Ｂ型　作業所', 'B型 作業所'],
  ])('%s → %s', (raw, normalised) => {
    expect(normaliseForMatch(raw)).toBe(normalised);
  });
});

describe('the data files', () => {
  it.each([
    [WELFARE_TERMS_PATH, '正規形,表記ゆれ,種類,メモ'],
    [STOP_WORDS_PATH, '語,メモ'],
  ])('%s is UTF-8 with a BOM, CRLF line ends and the expected header', (path, header) => {
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('has over 60 canonical terms and 40 to 90 stop words', () => {
    expect(welfare.terms.size).toBeGreaterThanOrEqual(60);
    expect(welfare.stopWords.size).toBeGreaterThanOrEqual(40);
    expect(welfare.stopWords.size).toBeLessThanOrEqual(90);
  });

  it('keeps theme words out of the stop words', () => {
    for (const theme of ['グループホーム', '送迎', '空き', '待機', '不足', '困難', '短期入所', 'ヘルパー']) {
      expect(welfare.stopWords.has(theme), theme).toBe(false);
    }
    for (const boilerplate of ['本人', '支援', '相談', '確認', '対応', '事業所', '話']) {
      expect(welfare.stopWords.has(boilerplate), boilerplate).toBe(true);
    }
  });

  it('lists no ambiguous short form', () => {
    for (const ambiguous of ['区分', '相談員', '拠点', '日自', '後見', '包括', '基幹', '重心', '学童', '作業所', 'ST', '要支援者', '避難計画', '7040']) {
      expect(welfare.terms.canonical(ambiguous), ambiguous).toBeNull();
    }
  });
});

describe('canonical forms', () => {
  it('maps every form of every entry to its canonical form, alone and inside a sentence', () => {
    for (const entry of welfare.terms.entries) {
      for (const form of [entry.canonical, ...entry.variants]) {
        expect(welfare.terms.canonical(form), form).toBe(entry.canonical);
        const before = '利用者は';
        const sentence = `${before}${form}について相談した。`;
        expect(welfare.terms.findTerms(sentence), form).toEqual([
          { start: before.length, end: before.length + form.length, term: entry.canonical },
        ]);
      }
    }
  });

  it.each([
    ...['GH', 'G.H', 'グルホ', '共同生活援助', 'グループホー厶', 'グルーホーム', 'グループホム', 'ＧＨ', 'gh', 'ｸﾞﾙｰﾌﾟﾎｰﾑ', 'グル-プホ-ム', '共同生活支援'].map(
      (v) => [v, 'グループホーム'],
    ),
    ...['SS', 'ＳＳ', 'ショート', 'ショートステイ', 'ショートスティ', 'ｼｮｰﾄｽﾃｲ', 'ショートステー', '短期入所生活介護', '短期入署'].map((v) => [v, '短期入所']),
    ...['放デイ', '放課後デイ', '放課後デイサービス', '放課後等デイ', 'ほうデイ', '放ディ'].map((v) => [v, '放課後等デイサービス']),
    ...['B型', 'Ｂ型', 'b型', 'B型事業所', '就労B', '就B', '就労継続B型'].map((v) => [v, '就労継続支援B型']),
    ['A型', '就労継続支援A型'],
    ['就労移行', '就労移行支援'],
    ['定着支援', '就労定着支援'],
    ['就労低着', '就労定着支援'],
    ...['医ケア児', '医療ケア児', '医療的ケアが必要な子', '医療的ケアが必要な子ども'].map((v) => [v, '医療的ケア児']),
    ['医療的ケヤ', '医療的ケア'],
    ...['訪看', '訪問看護ステーション', '訪門看護'].map((v) => [v, '訪問看護']),
    ...['重訪', '重度訪問', '重度訪門介護'].map((v) => [v, '重度訪問介護']),
    ...['ホームヘルプ', 'ヘルパー派遣'].map((v) => [v, '居宅介護']),
    ...['ﾍﾙﾊﾟｰ', 'へルパー'].map((v) => [v, 'ヘルパー']),
    ...['計画相談', 'サービス等利用計画', 'サ等計画', '計画相段'].map((v) => [v, '計画相談支援']),
    ...['専門員', '相談支援専門委員'].map((v) => [v, '相談支援専門員']),
    ...['ガイドヘルプ', 'ガイヘル', '移動指援'].map((v) => [v, '移動支援']),
    ['生介', '生活介護'],
    ...['地域移行', '地域以降'].map((v) => [v, '地域移行支援']),
    ...['成年後見', '後見制度', '後見人', '成年後継'].map((v) => [v, '成年後見制度']),
    ['日常生活自立支援', '日常生活自立支援事業'],
    ...['親なき後', '親亡きあと'].map((v) => [v, '親亡き後']),
    ['8050', '8050問題'],
    ['児発', '児童発達支援'],
    ...['支援学校', '養護学校'].map((v) => [v, '特別支援学校']),
    ['受給者証', '障害福祉サービス受給者証'],
    ['支援区分', '障害支援区分'],
    ['精神病院', '精神科病院'],
    ['非難所', '避難所'],
    ['ひきこもリ', 'ひきこもり'],
    ['送迎え', '送迎'],
  ])('%s → %s', (variant, canonical) => {
    expect(welfare.terms.canonical(variant)).toBe(canonical);
    expect(terms(`昨年度から${variant}のことで相談。`)).toEqual([canonical]);
  });
});

describe('findTerms', () => {
  it('finds compounds whole', () => {
    expect(find('福祉避難所と個別避難計画')).toEqual([
      { start: 0, end: 5, term: '福祉避難所' },
      { start: 6, end: 12, term: '個別避難計画' },
    ]);
    expect(find('介護保険の65歳問題')).toEqual([
      { start: 0, end: 4, term: '介護保険' },
      { start: 5, end: 10, term: '65歳問題' },
    ]);
    expect(find('市の障害者虐待防止センター')).toEqual([{ start: 2, end: 13, term: '障害者虐待防止センター' }]);
  });

  it.each([
    ['就労継続支援B型に通う', [{ start: 0, end: 8, term: '就労継続支援B型' }]],
    ['短期入所生活介護を利用', [{ start: 0, end: 8, term: '短期入所' }]],
    ['地域定着支援と就労定着支援', [{ start: 0, end: 6, term: '地域定着支援' }, { start: 7, end: 13, term: '就労定着支援' }]],
    ['居宅介護支援事業所のケアマネ', [{ start: 0, end: 9, term: '居宅介護支援事業所' }, { start: 10, end: 14, term: '介護支援専門員' }]],
    ['児発管と児発', [{ start: 0, end: 3, term: '児童発達支援管理責任者' }, { start: 4, end: 6, term: '児童発達支援' }]],
    ['B型肝炎の既往', [{ start: 0, end: 4, term: 'B型肝炎' }]],
    ['未成年後見人の選任', [{ start: 0, end: 6, term: '未成年後見' }]],
    ['地域包括ケアシステム', [{ start: 0, end: 10, term: '地域包括ケアシステム' }]],
    ['GHの空き待ち', [{ start: 0, end: 2, term: 'グループホーム' }, { start: 3, end: 7, term: '待機' }]],
    ['毎日自宅で過ごす', []],
    ['その後見守りを続ける', []],
    ['障害児相談の窓口', [{ start: 0, end: 5, term: '障害児相談支援' }]],
    ['地域生活定着支援センター', [{ start: 0, end: 12, term: '地域生活定着支援センター' }]],
    ['睡眠不足が続く', [{ start: 0, end: 4, term: '睡眠不足' }]],
  ])('leftmost-longest in %s', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it('prefers the leftmost match to a longer one that starts later', () => {
    const dictionary = new TermDictionary([
      { canonical: '甲乙', variants: [], kind: 'compound' },
      { canonical: '乙丙丁戊', variants: [], kind: 'compound' },
    ]);
    expect(dictionary.findTerms('甲乙丙丁戊')).toEqual([{ start: 0, end: 2, term: '甲乙' }]);
  });

  it.each([
    ['GHの空き', ['グループホーム', '空き']],
    ['GH入居', ['グループホーム']],
    ['GH・SS', ['グループホーム', '短期入所']],
    ['(GH)', ['グループホーム']],
    ['GHQ', []],
    ['AGH', []],
    ['SSD', []],
    ['ASSIST', []],
    ['SSWと連携', ['スクールソーシャルワーカー']],
    ['MSWに相談', ['医療ソーシャルワーカー']],
    ['AB型', []],
    ['18050円', []],
    ['80500', []],
    ['ショートケアに通う', []],
    ['ヘルパーステーション', []],
    ['ホームヘルパー', ['ヘルパー']],
    ['ショートステイ先', ['短期入所']],
  ])('word boundaries: %s', (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  it('scans a text of 100,000 characters', () => {
    const text = normaliseForMatch('GHの空きがなく、ショートも足りない。'.repeat(6000));
    expect(text.length).toBeGreaterThanOrEqual(100_000);
    const found = welfare.terms.findTerms(text);
    expect(found).toHaveLength(24_000);
    expect(found.slice(0, 4).map((m) => m.term)).toEqual(['グループホーム', '空き', '短期入所', '不足']);
  });

  it('returns sorted, non-overlapping spans of listed forms, the same as a brute-force scan', () => {
    const forms = welfare.terms.entries.flatMap((e) => [e.canonical, ...e.variants]);
    const longest = Math.max(...forms.map((f) => f.length));
    const piece = fc.oneof(
      fc.constantFrom(...forms),
      fc.constantFrom('の', 'が', '、', '。', ' ', '-', 'ー', 'A', 'Q', 'x', '1', 'ス', 'ケア', '支援', '事業所', '型', 'ｰ', 'ｶ', '～'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const text = normaliseForMatch(pieces.join(''));
        const found = welfare.terms.findTerms(text);
        let previousEnd = 0;
        for (const m of found) {
          expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(welfare.terms.canonical(text.slice(m.start, m.end))).toBe(m.term);
          previousEnd = m.end;
        }
        expect(found).toEqual(bruteForce(text, welfare.terms, longest));
      }),
      { numRuns: 400 },
    );
  });
});

/** Leftmost-longest by trying every length at every position, with the documented boundary rule. */
function bruteForce(text: string, dictionary: TermDictionary, longest: number): TermMatch[] {
  const out: TermMatch[] = [];
  const cls = (c: string | undefined) => (c === undefined ? 0 : /[A-Za-z0-9]/.test(c) ? 1 : /[\u30A1-\u30FA\u30FC]/.test(c) ? 2 : 0);
  const cuts = (a: string | undefined, b: string | undefined) => cls(a) !== 0 && cls(a) === cls(b);
  let i = 0;
  while (i < text.length) {
    let hit: TermMatch | null = null;
    for (let end = Math.min(text.length, i + longest); end > i && !hit; end--) {
      const term = dictionary.canonical(text.slice(i, end));
      if (term === null || matchKey(text.slice(i, end)) !== text.slice(i, end).replace(/[A-Z]/g, (c) => c.toLowerCase())) continue;
      if (cuts(text[i - 1], text[i]) || cuts(text[end - 1], text[end])) continue;
      hit = { start: i, end, term };
    }
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else {
      i++;
    }
  }
  return out;
}

describe('council additions', () => {
  it('adds variants to a built-in term, new terms and stop words', async () => {
    const { terms: dictionary, stopWords } = await loadWelfareDictionary({
      terms: [
        { canonical: 'グループホーム', variants: ['ホーム入居'], kind: 'synonym' },
        { canonical: 'ピアサポート', variants: ['ピアサポーター', 'ピア・サポート'], kind: 'compound', note: '市の独自事業' },
        { canonical: 'ピアサポート', variants: ['ピアサポ'], kind: 'compound' },
      ],
      stopWords: ['ＭＴＧ', '協議'],
    });
    expect(dictionary.canonical('ホーム入居')).toBe('グループホーム');
    expect(dictionary.canonical('GH')).toBe('グループホーム');
    expect(dictionary.entry('ピアサポート')).toEqual({
      canonical: 'ピアサポート',
      variants: ['ピアサポーター', 'ピア・サポート', 'ピアサポ'],
      kind: 'compound',
      note: '市の独自事業',
    });
    expect(dictionary.findTerms('ピアサポの会')).toEqual([{ start: 0, end: 4, term: 'ピアサポート' }]);
    expect(stopWords.has('MTG')).toBe(true);
    expect(stopWords.has('協議')).toBe(true);
    expect(stopWords.has('本人')).toBe(true);
  });

  it('refuses a variant that a built-in term already claims, naming both places', async () => {
    const error = await loadErrorOf(() =>
      loadWelfareDictionary({ terms: [{ canonical: 'ショートケア', variants: ['ショート'], kind: 'compound' }] }),
    );
    expect(error.message).toBe(
      `協議会の追加用語 1 件目「表記ゆれ」: 「ショート」は welfare-terms.csv ${builtInLine('短期入所')} 行目の「短期入所」と ` +
        '1 件目の「ショートケア」の両方に登録されています。どちらか一方にしてください',
    );
  });

  it('refuses a new canonical term that is a built-in variant', async () => {
    const error = await loadErrorOf(() => loadWelfareDictionary({ terms: [{ canonical: 'ＧＨ', variants: [], kind: 'compound' }] }));
    expect(error.message).toBe(
      `協議会の追加用語 1 件目「正規形」: 「GH」は welfare-terms.csv ${builtInLine('グループホーム')} 行目の「グループホーム」と ` +
        '1 件目の「GH」の両方に登録されています。どちらか一方にしてください',
    );
  });

  it.each([
    [{ terms: [{ canonical: ' ', variants: [], kind: 'compound' }] }, '協議会の追加用語 1 件目「正規形」: 正規形が空です'],
    [
      { terms: [{ canonical: 'X', variants: [], kind: 'compound' }, { canonical: 'Y', variants: [], kind: 'alias' }] },
      '協議会の追加用語 2 件目「種類」: 「alias」は種類として使えません。synonym か compound を指定してください',
    ],
    [{ terms: [{ canonical: 'X', variants: 'Y', kind: 'synonym' }] }, '協議会の追加用語 1 件目「表記ゆれ」: 表記ゆれは文字列の配列で指定してください'],
    [{ stopWords: ['会議録', ''] }, '協議会の追加不要語 2 件目「語」: 語が空です'],
  ])('refuses %j', async (extra, message) => {
    const error = await loadErrorOf(() => loadWelfareDictionary(extra as Parameters<typeof loadWelfareDictionary>[0]));
    expect(error.message).toBe(message);
  });
});

describe('malformed CSV rows', () => {
  const HEADER = '\uFEFF正規形,表記ゆれ,種類,メモ\r\n';
  const load = (body: string) => mergeTerms(parseTermsCsv(HEADER + body, 'council-terms.csv'));

  it.each([
    ['グループホーム,GH,同意語,\r\n', 'council-terms.csv 2 行目「種類」: 「同意語」は種類として使えません。「同義語」か「複合語」と書いてください'],
    ['グループホーム,GH,,\r\n', 'council-terms.csv 2 行目「種類」: 種類が空です。「同義語」か「複合語」と書いてください'],
    ['グループホーム,GH,同義語,\r\n,SS,同義語,\r\n', 'council-terms.csv 3 行目「正規形」: 正規形が空です'],
    ['ピアサポート,,同義語,\r\n', 'council-terms.csv 2 行目「表記ゆれ」: 同義語には表記ゆれを1つ以上書いてください（なければ種類を「複合語」に）'],
    [
      '短期入所,SS|ショート,同義語,\r\n\r\nグループホーム,GH,同義語,\r\nショートケア,ショート,複合語,\r\n',
      'council-terms.csv 5 行目「表記ゆれ」: 「ショート」は 2 行目の「短期入所」と 5 行目の「ショートケア」の両方に登録されています。どちらか一方にしてください',
    ],
    [
      '短期入所,SS,同義語,"複数行の\r\nメモ"\r\nグループホーム,ＳＳ,同義語,\r\n',
      'council-terms.csv 4 行目「表記ゆれ」: 「SS」は 2 行目の「短期入所」と 4 行目の「グループホーム」の両方に登録されています。どちらか一方にしてください',
    ],
    [
      '短期入所,SS,同義語,\r\n短期入所,ショート,同義語,\r\n',
      'council-terms.csv 3 行目「正規形」: 「短期入所」は 2 行目にもあります。表記ゆれは一つの行にまとめてください',
    ],
    ['短期入所,"SS,同義語,\r\n', 'council-terms.csv 2 行目: 「"」で始まったセルが閉じられていません'],
    ['グループホーム,GH,同義語,"メモ\r\n続き"\r\n短期入所,"SS,同義語,\r\n', 'council-terms.csv 4 行目: 「"」で始まったセルが閉じられていません'],
  ])('%j', (body, message) => {
    const error = errorOf(() => load(body));
    expect(error.message).toBe(message);
    expect(error.source).toBe('council-terms.csv');
  });

  it('refuses a file without a required column', () => {
    const error = errorOf(() => parseTermsCsv('正規形,表記ゆれ,メモ\r\nGH,,\r\n', 'council-terms.csv'));
    expect(error.message).toBe('council-terms.csv 1 行目: 見出しに「種類」がありません（正規形,表記ゆれ,種類,メモ の列が必要です）');
  });

  it('reads columns in any order, full-width bars, blank rows and LF line ends', () => {
    const entries = mergeTerms(parseTermsCsv('種類,正規形,表記ゆれ\n同義語,グループホーム, GH ｜グルホ\n,,\n複合語,福祉避難所,\n', 'x.csv'));
    expect(entries).toEqual([
      { canonical: 'グループホーム', variants: ['GH', 'グルホ'], kind: 'synonym' },
      { canonical: '福祉避難所', variants: [], kind: 'compound' },
    ]);
  });

  it('refuses a stop word row without a word', () => {
    const error = errorOf(() => parseStopWordsCsv('\uFEFF語,メモ\r\n本人,主語\r\n,定型語\r\n', 'stopwords.csv'));
    expect(error.message).toBe('stopwords.csv 3 行目「語」: 語が空です');
  });
});
