import type { KuromojiDictionaries, WordDictionaryInternals } from './kuromoji-internals.ts';

/** Fields of one dictionary entry, four Int32 per entry. */
export const ENTRY_WORD_ID = 0;
export const ENTRY_LEFT_ID = 1;
export const ENTRY_RIGHT_ID = 2;
export const ENTRY_COST = 3;
export const ENTRY_STRIDE = 4;

/** Returned by leafValue when the trie has no word ending at the node. */
export const NO_WORD = -1;
/** Returned by leafValue for a terminal without a usable value, on which kuromoji throws. */
export const BROKEN_WORD = -2;

export interface EntryTable {
  /** Entries of key k are entries[from[k] * STRIDE …] up to to[k]; from[k] is -1 when k has none. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly entries: Int32Array;
}

/**
 * kuromoji's dictionaries re-laid as flat typed arrays, so that the hot loops read numbers
 * instead of calling ByteBuffer, DoubleArray and CharacterDefinition methods.
 */
export interface DictionaryTables {
  readonly base: Int32Array;
  readonly check: Int32Array;
  /** The trie node reached from the root by the UTF-8 bytes of a BMP code unit, or -1. */
  readonly firstNode: Int32Array;
  /** leafValue of firstNode, for each code unit. */
  readonly firstValue: Int32Array;
  /** By trie value. */
  readonly known: EntryTable;
  /** By character class id. */
  readonly unknown: EntryTable;
  /** Character class of a word starting with this code unit (high surrogates are DEFAULT). */
  readonly unitClass: Int32Array;
  /** Interned class name: kuromoji groups characters by name, not by id. */
  readonly unitClassName: Uint8Array;
  readonly unitAlwaysInvoke: Uint8Array;
  readonly unitGrouping: Uint8Array;
  readonly connectionCosts: Int16Array;
  readonly costColumns: number;
}

export function buildDictionaryTables(dic: KuromojiDictionaries): DictionaryTables {
  const base = dic.trie.bc.getBaseBuffer();
  const check = dic.trie.bc.getCheckBuffer();
  const firstNode = new Int32Array(0x10000).fill(-1);
  const firstValue = new Int32Array(0x10000).fill(NO_WORD);
  const bytes = new Uint8Array(4);
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit >= 0xd800 && unit <= 0xdbff) continue;
    let node = 0;
    const n = utf8Bytes(unit, bytes, 0);
    for (let i = 0; i < n && node >= 0; i++) node = trieChild(base, check, node, bytes[i] ?? 0);
    firstNode[unit] = node;
    if (node >= 0) firstValue[unit] = leafValue(base, check, node);
  }

  const unitClass = new Int32Array(0x10000);
  const unitClassName = new Uint8Array(0x10000);
  const unitAlwaysInvoke = new Uint8Array(0x10000);
  const unitGrouping = new Uint8Array(0x10000);
  const names = new Map<string, number>();
  for (let unit = 0; unit < 0x10000; unit++) {
    const cls = dic.unknown.lookup(String.fromCharCode(unit));
    if (!cls) throw new Error(`kuromoji の文字種定義に U+${unit.toString(16)} がありません`);
    let name = names.get(cls.class_name);
    if (name === undefined) names.set(cls.class_name, (name = names.size));
    unitClass[unit] = cls.class_id;
    unitClassName[unit] = name;
    unitAlwaysInvoke[unit] = cls.is_always_invoke === 1 ? 1 : 0;
    unitGrouping[unit] = cls.is_grouping === 1 ? 1 : 0;
  }
  if (names.size > 255) throw new Error('kuromoji の文字種が多すぎます');

  return {
    base,
    check,
    firstNode,
    firstValue,
    known: entryTable(dic.tokenInfo),
    unknown: entryTable(dic.unknown),
    unitClass,
    unitClassName,
    unitAlwaysInvoke,
    unitGrouping,
    connectionCosts: dic.connectionCosts,
    costColumns: dic.connectionCosts[1] ?? 0,
  };
}

function entryTable(dictionary: WordDictionaryInternals): EntryTable {
  const keys = Object.keys(dictionary.target_map).map(Number);
  const size = keys.reduce((max, k) => Math.max(max, k + 1), 0);
  const from = new Int32Array(size).fill(-1);
  const to = new Int32Array(size);
  let count = 0;
  for (const k of keys) count += dictionary.target_map[k]?.length ?? 0;
  const entries = new Int32Array(count * ENTRY_STRIDE);
  let e = 0;
  for (let k = 0; k < size; k++) {
    const ids = dictionary.target_map[k];
    if (!ids) continue;
    from[k] = e;
    for (const wordId of ids) {
      const at = e * ENTRY_STRIDE;
      entries[at + ENTRY_WORD_ID] = wordId;
      entries[at + ENTRY_LEFT_ID] = dictionary.dictionary.getShort(wordId);
      entries[at + ENTRY_RIGHT_ID] = dictionary.dictionary.getShort(wordId + 2);
      entries[at + ENTRY_COST] = dictionary.dictionary.getShort(wordId + 4);
      e++;
    }
    to[k] = e;
  }
  return { from, to, entries };
}

/** DoubleArray.traverse, with -1 for "no such child". */
export function trieChild(base: Int32Array, check: Int32Array, node: number, byte: number): number {
  const child = base[node]! + byte;
  return child >= 0 && child < check.length && check[child] === node ? child : -1;
}

/** The value of the word ending at node (its terminal child), NO_WORD or BROKEN_WORD. */
export function leafValue(base: Int32Array, check: Int32Array, node: number): number {
  const leaf = trieChild(base, check, node, 0);
  if (leaf < 0) return NO_WORD;
  // The root's base is 0, so "\0" reaches a terminal with value -1, which kuromoji looks up and fails on.
  const value = base[leaf]!;
  return value < 0 ? -value - 1 : BROKEN_WORD;
}

/** Writes the UTF-8 bytes of a code point (or lone surrogate) the way doublearray encodes it. */
export function utf8Bytes(code: number, out: Uint8Array, at: number): number {
  if (code < 0x80) {
    out[at] = code;
    return 1;
  }
  if (code < 0x800) {
    out[at] = (code >>> 6) | 0xc0;
    out[at + 1] = (code & 0x3f) | 0x80;
    return 2;
  }
  if (code < 0x10000) {
    out[at] = (code >>> 12) | 0xe0;
    out[at + 1] = ((code >> 6) & 0x3f) | 0x80;
    out[at + 2] = (code & 0x3f) | 0x80;
    return 3;
  }
  out[at] = (code >>> 18) | 0xf0;
  out[at + 1] = ((code >> 12) & 0x3f) | 0x80;
  out[at + 2] = ((code >> 6) & 0x3f) | 0x80;
  out[at + 3] = (code & 0x3f) | 0x80;
  return 4;
}
