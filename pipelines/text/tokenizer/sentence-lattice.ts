import {
  BROKEN_WORD,
  ENTRY_COST,
  ENTRY_LEFT_ID,
  ENTRY_RIGHT_ID,
  ENTRY_STRIDE,
  NO_WORD,
  leafValue,
  trieChild,
  type DictionaryTables,
  type EntryTable,
} from './dictionary-tables.ts';
import { KIND_KNOWN, KIND_UNKNOWN, type ViterbiLattice } from './viterbi-lattice.ts';

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * ViterbiBuilder.build for text[begin, end): at each code point, every dictionary word that
 * starts there, then kuromoji's unknown-word candidates. The trie is walked byte by byte
 * straight from the text, where kuromoji re-encodes the whole rest of the sentence to UTF-8
 * and copies each matched prefix at every position.
 */
export function fillLattice(lattice: ViterbiLattice, tables: DictionaryTables, text: string, begin: number, end: number): void {
  throwOnUnpairedHighSurrogate(text, begin, end);
  lattice.reset(end - begin);
  const { base, check, firstNode, firstValue, unitClass, unitClassName, unitAlwaysInvoke, unitGrouping } = tables;
  let runEnd = -1;
  for (let position = 1, at = begin; at < end; position++) {
    const unit = text.charCodeAt(at);
    const after = isHigh(unit) ? at + 2 : at + 1;
    lattice.startAt(position);

    let node: number;
    let value: number;
    if (isHigh(unit)) {
      node = walkCodePoint(base, check, 0, codePointAt(text, at));
      value = node >= 0 ? leafValue(base, check, node) : NO_WORD;
    } else {
      node = firstNode[unit]!;
      value = firstValue[unit]!;
    }
    let matched = false;
    let wordEnd = after;
    while (node >= 0) {
      if (value !== NO_WORD) {
        matched = true;
        addEntries(lattice, tables.known, value, wordEnd - at, KIND_KNOWN, at, wordEnd);
      }
      if (wordEnd >= end) break;
      const next = text.charCodeAt(wordEnd);
      if (isHigh(next)) {
        node = walkCodePoint(base, check, node, codePointAt(text, wordEnd));
        wordEnd += 2;
      } else {
        node = walkCodePoint(base, check, node, next);
        wordEnd += 1;
      }
      value = node >= 0 ? leafValue(base, check, node) : NO_WORD;
    }

    if (!matched || unitAlwaysInvoke[unit] === 1) {
      let surfaceEnd = after;
      let length = 1;
      if (unitGrouping[unit] === 1 && after < end) {
        // Every position inside a run of one class name groups up to the same run end.
        if (at >= runEnd) runEnd = endOfRun(text, after, end, unitClassName[unit]!, unitClassName);
        if (runEnd > after) {
          surfaceEnd = runEnd;
          // kuromoji measures a grouped word in UTF-16 units, a single character in code points.
          length = runEnd - at;
        }
      }
      addEntries(lattice, tables.unknown, unitClass[unit]!, length, KIND_UNKNOWN, at, surfaceEnd);
    }
    at = after;
  }
}

function addEntries(lattice: ViterbiLattice, table: EntryTable, key: number, length: number, kind: number, unitStart: number, unitEnd: number): void {
  const from = key === BROKEN_WORD || key >= table.from.length ? -1 : table.from[key]!;
  if (from === -1) throw new TypeError("Cannot read properties of undefined (reading 'length')");
  const to = table.to[key]!;
  const entries = table.entries;
  for (let e = from; e < to; e++) {
    const at = e * ENTRY_STRIDE;
    lattice.add(length, entries[at + ENTRY_LEFT_ID]!, entries[at + ENTRY_RIGHT_ID]!, entries[at + ENTRY_COST]!, kind, e, unitStart, unitEnd);
  }
}

/** Follows the UTF-8 bytes of one code point (or lone low surrogate) from node; -1 if the trie ends. */
function walkCodePoint(base: Int32Array, check: Int32Array, node: number, code: number): number {
  if (code < 0x80) return trieChild(base, check, node, code);
  if (code < 0x800) {
    node = trieChild(base, check, node, (code >>> 6) | 0xc0);
    return node < 0 ? -1 : trieChild(base, check, node, (code & 0x3f) | 0x80);
  }
  if (code < 0x10000) {
    node = trieChild(base, check, node, (code >>> 12) | 0xe0);
    if (node < 0) return -1;
    node = trieChild(base, check, node, ((code >> 6) & 0x3f) | 0x80);
    return node < 0 ? -1 : trieChild(base, check, node, (code & 0x3f) | 0x80);
  }
  node = trieChild(base, check, node, (code >>> 18) | 0xf0);
  if (node < 0) return -1;
  node = trieChild(base, check, node, ((code >> 12) & 0x3f) | 0x80);
  if (node < 0) return -1;
  node = trieChild(base, check, node, ((code >> 6) & 0x3f) | 0x80);
  return node < 0 ? -1 : trieChild(base, check, node, (code & 0x3f) | 0x80);
}

function codePointAt(text: string, at: number): number {
  return (text.charCodeAt(at) - 0xd800) * 0x400 + 0x10000 + (text.charCodeAt(at + 1) - 0xdc00);
}

/** Where the run of characters whose class is named `name` that starts at `from` stops. */
function endOfRun(text: string, from: number, end: number, name: number, unitClassName: Uint8Array): number {
  let at = from;
  while (at < end) {
    const unit = text.charCodeAt(at);
    if (unitClassName[unit] !== name) break;
    at += isHigh(unit) ? 2 : 1;
  }
  return at;
}

/** kuromoji's trie cannot encode such a sentence to UTF-8 and fails with this very error. */
function throwOnUnpairedHighSurrogate(text: string, begin: number, end: number): void {
  for (let at = begin; at < end; at++) {
    if (!isHigh(text.charCodeAt(at))) continue;
    if (at + 1 >= end || !isLow(text.charCodeAt(at + 1))) throw new TypeError("Cannot read properties of null (reading 'length')");
    at++;
  }
}
