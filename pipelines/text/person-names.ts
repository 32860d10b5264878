import type { TextToken } from './text-tokens.ts';

/** A span of the normalised text that names a person. */
export interface NameSpan {
  start: number;
  end: number;
}

/** Bumped whenever these rules change: names cached by older rules are found again. */
export const NAME_RULES_VERSION = 2;

const PERSON = '名詞,固有名詞,人名,';
const FAMILY = '名詞,固有名詞,人名,姓';
const GIVEN = '名詞,固有名詞,人名,名';
/** さん, 様, 氏, 君, ちゃん, くん … as kuromoji tags them after a name. */
const HONORIFIC = '名詞,接尾,人名,';

/**
 * Names the tokenizer recognises, in context only: a person-name token followed by an
 * honorific (田中さん, 佐藤様), or a family name followed by a given name (山田太郎).
 * A lone surname (田中の母) is left alone: too many place and company names are surnames.
 * The span covers the name; an honorific stays outside, as with the pattern guard.
 */
export function findPersonNames(tokens: readonly TextToken[]): NameSpan[] {
  const spans: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as TextToken;
    if (!first.pos.startsWith(PERSON) || !isWordLike(first.surface) || continuesKatakanaWord(tokens[i - 1], first)) continue;
    let last = i;
    while (tokens[last + 1]?.pos.startsWith(PERSON)) last++;
    const next = tokens[last + 1];
    const fullName = tokens.slice(i, last + 1).some((t, k) => k > 0 && t.pos === GIVEN && tokens[i + k - 1]?.pos === FAMILY);
    if (fullName || (next !== undefined && next.pos.startsWith(HONORIFIC))) {
      const end = tokens[last] as TextToken;
      spans.push({ start: first.start, end: end.start + end.surface.length });
    }
    i = last;
  }
  return spans;
}

/** ケアマネさん: kuromoji reads マネ as a name, but it is the end of a katakana word. */
function continuesKatakanaWord(previous: TextToken | undefined, token: TextToken): boolean {
  return previous !== undefined && KATAKANA.test(previous.surface) && KATAKANA.test(token.surface);
}

const KATAKANA = /^[\u30a1-\u30fa\u30fc]+$/;

/** One-letter pseudonyms (Aさん) are how anonymised notes are meant to be written. */
function isWordLike(surface: string): boolean {
  return !/^[A-Za-z]$/.test(surface);
}
