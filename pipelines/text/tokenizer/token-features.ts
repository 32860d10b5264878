import type { IpadicFeatures } from 'kuromoji';
import { ENTRY_STRIDE, ENTRY_WORD_ID, type DictionaryTables } from './dictionary-tables.ts';
import type { KuromojiDictionaries, WordDictionaryInternals } from './kuromoji-internals.ts';

type Features = readonly (string | undefined)[];

/**
 * IpadicFormatter with each entry's feature string read and split once, the first time the
 * entry is output, where kuromoji decodes it from the dictionary bytes for every token.
 * Tokens are fresh objects with kuromoji's keys in kuromoji's order; unknown words carry no
 * reading or pronunciation keys at all, as in kuromoji.
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

  known(entry: number, position: number): IpadicFeatures {
    const f = this.knownCache[entry] ?? this.load(this.knownCache, this.tables.known.entries, this.dictionaries.tokenInfo, entry);
    return {
      word_id: this.tables.known.entries[entry * ENTRY_STRIDE + ENTRY_WORD_ID]!,
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

  unknown(entry: number, position: number, surface: string): IpadicFeatures {
    const f = this.unknownCache[entry] ?? this.load(this.unknownCache, this.tables.unknown.entries, this.dictionaries.unknown, entry);
    return {
      word_id: this.tables.unknown.entries[entry * ENTRY_STRIDE + ENTRY_WORD_ID]!,
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

  private load(cache: (Features | undefined)[], entries: Int32Array, dictionary: WordDictionaryInternals, entry: number): Features {
    const line = dictionary.getFeatures(entries[entry * ENTRY_STRIDE + ENTRY_WORD_ID]!);
    const features = line == null ? [] : line.split(',');
    cache[entry] = features;
    return features;
  }
}
