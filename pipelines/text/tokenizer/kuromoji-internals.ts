import type { StockTokenizer } from './stock-tokenizer.ts';

/*
 * The parts of a loaded kuromoji 0.1.2 tokenizer that @types/kuromoji leaves out. The fast
 * tokenizer reads the dictionary through them, so they are pinned to that version.
 */

export interface ByteBufferInternals {
  readonly buffer: Uint8Array;
  getShort(index: number): number;
}

export interface WordDictionaryInternals {
  readonly dictionary: ByteBufferInternals;
  /** Trie value (known words) or character class id (unknown words) to word ids. */
  readonly target_map: Readonly<Record<number, readonly number[] | undefined>>;
  getFeatures(wordId: number): string;
}

export interface CharacterClassInternals {
  readonly class_id: number;
  readonly class_name: string;
  readonly is_always_invoke: number;
  readonly is_grouping: number;
}

export interface UnknownDictionaryInternals extends WordDictionaryInternals {
  lookup(ch: string): CharacterClassInternals | undefined;
}

export interface DoubleArrayInternals {
  readonly bc: {
    getBaseBuffer(): Int32Array;
    getCheckBuffer(): Int32Array;
  };
}

export interface KuromojiDictionaries {
  readonly trie: DoubleArrayInternals;
  readonly tokenInfo: WordDictionaryInternals;
  readonly unknown: UnknownDictionaryInternals;
  /** [rows, columns, cost…]: the cost of right id r followed by left id l is at r * columns + l + 2. */
  readonly connectionCosts: Int16Array;
}

interface TokenizerInternals {
  readonly viterbi_builder?: {
    readonly trie?: DoubleArrayInternals;
    readonly token_info_dictionary?: WordDictionaryInternals;
    readonly unknown_dictionary?: UnknownDictionaryInternals;
  };
  readonly viterbi_searcher?: { readonly connection_costs?: { readonly buffer?: Int16Array } };
}

/** The dictionaries a stock tokenizer has loaded, shared rather than copied. */
export function dictionariesOf(tokenizer: StockTokenizer): KuromojiDictionaries {
  const internals = tokenizer as unknown as TokenizerInternals;
  const builder = internals.viterbi_builder;
  const trie = builder?.trie;
  const tokenInfo = builder?.token_info_dictionary;
  const unknown = builder?.unknown_dictionary;
  const connectionCosts = internals.viterbi_searcher?.connection_costs?.buffer;
  if (!trie?.bc || !tokenInfo?.target_map || !unknown?.target_map || !(connectionCosts instanceof Int16Array)) {
    throw new Error('kuromoji の内部構造が想定 (0.1.2) と異なります');
  }
  return { trie, tokenInfo, unknown, connectionCosts };
}
