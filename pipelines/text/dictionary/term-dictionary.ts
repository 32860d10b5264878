import { normaliseForMatch } from './match-normalise.ts';

export type TermKind = 'synonym' | 'compound';

export interface TermEntry {
  canonical: string;
  variants: string[];
  kind: TermKind;
  note?: string;
}

export interface TermMatch {
  start: number;
  end: number;
  term: string;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  term: string | null;
}

/**
 * Maps the variants of welfare terms to one canonical form and finds them in texts
 * normalised with `normaliseForMatch`.
 *
 * Word boundary rule: a match may not cut through a run of ASCII letters and digits,
 * nor through a run of katakana (ー included). A variant that begins with such a
 * character may not be preceded by one of the same class, and one that ends with such
 * a character may not be followed by one. So GH matches in 「GHの空き」 and 「GH入居」
 * but not in 「GHQ」, SS not in 「SSD」 or 「SSW」, ショート not in 「ショートケア」, 8050 not in
 * 「18050」. Kanji and hiragana have no such boundary: Japanese is written without spaces.
 *
 * ASCII letters are compared without regard to case (b型 is B型); every other character
 * must be equal after normalisation.
 */
export class TermDictionary {
  readonly entries: readonly TermEntry[];
  private readonly byKey = new Map<string, string>();
  private readonly byCanonical = new Map<string, TermEntry>();
  private readonly root: TrieNode = { next: new Map(), term: null };

  constructor(entries: readonly TermEntry[]) {
    const normalised: TermEntry[] = [];
    for (const raw of entries) {
      const entry = normaliseEntry(raw);
      if (entry.canonical === '') throw new Error('正規形が空の項目があります');
      if (this.byCanonical.has(entry.canonical)) {
        throw new Error(`正規形「${entry.canonical}」が二度登録されています`);
      }
      this.byCanonical.set(entry.canonical, entry);
      normalised.push(entry);
    }
    for (const entry of normalised) {
      for (const form of [entry.canonical, ...entry.variants]) this.add(form, entry.canonical);
    }
    this.entries = normalised;
  }

  get size(): number {
    return this.entries.length;
  }

  /** The canonical form of a word or variant (normalised first), or null if it is not listed. */
  canonical(word: string): string | null {
    return this.byKey.get(matchKey(word)) ?? null;
  }

  /** The entry whose canonical form is `canonical`, after normalisation. */
  entry(canonical: string): TermEntry | undefined {
    return this.byCanonical.get(normaliseForMatch(canonical).trim());
  }

  /**
   * Leftmost-longest, non-overlapping occurrences of listed forms in a normalised text,
   * in text order. At each position the longest form that respects the word boundary
   * rule wins; the scan goes on after its end.
   */
  findTerms(text: string): TermMatch[] {
    const matches: TermMatch[] = [];
    let start = 0;
    while (start < text.length) {
      const found = this.longestAt(text, start);
      if (found) {
        matches.push(found);
        start = found.end;
      } else {
        start += 1;
      }
    }
    return matches;
  }

  private longestAt(text: string, start: number): TermMatch | null {
    const first = text.charCodeAt(start);
    if (!this.root.next.has(foldAscii(first))) return null;
    if (start > 0 && sameWordClass(text.charCodeAt(start - 1), first)) return null;
    let node: TrieNode | undefined = this.root;
    let best: TermMatch | null = null;
    for (let i = start; i < text.length; i++) {
      node = node.next.get(foldAscii(text.charCodeAt(i)));
      if (!node) break;
      const end = i + 1;
      if (node.term !== null && (end === text.length || !sameWordClass(text.charCodeAt(i), text.charCodeAt(end)))) {
        best = { start, end, term: node.term };
      }
    }
    return best;
  }

  private add(form: string, canonical: string): void {
    const key = matchKey(form);
    if (key === '') return;
    const owner = this.byKey.get(key);
    if (owner !== undefined && owner !== canonical) {
      throw new Error(`「${form}」が「${owner}」と「${canonical}」の両方に登録されています`);
    }
    this.byKey.set(key, canonical);
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map(), term: null };
        node.next.set(code, child);
      }
      node = child;
    }
    node.term = canonical;
  }
}

function normaliseEntry(entry: TermEntry): TermEntry {
  const canonical = normaliseForMatch(entry.canonical).trim();
  const canonicalKey = matchKey(canonical);
  const seen = new Set<string>([canonicalKey]);
  const variants: string[] = [];
  for (const raw of entry.variants) {
    const variant = normaliseForMatch(raw).trim();
    const key = matchKey(variant);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    variants.push(variant);
  }
  const normalised: TermEntry = { canonical, variants, kind: entry.kind };
  if (entry.note !== undefined && entry.note !== '') normalised.note = entry.note;
  return normalised;
}

/** The form under which a word is stored and looked up: normalised, trimmed, ASCII lower-case. */
export function matchKey(word: string): string {
  return normaliseForMatch(word).trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function foldAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

const NO_CLASS = 0;
const ASCII_WORD = 1;
const KATAKANA = 2;

function wordClass(code: number): number {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
    return ASCII_WORD;
  }
  if ((code >= 0x30a1 && code <= 0x30fa) || code === 0x30fc) return KATAKANA;
  return NO_CLASS;
}

function sameWordClass(a: number, b: number): boolean {
  const cls = wordClass(a);
  return cls !== NO_CLASS && cls === wordClass(b);
}
