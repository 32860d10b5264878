import type { IpadicFeatures } from 'kuromoji';
import { buildDictionaryTables, type DictionaryTables } from './dictionary-tables.ts';
import { dictionariesOf } from './kuromoji-internals.ts';
import { fillLattice } from './sentence-lattice.ts';
import { loadOnce, loadStockTokenizer, type StockTokenizer } from './stock-tokenizer.ts';
import { TokenFeatures } from './token-features.ts';
import { KIND_KNOWN, KIND_UNKNOWN, ViterbiLattice } from './viterbi-lattice.ts';

const READING_COMMA = 0x3001; // 、
const FULL_STOP = 0x3002; // 。

export interface FastTokenizer {
  /** Exactly what kuromoji's tokenizer.tokenize(text) returns, token for token and field for field. */
  tokenize(text: string): IpadicFeatures[];
}

class TypedArrayTokenizer implements FastTokenizer {
  private readonly lattice: ViterbiLattice;

  constructor(
    private readonly tables: DictionaryTables,
    private readonly features: TokenFeatures,
  ) {
    this.lattice = new ViterbiLattice(tables.connectionCosts, tables.costColumns);
  }

  tokenize(text: string): IpadicFeatures[] {
    const tokens: IpadicFeatures[] = [];
    // Tokenizer.splitByPunctuation: every sentence ends just after a 、 or 。, the last one at the end.
    let begin = 0;
    for (let at = 0; at < text.length; at++) {
      const unit = text.charCodeAt(at);
      if (unit === FULL_STOP || unit === READING_COMMA) {
        this.tokenizeSentence(text, begin, at + 1, tokens);
        begin = at + 1;
      }
    }
    if (begin < text.length) this.tokenizeSentence(text, begin, text.length, tokens);
    return tokens;
  }

  private tokenizeSentence(text: string, begin: number, end: number, tokens: IpadicFeatures[]): void {
    const lattice = this.lattice;
    fillLattice(lattice, this.tables, text, begin, end);
    const length = lattice.search();
    // kuromoji counts on from the *start* of the previous sentence's last token.
    const offset = tokens.length > 0 ? tokens[tokens.length - 1]!.word_position : 0;
    const { path, kind, entry, startPos, unitStart, unitEnd } = lattice;
    for (let i = 0; i < length; i++) {
      const n = path[i]!;
      const position = offset + startPos[n]!;
      if (kind[n] === KIND_KNOWN) tokens.push(this.features.known(entry[n]!, position));
      else if (kind[n] === KIND_UNKNOWN) tokens.push(this.features.unknown(entry[n]!, position, text.slice(unitStart[n]!, unitEnd[n]!)));
    }
  }
}

/** A fast tokenizer over the dictionaries a stock tokenizer has already loaded. */
export function createFastTokenizer(stock: StockTokenizer): FastTokenizer {
  const dictionaries = dictionariesOf(stock);
  const tables = buildDictionaryTables(dictionaries);
  return new TypedArrayTokenizer(tables, new TokenFeatures(tables, dictionaries));
}

/** Loaded once per process (or worker) on top of the stock tokenizer's dictionaries. */
export const loadFastTokenizer: () => Promise<FastTokenizer> = loadOnce(async () => createFastTokenizer(await loadStockTokenizer()));
