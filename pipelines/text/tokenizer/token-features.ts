import type { IpadicFeatures } from 'kuromoji';
import { ENTRY_STRIDE, ENTRY_WORD_ID, type DictionaryTables } from './dictionary-tables.ts';
import type { KuromojiDictionaries, WordDictionaryInternals } from './kuromoji-internals.ts';

/** A dictionary entry's feature string split at commas, as kuromoji splits it. */
export type Features = readonly (string | undefined)[];

/** IpadicFormatter.formatEntry: kuromoji's keys in kuromoji's order. */
export function knownToken(wordId: number, position: number, f: Features): IpadicFeatures {
  return {
    word_id: wordId,
    word_type: 'KNOWN',
    word_position: position,
    surface_form: f[0]!,
    pos: f[1]!,
    pos_detail_1: f[2]!,
    pos_detail_2: f[3]!,
    pos_detail_3: f[4]!,
    conjugated_type: f[5]!,
    conjugated_form: f[6]!,
    basic_form: f[7]!,
    reading: f[8],
    pronunciation: f[9],
  };
}

/** IpadicFormatter.formatUnknownEntry: the surface from the text, and no reading or pronunciation keys at all. */
export function unknownToken(wordId: number, position: number, surface: string, f: Features): IpadicFeatures {
  return {
    word_id: wordId,
    word_type: 'UNKNOWN',
    word_position: position,
    surface_form: surface,
    pos: f[1]!,
    pos_detail_1: f[2]!,
    pos_detail_2: f[3]!,
    pos_detail_3: f[4]!,
    conjugated_type: f[5]!,
    conjugated_form: f[6]!,
    basic_form: f[7]!,
  };
}

/**
 * Each entry's feature string read and split once, the first time the entry is output,
 * where kuromoji decodes it from the dictionary bytes for every token.
 */
export class TokenFeatures {
  private readonly knownCache: (Features | undefined)[];
  private readonly unknownCache: (Features | undefined)[];

  constructor(
    private readonly tables: DictionaryTables,
    private readonly dictionaries: KuromojiDictionaries,
  ) {
    this.knownCache = new Array<Features | undefined>(tables.known.entries.length / ENTRY_STRIDE).fill(undefined);
    this.unknownCache = new Array<Features | undefined>(tables.unknown.entries.length / ENTRY_STRIDE).fill(undefined);
  }

  get knownCount(): number {
    return this.knownCache.length;
  }

  get unknownCount(): number {
    return this.unknownCache.length;
  }

  knownWordId(entry: number): number {
    return this.tables.known.entries[entry * ENTRY_STRIDE + ENTRY_WORD_ID]!;
  }

  unknownWordId(entry: number): number {
    return this.tables.unknown.entries[entry * ENTRY_STRIDE + ENTRY_WORD_ID]!;
  }

  known(entry: number): Features {
    return this.knownCache[entry] ?? this.load(this.knownCache, this.dictionaries.tokenInfo, this.knownWordId(entry), entry);
  }

  unknown(entry: number): Features {
    return this.unknownCache[entry] ?? this.load(this.unknownCache, this.dictionaries.unknown, this.unknownWordId(entry), entry);
  }

  private load(cache: (Features | undefined)[], dictionary: WordDictionaryInternals, wordId: number, entry: number): Features {
    const line = dictionary.getFeatures(wordId);
    const features = line == null ? [] : line.split(',');
    cache[entry] = features;
    return features;
  }
}
