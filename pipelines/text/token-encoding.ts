import { POS_CODES, posCode } from './pos-codes.ts';
import type { TextToken } from './text-tokens.ts';

/*
 * How the token cache stores a text's tokens. A token's surface is the stretch of the text
 * it covers, so only its length is kept; its part of speech is its code in POS_CODES (or
 * written out, should the tokenizer give one the list lacks); its base form only when it
 * differs from the surface. One line a token: length TAB pos [TAB base] LF, numbers in base
 * 36. A 20,000-case upload's tokens take 9 MB this way against 37 MB as JSON, which the
 * analysis read back and parsed at a cost of 0.5 s.
 */

const TOKEN_END = '\n';
const FIELD_END = '\t';
const RADIX = 36;
/** Entries written before this encoding are JSON arrays: [surface, base or '', pos] per token. */
const JSON_START = '[';

export function encodeTokens(tokens: readonly TextToken[]): string {
  let out = '';
  for (const t of tokens) {
    const code = posCode(t.pos);
    out += t.surface.length.toString(RADIX) + FIELD_END + (code === undefined ? t.pos : code.toString(RADIX));
    if (t.base !== t.surface) out += FIELD_END + t.base;
    out += TOKEN_END;
  }
  return out;
}

/** The tokens of `text` from its encoding; `text` is the normalised text they were found in. */
export function decodeTokens(encoded: string, text: string): TextToken[] {
  if (encoded.startsWith(JSON_START)) return decodeJson(encoded);
  const tokens: TextToken[] = [];
  let at = 0;
  for (let i = 0; i < encoded.length; ) {
    const end = encoded.indexOf(TOKEN_END, i);
    const lengthEnd = encoded.indexOf(FIELD_END, i);
    const posEnd = encoded.indexOf(FIELD_END, lengthEnd + 1);
    const hasBase = posEnd !== -1 && posEnd < end;
    const length = parseInt(encoded.slice(i, lengthEnd), RADIX);
    const posField = encoded.slice(lengthEnd + 1, hasBase ? posEnd : end);
    const pos = posField.includes(',') ? posField : POS_CODES[parseInt(posField, RADIX)];
    if (end === -1 || lengthEnd === -1 || !(length > 0) || at + length > text.length || pos === undefined) {
      throw new Error(`形態素のキャッシュが壊れています（${i} 文字目）`);
    }
    const surface = text.slice(at, at + length);
    tokens.push({ surface, base: hasBase ? encoded.slice(posEnd + 1, end) : surface, pos, start: at });
    at += length;
    i = end + 1;
  }
  return tokens;
}

function decodeJson(encoded: string): TextToken[] {
  const rows = JSON.parse(encoded) as [string, string, string][];
  const tokens = new Array<TextToken>(rows.length);
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    const [surface, base, pos] = rows[i]!;
    tokens[i] = { surface, base: base || surface, pos, start: at };
    at += surface.length;
  }
  return tokens;
}
