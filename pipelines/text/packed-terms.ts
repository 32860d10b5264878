import type { TermKind } from './terms.ts';

/** One occurrence of a term, placed in the stored (masked) text it was found in. */
export interface StoredTerm {
  term: string;
  kind: TermKind;
  start: number;
  end: number;
}

/** A PackedTerms' contents as they travel between threads. */
export interface PackedData {
  data: Int32Array<ArrayBuffer>;
  names: readonly string[];
}

/** Integers kept per occurrence: term, kind, start, end. */
const PER_TERM = 4;
const FIRST_CAPACITY = 1 << 16;

/**
 * The terms of many texts, packed: a text's count of terms, then four integers a term
 * (its text and kind as numbers into one table of names, its start and end), each name
 * held once. The terms of a million cases' 640,000 distinct texts took 480 MB as objects.
 */
export class PackedTerms {
  private readonly offsets = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();
  private data = new Int32Array(FIRST_CAPACITY);
  private used = 0;

  has(text: string): boolean {
    return this.offsets.has(text);
  }

  set(text: string, terms: readonly StoredTerm[]): void {
    this.reserve(1 + PER_TERM * terms.length);
    this.offsets.set(text, this.used);
    this.data[this.used++] = terms.length;
    for (const t of terms) {
      this.data[this.used++] = this.number(t.term);
      this.data[this.used++] = this.number(t.kind);
      this.data[this.used++] = t.start;
      this.data[this.used++] = t.end;
    }
  }

  /** The text's terms, as new objects: callers hold them no longer than a chunk. */
  get(text: string): StoredTerm[] | undefined {
    const at = this.offsets.get(text);
    if (at === undefined) return undefined;
    const count = this.data[at] as number;
    const terms: StoredTerm[] = [];
    for (let p = at + 1; p < at + 1 + PER_TERM * count; p += PER_TERM) {
      terms.push({
        term: this.names[this.data[p] as number] as string,
        kind: this.names[this.data[p + 1] as number] as TermKind,
        start: this.data[p + 2] as number,
        end: this.data[p + 3] as number,
      });
    }
    return terms;
  }

  /** What this holds, for a PackedTerms on another thread to take in (`absorb`): texts in the order they were set. */
  packed(): PackedData {
    return { data: this.data.slice(0, this.used), names: this.names };
  }

  /** Takes in the terms of `texts`, packed by another PackedTerms that had them set in this order. */
  absorb(texts: readonly string[], packed: PackedData): void {
    const ids = packed.names.map((name) => this.number(name));
    const { data } = packed;
    let p = 0;
    for (const text of texts) {
      const count = data[p++] as number;
      this.reserve(1 + PER_TERM * count);
      this.offsets.set(text, this.used);
      this.data[this.used++] = count;
      for (let k = 0; k < count; k++) {
        this.data[this.used++] = ids[data[p++] as number] as number;
        this.data[this.used++] = ids[data[p++] as number] as number;
        this.data[this.used++] = data[p++] as number;
        this.data[this.used++] = data[p++] as number;
      }
    }
  }

  private number(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(name);
      this.numbers.set(name, n);
    }
    return n;
  }

  private reserve(more: number): void {
    if (this.used + more <= this.data.length) return;
    let capacity = this.data.length;
    while (this.used + more > capacity) capacity *= 2;
    const grown = new Int32Array(capacity);
    grown.set(this.data.subarray(0, this.used));
    this.data = grown;
  }
}
