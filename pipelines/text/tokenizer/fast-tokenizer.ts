import type { IpadicFeatures } from 'kuromoji';
import { buildDictionaryTables, type DictionaryTables } from './dictionary-tables.ts';
import { dictionariesOf } from './kuromoji-internals.ts';
import { fillLattice } from './sentence-lattice.ts';
import { loadOnce, loadStockTokenizer, type StockTokenizer } from './stock-tokenizer.ts';
import { TokenFeatures, knownToken, unknownToken } from './token-features.ts';
import type { RecordWriter } from './token-records.ts';
import { KIND_KNOWN, KIND_UNKNOWN, ViterbiLattice } from './viterbi-lattice.ts';
import { markStage } from '../../stage-marks.ts';

export interface FastTokenizer {
  /** Exactly what kuromoji's tokenizer.tokenize(text) returns, token for token and field for field. */
  tokenize(text: string): IpadicFeatures[];
}

/** Tokenizer.splitByPunctuation: a sentence ends just after a 、 or 。, or at the end of the text. */
function sentenceEnd(text: string, begin: number): number {
  for (let at = begin; at < text.length; at++) {
    const unit = text.charCodeAt(at);
    if (unit === 0x3001 || unit === 0x3002) return at + 1;
  }
  return text.length;
}

/** kuromoji's algorithm, quirks included, over typed arrays built from kuromoji's own dictionary. */
export class LatticeTokenizer implements FastTokenizer {
  private readonly lattice: ViterbiLattice;

  constructor(
    private readonly tables: DictionaryTables,
    readonly features: TokenFeatures,
  ) {
    this.lattice = new ViterbiLattice(tables.connectionCosts, tables.costColumns);
  }

  tokenize(text: string): IpadicFeatures[] {
    const tokens: IpadicFeatures[] = [];
    const { lattice, features } = this;
    // kuromoji counts each sentence on from the *start* of the previous sentence's last token.
    let offset = 0;
    for (let begin = 0; begin < text.length; ) {
      const end = sentenceEnd(text, begin);
      const length = this.analyse(text, begin, end);
      const { path, kind, entry, startPos, unitStart, unitEnd } = lattice;
      for (let i = 0; i < length; i++) {
        const n = path[i]!;
        const e = entry[n]!;
        const position = offset + startPos[n]!;
        if (kind[n] === KIND_KNOWN) tokens.push(knownToken(features.knownWordId(e), position, features.known(e)));
        else if (kind[n] === KIND_UNKNOWN) tokens.push(unknownToken(features.unknownWordId(e), position, text.slice(unitStart[n]!, unitEnd[n]!), features.unknown(e)));
      }
      if (tokens.length > 0) offset = tokens[tokens.length - 1]!.word_position;
      begin = end;
    }
    return tokens;
  }

  /** The same tokens as tokenize, written compactly for a worker's reply. */
  write(text: string, out: RecordWriter): void {
    const lattice = this.lattice;
    let offset = 0;
    for (let begin = 0; begin < text.length; ) {
      const end = sentenceEnd(text, begin);
      const length = this.analyse(text, begin, end);
      const { path, kind, entry, startPos, unitStart, unitEnd } = lattice;
      for (let i = 0; i < length; i++) {
        const n = path[i]!;
        const position = offset + startPos[n]!;
        if (kind[n] === KIND_KNOWN) out.known(entry[n]!, position);
        else if (kind[n] === KIND_UNKNOWN) out.unknown(entry[n]!, position, text.slice(unitStart[n]!, unitEnd[n]!));
      }
      if (length > 0) offset = offset + startPos[path[length - 1]!]!;
      begin = end;
    }
  }

  /** One sentence through the lattice; the best path is left in lattice.path. */
  private analyse(text: string, begin: number, end: number): number {
    fillLattice(this.lattice, this.tables, text, begin, end);
    return this.lattice.search();
  }
}

/** A fast tokenizer over the dictionaries a stock tokenizer has already loaded. */
export function createFastTokenizer(stock: StockTokenizer): LatticeTokenizer {
  const dictionaries = dictionariesOf(stock);
  const tables = buildDictionaryTables(dictionaries);
  return new LatticeTokenizer(tables, new TokenFeatures(tables, dictionaries));
}

/** Loaded once per process (or worker) on top of the stock tokenizer's dictionaries. */
export const loadLatticeTokenizer: () => Promise<LatticeTokenizer> = loadOnce(async () => {
  markStage('dictionary');
  const tokenizer = createFastTokenizer(await loadStockTokenizer());
  markStage('dictionary-done');
  return tokenizer;
});

export const loadFastTokenizer: () => Promise<FastTokenizer> = loadLatticeTokenizer;
