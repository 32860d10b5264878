import { appendRows } from '../db/append-rows.ts';
import type { WriteScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { normaliseText } from './normalise.ts';
import { TermFinder } from './term-finder.ts';
import type { TermKind, TermOptions } from './terms.ts';
import { PackedTerms, type StoredTerm } from './packed-terms.ts';
import type { TokenCache } from './token-cache.ts';

const CREATE_TERM_STAGING = sqlFile(import.meta.url, 'sql/create-term-staging.sql');
const INSERT_STAGED_TERMS = sqlFile(import.meta.url, 'sql/insert-staged-terms.sql');

/** One text column of one case version. */
export interface TextCell {
  recordId: string;
  version: number;
  field: string;
  /** The stored (masked) text. */
  text: string;
}

export type { StoredTerm } from './packed-terms.ts';

/**
 * The terms of stored texts, found once per distinct text: case notes repeat themselves
 * (20,000 generated cases hold 47,729 texts but 21,382 distinct ones), and a text's terms
 * depend on nothing but the text and the options. Kept, packed, for one index update.
 */
export class TextTerms {
  private readonly found = new PackedTerms();
  private readonly finder: TermFinder;

  constructor(
    options: TermOptions,
    private readonly cache: TokenCache,
  ) {
    this.finder = new TermFinder(options);
  }

  /** Readies the helper thread for calls that will be large. */
  warm(): void {
    this.finder.warm();
  }

  /** The terms of each distinct text, tokenising (through the cache) only what is new here. */
  async termsOf(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Map<string, StoredTerm[]>> {
    const fresh = [...new Set(texts)].filter((text) => !this.found.has(text));
    const normalised = fresh.map(normaliseText);
    const encoded = await this.cache.encodedTokensFor(
      normalised.map((n) => n.text),
      onProgress,
    );
    await this.finder.findInto(this.found, fresh, normalised, encoded);
    const out = new Map<string, StoredTerm[]>();
    for (const text of texts) if (!out.has(text)) out.set(text, this.found.get(text) as StoredTerm[]);
    return out;
  }

  close(): Promise<void> {
    return this.finder.close();
  }
}

/**
 * Stores the terms of these cells in case_terms, in the cells' order: each distinct text's
 * terms are appended once, as one string, and DuckDB makes their rows and joins them to
 * the text's cells: appending a row a term took 0.4 s of the 2.2 s index of 20,000 cases.
 * `appended` is called once the rows are appended and only DuckDB's work is left.
 */
export async function storeCellTerms(
  scope: WriteScope,
  cells: readonly TextCell[],
  found: ReadonlyMap<string, readonly StoredTerm[]>,
  appended: () => void,
): Promise<void> {
  const textIds = new Map<string, number>();
  for (const text of found.keys()) textIds.set(text, textIds.size);
  const names = new TermNames();
  const packed = [...found.values()].map((terms) => names.pack(terms));
  await scope.run(CREATE_TERM_STAGING);
  await appendRows(scope, 'cell_texts', cells, (a, cell, i) => {
    a.appendInteger(i);
    a.appendVarchar(cell.recordId);
    a.appendInteger(cell.version);
    a.appendVarchar(cell.field);
    a.appendInteger(textIds.get(cell.text) as number);
  }, { catalog: 'temp' });
  await appendRows(scope, 'text_terms', packed, (a, terms, textId) => {
    a.appendInteger(textId);
    a.appendVarchar(terms);
  }, { catalog: 'temp' });
  await appendRows(scope, 'term_names', names.list, (a, [term, kind], id) => {
    a.appendInteger(id);
    a.appendVarchar(term);
    a.appendVarchar(kind);
  }, { catalog: 'temp' });
  const inserted = scope.run(INSERT_STAGED_TERMS);
  appended();
  await inserted;
}

/** Each term and kind a number, for insert-staged-terms.sql's packed terms. */
class TermNames {
  readonly list: Array<[term: string, kind: TermKind]> = [];
  private readonly ids = new Map<TermKind, Map<string, number>>();

  /** A text's terms as insert-staged-terms.sql reads them: "name,start,end;" each. */
  pack(terms: readonly StoredTerm[]): string {
    let out = '';
    for (const t of terms) out += `${this.id(t.term, t.kind)},${t.start},${t.end};`;
    return out;
  }

  private id(term: string, kind: TermKind): number {
    let ofKind = this.ids.get(kind);
    if (ofKind === undefined) {
      ofKind = new Map();
      this.ids.set(kind, ofKind);
    }
    let id = ofKind.get(term);
    if (id === undefined) {
      id = this.list.length;
      this.list.push([term, kind]);
      ofKind.set(term, id);
    }
    return id;
  }
}
