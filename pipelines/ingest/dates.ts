export type DateResult = { ok: true; iso: string } | { ok: false; message: string };

interface Era {
  name: string;
  letter: string;
  start: YMD;
}
type YMD = readonly [year: number, month: number, day: number];

// 明治 officially began on 1868-01-25, but 明治元年 is counted as the whole of 1868.
const ERAS: readonly Era[] = [
  { name: '明治', letter: 'M', start: [1868, 1, 1] },
  { name: '大正', letter: 'T', start: [1912, 7, 30] },
  { name: '昭和', letter: 'S', start: [1926, 12, 25] },
  { name: '平成', letter: 'H', start: [1989, 1, 8] },
  { name: '令和', letter: 'R', start: [2019, 5, 1] },
];

const FORMATS = '2024/4/12、2024-04-12、2024年4月12日、令和6年4月12日、R6.4.12';
const UNREADABLE = `会議日を日付として読めません。${FORMATS} のいずれかの形で書いてください。`;
const SERIAL =
  '日付が数値になっています。Excel でセルの表示形式を日付にしてから保存してください。';
const TWO_DIGIT_YEAR =
  '年が2桁のため、何年か決められません。2024/4/12 のように西暦を4桁で書くか、R6.4.12 のように元号を付けてください。';
const WEEKDAYS = '日月火水木金土';

const TIME_SUFFIX = /\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const WEEKDAY_SUFFIX = /\(([日月火水木金土])(?:曜日?)?\)$/;
const WESTERN = /^(\d{4})(?:([/.-])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/;
const JAPANESE_ERA =
  /^(明治|大正|昭和|平成|令和|[MTSHR])(\d{1,3}|元)(?:([/.-])(\d{1,2})\3(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/;
const TWO_DIGIT = /^\d{2}(?:([/.-])\d{1,2}\1\d{1,2}|年\d{1,2}月\d{1,2}日)$/;

export function parseConferenceDate(raw: string): DateResult {
  let text = raw.normalize('NFKC').trim().replace(/[‐‑‒–—―−]/g, '-');
  if (text === '') return fail(`会議日が空です。${FORMATS} のような形で書いてください。`);
  if (/^\d{1,6}(?:\.\d+)?$/.test(text)) return fail(SERIAL);
  if (/^\d{8}$/.test(text)) {
    return fail('年・月・日の区切りがありません。2024/04/12 のように / や - で区切ってください。');
  }

  const time = TIME_SUFFIX.exec(text);
  if (time) {
    if (Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 59) {
      return fail(`会議日の時刻の部分を読めません。日付だけを ${FORMATS} のような形で書いてください。`);
    }
    text = text.slice(0, time.index);
  }
  text = text.replace(/\s+/g, '');
  const weekday = WEEKDAY_SUFFIX.exec(text);
  if (weekday) text = text.slice(0, weekday.index);

  const parsed = parseWestern(text) ?? parseEra(text);
  if (parsed === null) return fail(TWO_DIGIT.test(text) ? TWO_DIGIT_YEAR : UNREADABLE);
  if (!parsed.ok) return parsed;

  const [y, m, d] = parsed.date;
  if (weekday && WEEKDAYS[dayOfWeek(y, m, d)] !== weekday[1]) {
    const actual = WEEKDAYS[dayOfWeek(y, m, d)] ?? '';
    return fail(
      `${y}年${m}月${d}日は${actual}曜日で、書かれた曜日（${weekday[1]}）と合いません。日付を確かめてください。`,
    );
  }
  return { ok: true, iso: `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}` };
}

type Parsed = { ok: true; date: YMD } | { ok: false; message: string };

function parseWestern(text: string): Parsed | null {
  const match = WESTERN.exec(text);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[3] ?? match[5]);
  const d = Number(match[4] ?? match[6]);
  if (y === 0) return fail('0年という年はありません。西暦を4桁で書いてください。');
  const invalid = calendarError(y, m, d, `${y}年`);
  return invalid === null ? { ok: true, date: [y, m, d] } : fail(invalid);
}

function parseEra(text: string): Parsed | null {
  const match = JAPANESE_ERA.exec(text.replace(/^[a-z]/, (c) => c.toUpperCase()));
  if (!match) return null;
  const era = ERAS.find((e) => e.name === match[1] || e.letter === match[1]);
  if (era === undefined) return null;
  const yearText = match[2] ?? '';
  const n = yearText === '元' ? 1 : Number(yearText);
  const m = Number(match[4] ?? match[6]);
  const d = Number(match[5] ?? match[7]);
  if (n === 0) {
    return fail(
      `${era.name}0年という年はありません。最初の年は「${era.name}元年」または「${era.name}1年」と書いてください。`,
    );
  }
  const y = era.start[0] + n - 1;
  const written = `${era.name}${yearText}年`;
  const invalid = calendarError(y, m, d, written);
  if (invalid !== null) return fail(invalid);

  const date: YMD = [y, m, d];
  const next = ERAS[ERAS.indexOf(era) + 1];
  const suggestion = `${toWareki(date) ?? `${y}年${m}月${d}日`} または ${y}/${m}/${d} と書いてください。`;
  if (ordinal(date) < ordinal(era.start)) {
    return fail(
      `${written}${m}月${d}日は${era.name}の始まり（${formatYMD(era.start)}）より前の日付です。${suggestion}`,
    );
  }
  if (next !== undefined && ordinal(date) >= ordinal(next.start)) {
    return fail(
      `${written}${m}月${d}日は${era.name}の終わり（${formatYMD(dayBefore(next.start))}）より後の日付です。${suggestion}`,
    );
  }
  return { ok: true, date };
}

function calendarError(y: number, m: number, d: number, yearLabel: string): string | null {
  if (m < 1 || m > 12) return `${m}月という月はありません。月は1〜12で書いてください。`;
  if (d < 1) return `${d}日という日はありません。日付を確かめてください。`;
  const last = daysInMonth(y, m);
  if (d <= last) return null;
  if (m === 2 && d === 29) {
    return `${yearLabel}はうるう年ではないため、2月は28日までです。日付を確かめてください。`;
  }
  return `${yearLabel}${m}月は${last}日までです。${d}日という日はありません。日付を確かめてください。`;
}

function toWareki(date: YMD): string | null {
  const era = ERAS.findLast((e) => ordinal(date) >= ordinal(e.start));
  if (era === undefined) return null;
  const n = date[0] - era.start[0] + 1;
  return `${era.name}${n === 1 ? '元' : n}年${date[1]}月${date[2]}日`;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function dayBefore([y, m, d]: YMD): YMD {
  if (d > 1) return [y, m, d - 1];
  if (m > 1) return [y, m - 1, daysInMonth(y, m - 1)];
  return [y - 1, 12, 31];
}

// Sakamoto's method: 0 = Sunday, without going through Date.
function dayOfWeek(y: number, m: number, d: number): number {
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4] as const;
  const yy = m < 3 ? y - 1 : y;
  const base = yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400);
  return (base + (offsets[m - 1] ?? 0) + d) % 7;
}

function ordinal([y, m, d]: YMD): number {
  return y * 10000 + m * 100 + d;
}

function formatYMD([y, m, d]: YMD): string {
  return `${y}年${m}月${d}日`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
