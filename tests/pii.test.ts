import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePiiProbe, parsePiiProbe } from '../pipelines/eval/pii-probe.ts';
import type { PiiKind } from '../pipelines/ingest/issues.ts';
import { findPii, maskPii, PII_PLACEHOLDERS, type PiiSpan } from '../pipelines/ingest/pii.ts';
import { EMAIL, ID_GROUPED } from '../pipelines/ingest/pii-patterns.ts';

const probeCsv = readFileSync(new URL('../fixtures/pii-probe.csv', import.meta.url), 'utf8');
const probeRows = parsePiiProbe(probeCsv);

const kinds = (text: string): PiiKind[] => findPii(text).map((s) => s.kind);
const mask = (text: string): string => maskPii(text, findPii(text));

function expectWellFormed(text: string, spans: readonly PiiSpan[]): void {
  let at = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(at);
    expect(s.end).toBeGreaterThan(s.start);
    at = s.end;
  }
  expect(at).toBeLessThanOrEqual(text.length);
}

describe('findPii on the labelled probe file', () => {
  it.each(probeRows)('$id $note', ({ text, expected }) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('covers every kind at least five times and has at least 35 clean rows', () => {
    const counts = new Map<string, number>();
    for (const row of probeRows) for (const k of row.expected) counts.set(k, (counts.get(k) ?? 0) + 1);
    for (const kind of Object.keys(PII_PLACEHOLDERS)) expect(counts.get(kind) ?? 0).toBeGreaterThanOrEqual(5);
    expect(probeRows.filter((r) => r.expected.length === 0).length).toBeGreaterThanOrEqual(35);
  });

  it.each(probeRows)('$id spans are sorted, disjoint and masking is idempotent', ({ text }) => {
    const spans = findPii(text);
    expectWellFormed(text, spans);
    const masked = maskPii(text, spans);
    expect(findPii(masked)).toEqual([]);
    expect(mask(masked)).toBe(masked);
  });

  it('evaluates to every identifier caught and no false flag', () => {
    const result = evaluatePiiProbe(probeCsv);
    expect({
      rows: result.rows,
      cleanRows: result.cleanRows,
      identifiers: result.identifiers,
      caught: result.caught,
      missed: result.missed,
      falseFlags: result.falseFlags,
    }).toEqual({ rows: 174, cleanRows: 77, identifiers: 110, caught: 110, missed: [], falseFlags: [] });
    expect(result.byKind.phone).toEqual({ expected: 21, caught: 21, falseFlags: 0 });
    expect(result.byKind.name).toEqual({ expected: 32, caught: 32, falseFlags: 0 });
  });
});

describe('maskPii', () => {
  it.each([
    ['連絡先は090-1234-5678です', '連絡先は［電話番号］です'],
    ['母・山本さんより電話（0439-55-1212）', '母・［氏名］さんより電話（［電話番号］）'],
    ['障害者手帳番号：第123456号', '障害者手帳番号：第［個人番号］号'],
    ['〒292-0834 木更津市富士見1丁目2番3号 田中花子様', '［郵便番号］ 木更津市［住所］ ［氏名］様'],
    ['本人は昭和45年3月2日生、独身。', '本人は［生年月日］生、独身。'],
    ['生年月日：平成2年5月6日', '生年月日：［生年月日］'],
    ['田中さんと鈴木さんが同席', '［氏名］さんと［氏名］さんが同席'],
    ['山田 太郎 様', '［氏名］ 様'],
    ['マイナンバー1234 5678 9012を控えた', 'マイナンバー［個人番号］を控えた'],
    ['メールはｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐまで', 'メールは［メール］まで'],
    ['受給者証番号1234567890の山田太郎さん', '受給者証番号［個人番号］の［氏名］さん'],
    ['清見台東1-2-3 サンハイツ201号室に入居', '［住所］に入居'],
    ['ケアマネさんと病院さん、Aさんが2024年4月12日に会議', 'ケアマネさんと病院さん、Aさんが2024年4月12日に会議'],
  ])('%s → %s', (text, masked) => {
    expect(mask(text)).toBe(masked);
  });

  it('gives UTF-16 offsets into the original text', () => {
    expect(findPii('TEL 0438-23-1234')).toEqual([{ kind: 'phone', start: 4, end: 16 }]);
    expect(findPii('氏名：山田太郎')).toEqual([{ kind: 'name', start: 3, end: 7 }]);
  });

  it('accepts spans in any order', () => {
    const text = '田中さん 090-1234-5678';
    const spans = findPii(text);
    expect(maskPii(text, [...spans].reverse())).toBe('［氏名］さん ［電話番号］');
  });
});

/** No digit, no @, no honorific, address, postal or birth marker (さ く ち 様 氏 君 丁 番 生 名 元 〒 フルネーム). */
const harmlessChars = [
  ...'あいうえおかきけこしすせそたつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだでどばびぶべぼ',
  ...'アイウエオカキクケコサシスセソタチツテトナニヌノハヒフヘホマミムメモヤユヨラリルレロワンー・',
  ...'本人家族支援相談課題会議地域活動福祉事業所利用者希望不安困難移動通所入所施設病院学校市町村区県道府都号目地',
  ...'、。「」（）()，．：:ー-/　 \nABCXYZabcxyzＡＢＸ〇○×',
];
const harmlessText = fc.string({ unit: fc.constantFrom(...harmlessChars), maxLength: 200 });

const digit = fc.constantFrom(...'0123456789０１２３４５６７８９');
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const hyphen = fc.constantFrom('-', '‐', '−', '－', 'ー', '');
const phone = fc
  .tuple(fc.constantFrom('090', '080', '070', '０９０'), hyphen, digits(4), hyphen, digits(4))
  .map((p) => p.join(''));
const fixedLine = fc
  .oneof(
    fc.tuple(fc.constantFrom('0438', '０４３８'), hyphen, digits(2), hyphen, digits(4)),
    fc.tuple(fc.constant('03'), hyphen, digits(4), hyphen, digits(4)),
  )
  .map((p) => p.join(''));
const myNumber = fc.tuple(digits(4), hyphen, digits(4), hyphen, digits(4)).map((p) => p.join(''));
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._]{0,8}$/), fc.constantFrom('@', '＠'), fc.constantFrom('example.jp', 'mail.example.co.jp'))
  .map((p) => p.join(''));
const filler = fc.constantFrom('連絡先は', 'に連絡、', ' ', '。', '本人', '週2回', '2024年4月12日', '18-29', 'S01', '', '田中さん');
const noisyText = fc.array(fc.oneof(phone, fixedLine, myNumber, email, digits(3), filler), { maxLength: 12 }).map((p) => p.join(''));

describe('properties', () => {
  it('text without digits, @ or any marker yields no finding', () => {
    fc.assert(
      fc.property(harmlessText, (text) => {
        expect(findPii(text)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('spans are sorted and disjoint on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 120 }), noisyText), (text) => {
        expectWellFormed(text, findPii(text));
      }),
      { numRuns: 500 },
    );
  });

  it('masked text holds no phone, email or My Number', () => {
    fc.assert(
      fc.property(noisyText, (text) => {
        const masked = mask(text);
        expect(findPii(masked).filter((s) => s.kind === 'phone' || s.kind === 'email' || s.kind === 'id_number')).toEqual([]);
        EMAIL.lastIndex = 0;
        ID_GROUPED.lastIndex = 0;
        expect(EMAIL.test(masked)).toBe(false);
        expect(ID_GROUPED.test(masked)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds every generated phone, email and My Number standing between words', () => {
    fc.assert(
      fc.property(fc.oneof(phone, fixedLine, myNumber, email), (id) => {
        expect(findPii(`本人の${id}に連絡した。`)).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});
