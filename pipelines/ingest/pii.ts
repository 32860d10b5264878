import type { PiiKind } from './issues.ts';
import {
  ADDRESS,
  BIRTH_LABELLED,
  BIRTH_SUFFIXED,
  CHOME,
  EMAIL,
  FIRST_YEAR,
  HAS_AT,
  HAS_DIGIT,
  HONORIFIC,
  HONORIFIC_FALSE_NEXT,
  ID_GROUPED,
  ID_LABELLED,
  isAlnum,
  isKatakana,
  isPhoneNumber,
  isSpace,
  isWordChar,
  NAME_LABELLED,
  NAME_PREFIX,
  NOT_NAME_LONG_SUFFIX,
  NOT_NAME_SUFFIX,
  NOT_NAME_WORDS,
  NOT_PLACE_SUFFIX,
  PHONE,
  PLACE_ADMIN_MARK,
  PLACE_LABEL_PREFIX,
  POSTAL,
  POSTAL_LABEL_BEFORE,
} from './pii-patterns.ts';

/** UTF-16 offsets into the original text, end exclusive. */
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

export const PII_PLACEHOLDERS: Record<PiiKind, string> = {
  name: '［氏名］',
  phone: '［電話番号］',
  postal: '［郵便番号］',
  address: '［住所］',
  birthdate: '［生年月日］',
  email: '［メール］',
  id_number: '［個人番号］',
};

/** On spans of equal length the more specific kind wins. */
const SPECIFICITY: Record<PiiKind, number> = {
  email: 7,
  id_number: 6,
  phone: 5,
  postal: 4,
  birthdate: 3,
  address: 2,
  name: 1,
};

export function findPii(text: string): PiiSpan[] {
  const found: PiiSpan[] = [];
  if (HAS_AT.test(text)) scan(text, EMAIL, found, (m) => span('email', m.index, m[0].length));
  const hasDigit = HAS_DIGIT.test(text);
  if (hasDigit) {
    scan(text, PHONE, found, (m) => phone(m));
    scan(text, ID_GROUPED, found, (m) => span('id_number', m.index, m[0].length));
    scan(text, ID_LABELLED, found, (m) => lastGroup('id_number', m));
    scan(text, POSTAL, found, (m) => postal(text, m));
  }
  if (hasDigit || text.includes(FIRST_YEAR)) {
    scan(text, BIRTH_SUFFIXED, found, (m) => span('birthdate', m.index, m[0].length));
    scan(text, BIRTH_LABELLED, found, (m) => lastGroup('birthdate', m));
  }
  if (hasDigit || text.includes(CHOME)) scan(text, ADDRESS, found, (m) => address(text, m));
  scan(text, HONORIFIC, found, (m) => honorificName(text, m));
  scan(text, NAME_LABELLED, found, (m) => {
    const s = lastGroup('name', m);
    return isName(text.slice(s.start, s.end)) ? s : null;
  });
  return resolveOverlaps(found);
}

export function maskPii(text: string, spans: readonly PiiSpan[]): string {
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of ordered) {
    if (s.start < at) continue;
    out += text.slice(at, s.start) + PII_PLACEHOLDERS[s.kind];
    at = s.end;
  }
  return out + text.slice(at);
}

function scan(
  text: string,
  re: RegExp,
  out: PiiSpan[],
  accept: (m: RegExpExecArray) => PiiSpan | null,
): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const s = accept(m);
    if (s !== null) {
      out.push(s);
      re.lastIndex = Math.max(s.end, m.index + 1);
    } else {
      // a refused candidate may hide a real one starting inside it
      re.lastIndex = m.index + 1;
    }
  }
}

function span(kind: PiiKind, start: number, length: number): PiiSpan {
  return { kind, start, end: start + length };
}

/** Patterns whose last capture group ends the match carry the identifier in that group. */
function lastGroup(kind: PiiKind, m: RegExpExecArray): PiiSpan {
  const value = m[m.length - 1] ?? '';
  const end = m.index + m[0].length;
  return { kind, start: end - value.length, end };
}

/** An opening bracket belongs to the number only when it closes after the area code: (0438)23-1234. */
function phone(m: RegExpExecArray): PiiSpan | null {
  if (!isPhoneNumber(m[0])) return null;
  const bracketed = m[0].startsWith('(') || m[0].startsWith('（');
  const skip = bracketed && !/[)）]/.test(m[0]) ? 1 : 0;
  return span('phone', m.index + skip, m[0].length - skip);
}

function postal(text: string, m: RegExpExecArray): PiiSpan | null {
  const marked = m[1] !== undefined;
  const digitsAt = m.index + (m[1]?.length ?? 0);
  if (!marked && m[2] === '' && !POSTAL_LABEL_BEFORE.test(text.slice(Math.max(0, digitsAt - 8), digitsAt))) {
    return null;
  }
  return span('postal', m.index, m[0].length);
}

function address(text: string, m: RegExpExecArray): PiiSpan | null {
  let start = m.index;
  while (start > 0 && m.index - start < 12 && isWordChar(text.charCodeAt(start - 1))) start--;
  let place = text.slice(start, m.index);
  const needsPlace = m[1] !== undefined || m[2] !== undefined;
  if (needsPlace && (place === '' || NOT_PLACE_SUFFIX.test(place))) return null;
  const label = PLACE_LABEL_PREFIX.exec(place);
  if (label !== null) {
    start += label[0].length;
    place = place.slice(label[0].length);
  }
  let keep = 0;
  PLACE_ADMIN_MARK.lastIndex = 0;
  for (let a = PLACE_ADMIN_MARK.exec(place); a !== null; a = PLACE_ADMIN_MARK.exec(place)) {
    if (a.index >= 1) keep = a.index + 1;
  }
  return { kind: 'address', start: start + keep, end: m.index + m[0].length };
}

function isName(run: string): boolean {
  if (run === '' || run.includes('〇')) return false;
  if (NOT_NAME_WORDS.has(run) || NOT_NAME_SUFFIX.test(run)) return false;
  if (NOT_NAME_LONG_SUFFIX.test(run) && !/[ 　]/.test(run)) return false;
  const c = run.charCodeAt(0);
  const katakanaOnly = c >= 0x30a1 && c <= 0x30fc && /^[ァ-ヺー・]+$/.test(run);
  return !(katakanaOnly && run.length < 2);
}

/** The name written right before an honorific: 田中さん, 山田 太郎 様, マリアさん. */
function honorificName(text: string, m: RegExpExecArray): PiiSpan | null {
  const falseNext = HONORIFIC_FALSE_NEXT.get(m[0]);
  const after = m.index + m[0].length;
  if (falseNext !== undefined && falseNext.test(text.slice(after, after + 2))) return null;
  let end = m.index;
  if (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && end - start < 16) {
    const c = text.charCodeAt(start - 1);
    // ・ joins katakana parts of one name: グエン・ヴァン・アン
    const joiner = c === 0x30fb && isKatakana(text.charCodeAt(start)) && isKatakana(text.charCodeAt(start - 2));
    if (!isWordChar(c) && !joiner) break;
    start--;
  }
  if (start === end) return null;
  if (start > 0 && isAlnum(text.charCodeAt(start - 1))) return null; // A子さん, 2名様
  // 山田 太郎: a short run, one space, a short run
  if (end - start <= 4 && start > 1 && isSpace(text.charCodeAt(start - 1))) {
    let first = start - 1;
    while (first > 0 && start - 1 - first < 4 && isWordChar(text.charCodeAt(first - 1))) first--;
    const surname = text.slice(first, start - 1);
    const before = text.charCodeAt(first - 1);
    const atRunStart = first === 0 || (!isWordChar(before) && !isAlnum(before));
    if (surname !== '' && atRunStart && isName(surname)) start = first;
  }
  let run = text.slice(start, end);
  for (let p = NAME_PREFIX.exec(run); p !== null && run.length - p[0].length >= 2; p = NAME_PREFIX.exec(run)) {
    start += p[0].length;
    run = run.slice(p[0].length);
  }
  return isName(run) ? { kind: 'name', start, end } : null;
}

/**
 * Overlapping findings become one span covering all of them, named after the longest (then
 * the most specific) one: dropping the shorter one could leave part of it readable.
 */
function resolveOverlaps(found: PiiSpan[]): PiiSpan[] {
  if (found.length < 2) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiSpan[] = [];
  let cluster: PiiSpan | null = null;
  let best: PiiSpan | null = null;
  for (const s of found) {
    if (cluster !== null && best !== null && s.start < cluster.end) {
      cluster.end = Math.max(cluster.end, s.end);
      if (outranks(s, best)) best = s;
      cluster.kind = best.kind;
      continue;
    }
    cluster = { ...s };
    best = s;
    out.push(cluster);
  }
  return out;
}

function outranks(a: PiiSpan, b: PiiSpan): boolean {
  const byLength = a.end - a.start - (b.end - b.start);
  return byLength > 0 || (byLength === 0 && SPECIFICITY[a.kind] > SPECIFICITY[b.kind]);
}
