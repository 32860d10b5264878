/**
 * The text that is analysed, derived from the stored (masked) text: markup stripped,
 * NFKC, long-vowel and wave marks unified. `offsets[i]` is where the i-th character of
 * `text` came from in the stored text (and `offsets[text.length]` its length), so a
 * term found in the analysed text can be shown or masked in the stored one; null when
 * normalising changed nothing and every offset is its own.
 */
export interface NormalisedText {
  text: string;
  offsets: number[] | null;
}

/** Where the analysed text's offset `i` lies in the stored text. */
export function storedOffset(normalised: NormalisedText, i: number): number {
  return normalised.offsets ? (normalised.offsets[i] ?? normalised.offsets[normalised.offsets.length - 1] ?? i) : i;
}

/** Characters that may need more than NFKC: markup, combining marks, dashes and waves. */
const NEEDS_WORK = /[<&\u0300-\u036f\u3099\u309a\uff9e\uff9f~～〜∼〰\-‐‑‒–—―−─━ｰ]/;

/** Bumped whenever the output of normaliseText changes: cached tokens depend on it. */
export const NORMALISE_VERSION = 2;

const COMBINING = /[\u0300-\u036f\u3099\u309a\uff9e\uff9f]/;
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]{0,200}>/y;
const ENTITY = /&(amp|lt|gt|quot|apos|nbsp|#\d{1,6}|#x[0-9a-fA-F]{1,6});/y;
const BLOCK_TAGS = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
]);
const MAX_CODE_POINT = 0x10ffff;
const SURROGATES = { first: 0xd800, last: 0xdfff } as const;
const DASHES = new Set(['-', '‐', '‑', '‒', '–', '—', '―', '−', '─', '━', 'ｰ']);
const WAVES = new Set(['~', '～', '〜', '∼', '〰']);

export function normaliseText(raw: string): NormalisedText {
  // Most case notes are already NFKC and plain: then the text is its own analysed form.
  if (!NEEDS_WORK.test(raw) && raw.normalize('NFKC') === raw) return { text: raw, offsets: null };
  let text = '';
  const offsets: number[] = [];
  const emit = (s: string, from: number) => {
    for (let k = 0; k < s.length; k++) offsets.push(from);
    text += s;
  };

  let i = 0;
  while (i < raw.length) {
    const c = raw[i] as string;
    if (c === '<') {
      TAG.lastIndex = i;
      const tag = TAG.exec(raw);
      if (tag) {
        if (BLOCK_TAGS.has((tag[1] as string).toLowerCase())) emit('\n', i);
        i = TAG.lastIndex;
        continue;
      }
    } else if (c === '&') {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(raw);
      const decoded = entity ? decodeEntity(entity[1] as string) : null;
      if (decoded !== null) {
        emit(decoded.normalize('NFKC'), i);
        i = ENTITY.lastIndex;
        continue;
      }
    }
    let end = i + (isHighSurrogate(raw.charCodeAt(i)) && i + 1 < raw.length ? 2 : 1);
    while (end < raw.length && COMBINING.test(raw[end] as string)) end++;
    emit(unifyMarks(raw.slice(i, end).normalize('NFKC'), text), i);
    i = end;
  }
  offsets.push(raw.length);
  return { text, offsets };
}

/** ー after katakana for any dash, 〜 for any wave: GH の「グル-プホーム」, 10～12時. */
function unifyMarks(piece: string, before: string): string {
  if (piece.length !== 1) return piece;
  if (WAVES.has(piece)) return '〜';
  if (DASHES.has(piece) && isKatakanaOrMark(before.charCodeAt(before.length - 1))) return 'ー';
  return piece;
}

function isKatakanaOrMark(code: number): boolean {
  return (code >= 0x30a1 && code <= 0x30fa) || code === 0x30fc;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Null for a reference to no character (&#x110000;, a surrogate, &#0;): it is then kept as
 * the literal text it is, as a person reading the note sees it, rather than guessed at.
 */
function decodeEntity(name: string): string | null {
  if (!name.startsWith('#')) return NAMED_ENTITIES.get(name) ?? null;
  const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : Number(name.slice(1));
  const valid = code > 0 && code <= MAX_CODE_POINT && (code < SURROGATES.first || code > SURROGATES.last);
  return valid ? String.fromCodePoint(code) : null;
}
