import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConferenceDate } from '../pipelines/ingest/dates.ts';

const FORMATS = '2024/4/12、2024-04-12、2024年4月12日、令和6年4月12日、R6.4.12';

describe('parseConferenceDate: accepted', () => {
  it.each([
    ['2024/04/12', '2024-04-12'],
    ['2024/4/12', '2024-04-12'],
    ['2024-4-12', '2024-04-12'],
    ['2024-04-12', '2024-04-12'],
    ['2024.4.12', '2024-04-12'],
    ['2024年4月12日', '2024-04-12'],
    ['2024/4/12 0:00', '2024-04-12'],
    ['2024/04/12 00:00:00', '2024-04-12'],
    ['  2024/4/12\t', '2024-04-12'],
    ['２０２４／０４／１２', '2024-04-12'],
    ['２０２４年４月１２日', '2024-04-12'],
    ['2024年 4月 12日', '2024-04-12'],
    ['2024年4月12日(金)', '2024-04-12'],
    ['2024年4月12日（金）', '2024-04-12'],
    ['2024/2/29', '2024-02-29'],
    ['2000/2/29', '2000-02-29'],
    ['令和6年4月12日', '2024-04-12'],
    ['令和６年４月１２日', '2024-04-12'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和1年5月1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和64年1月7日', '1989-01-07'],
    ['昭和元年12月25日', '1926-12-25'],
    ['大正元年7月30日', '1912-07-30'],
    ['大正15年12月24日', '1926-12-24'],
    ['明治元年1月1日', '1868-01-01'],
    ['明治45年7月29日', '1912-07-29'],
    ['㋿6年4月12日', '2024-04-12'],
    ['R6.4.12', '2024-04-12'],
    ['R06.04.12', '2024-04-12'],
    ['H31.4.30', '2019-04-30'],
    ['S64.1.7', '1989-01-07'],
    ['T15.12.24', '1926-12-24'],
    ['M45.7.29', '1912-07-29'],
    ['R6/4/12', '2024-04-12'],
    ['R6-4-12', '2024-04-12'],
    ['r6.4.12', '2024-04-12'],
    ['Ｒ６．４．１２', '2024-04-12'],
    ['令和6.4.12', '2024-04-12'],
    ['R元.5.1', '2019-05-01'],
  ])('%j → %s', (raw, iso) => {
    expect(parseConferenceDate(raw)).toEqual({ ok: true, iso });
  });
});

describe('parseConferenceDate: refused', () => {
  it.each([
    ['2024/13/40', '13月という月はありません。月は1〜12で書いてください。'],
    ['2024/0/12', '0月という月はありません。月は1〜12で書いてください。'],
    ['2024/4/0', '0日という日はありません。日付を確かめてください。'],
    ['2024/4/31', '2024年4月は30日までです。31日という日はありません。日付を確かめてください。'],
    ['2023/02/29', '2023年はうるう年ではないため、2月は28日までです。日付を確かめてください。'],
    ['1900/2/29', '1900年はうるう年ではないため、2月は28日までです。日付を確かめてください。'],
    ['令和6年2月30日', '令和6年2月は29日までです。30日という日はありません。日付を確かめてください。'],
    [
      '令和1年4月1日',
      '令和1年4月1日は令和の始まり（2019年5月1日）より前の日付です。平成31年4月1日 または 2019/4/1 と書いてください。',
    ],
    [
      '平成32年1月1日',
      '平成32年1月1日は平成の終わり（2019年4月30日）より後の日付です。令和2年1月1日 または 2020/1/1 と書いてください。',
    ],
    [
      'S64.1.8',
      '昭和64年1月8日は昭和の終わり（1989年1月7日）より後の日付です。平成元年1月8日 または 1989/1/8 と書いてください。',
    ],
    [
      '大正1年7月29日',
      '大正1年7月29日は大正の始まり（1912年7月30日）より前の日付です。明治45年7月29日 または 1912/7/29 と書いてください。',
    ],
    ['令和0年5月1日', '令和0年という年はありません。最初の年は「令和元年」または「令和1年」と書いてください。'],
    ['R0.5.1', '令和0年という年はありません。最初の年は「令和元年」または「令和1年」と書いてください。'],
    ['45394', '日付が数値になっています。Excel でセルの表示形式を日付にしてから保存してください。'],
    ['45394.5', '日付が数値になっています。Excel でセルの表示形式を日付にしてから保存してください。'],
    [
      '24/4/12',
      '年が2桁のため、何年か決められません。2024/4/12 のように西暦を4桁で書くか、R6.4.12 のように元号を付けてください。',
    ],
    [
      '24年4月12日',
      '年が2桁のため、何年か決められません。2024/4/12 のように西暦を4桁で書くか、R6.4.12 のように元号を付けてください。',
    ],
    ['20240412', '年・月・日の区切りがありません。2024/04/12 のように / や - で区切ってください。'],
    ['2024年4月12日(土)', '2024年4月12日は金曜日で、書かれた曜日（土）と合いません。日付を確かめてください。'],
    ['', `会議日が空です。${FORMATS} のような形で書いてください。`],
    ['　', `会議日が空です。${FORMATS} のような形で書いてください。`],
    ['2024/4/12 25:00', `会議日の時刻の部分を読めません。日付だけを ${FORMATS} のような形で書いてください。`],
    ['来週の火曜', `会議日を日付として読めません。${FORMATS} のいずれかの形で書いてください。`],
    ['2024/4-12', `会議日を日付として読めません。${FORMATS} のいずれかの形で書いてください。`],
    ['2024/4', `会議日を日付として読めません。${FORMATS} のいずれかの形で書いてください。`],
    ['X6.4.12', `会議日を日付として読めません。${FORMATS} のいずれかの形で書いてください。`],
    ['2024年4月12', `会議日を日付として読めません。${FORMATS} のいずれかの形で書いてください。`],
  ])('%j is refused', (raw, message) => {
    expect(parseConferenceDate(raw)).toEqual({ ok: false, message });
  });

  it.each(['2024/2/30', '2024/6/31', '2024/9/31', '2024/11/31', '2024/1/32', 'H31.2.29', '令和5年2月29日'])(
    '%j is never rolled over',
    (raw) => {
      expect(parseConferenceDate(raw).ok).toBe(false);
    },
  );
});

// An independent oracle: the era table and month lengths from Date, not from dates.ts.
const ERAS = [
  { kanji: '令和', letter: 'R', start: [2019, 5, 1] },
  { kanji: '平成', letter: 'H', start: [1989, 1, 8] },
] as const;

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function wareki(y: number, m: number, d: number): { kanji: string; letter: string } {
  const key = y * 10000 + m * 100 + d;
  const era = ERAS.find(({ start: [sy, sm, sd] }) => key >= sy * 10000 + sm * 100 + sd);
  if (era === undefined) throw new Error('out of range');
  const n = y - era.start[0] + 1;
  return { kanji: `${era.kanji}${n}年${m}月${d}日`, letter: `${era.letter}${n}.${m}.${d}` };
}

const yearMonth = fc.record({ y: fc.integer({ min: 1990, max: 2100 }), m: fc.integer({ min: 1, max: 12 }) });

describe('parseConferenceDate: properties', () => {
  it('every written form of a valid date gives the same ISO date', () => {
    const validDate = yearMonth.chain(({ y, m }) =>
      fc.integer({ min: 1, max: lastDay(y, m) }).map((d) => ({ y, m, d })),
    );
    fc.assert(
      fc.property(validDate, ({ y, m, d }) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const { kanji, letter } = wareki(y, m, d);
        for (const raw of [`${y}/${m}/${d}`, `${y}-${m}-${d}`, `${y}年${m}月${d}日`, kanji, letter]) {
          expect(parseConferenceDate(raw)).toEqual({ ok: true, iso });
        }
      }),
    );
  });

  it('a day past the end of the month is never accepted', () => {
    const invalidDate = yearMonth
      .filter(({ y, m }) => lastDay(y, m) < 31)
      .chain(({ y, m }) => fc.integer({ min: lastDay(y, m) + 1, max: 31 }).map((d) => ({ y, m, d })));
    fc.assert(
      fc.property(invalidDate, ({ y, m, d }) => {
        const { kanji, letter } = wareki(y, m, 1);
        const eraKanji = kanji.replace(/\d+月\d+日$/, `${m}月${d}日`);
        const eraLetter = letter.replace(/\.\d+\.\d+$/, `.${m}.${d}`);
        for (const raw of [`${y}/${m}/${d}`, `${y}-${m}-${d}`, `${y}年${m}月${d}日`, eraKanji, eraLetter]) {
          expect(parseConferenceDate(raw).ok).toBe(false);
        }
      }),
    );
  });
});
