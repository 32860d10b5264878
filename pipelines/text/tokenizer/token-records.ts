import type { IpadicFeatures } from 'kuromoji';
import { knownToken, unknownToken, type Features, type TokenFeatures } from './token-features.ts';

/*
 * Token lists as a worker sends them. Structured-cloning kuromoji's token objects costs more
 * than tokenising the text did (about 2.5 s to serialise and deserialise 1.5 M tokens against
 * 1 s to tokenise them), so a worker sends two numbers per token, each dictionary entry's
 * features once, and the main thread rebuilds the very same objects.
 */

/** A known word's entry e travels as e, an unknown word's as -(e + 1). */
type EntryKey = number;

export interface EntryRecord {
  readonly key: EntryKey;
  readonly wordId: number;
  readonly features: Features;
}

export interface TokenBatch {
  /** How many tokens each text has. */
  readonly counts: Int32Array<ArrayBuffer>;
  /** Entry key and word_position of every token, in order. */
  readonly records: Int32Array<ArrayBuffer>;
  /** The surface of every unknown word, in order (a known word's comes with its entry). */
  readonly surfaces: readonly string[];
  /** Entries this worker has not sent before. */
  readonly entries: readonly EntryRecord[];
}

/** Collects a batch in a worker. */
export class RecordWriter {
  private readonly sent = new Set<EntryKey>();
  private records = new Int32Array(1 << 16);
  private length = 0;
  private counts: number[] = [];
  private textStart = 0;
  private surfaces: string[] = [];
  private entries: EntryRecord[] = [];

  constructor(private readonly features: TokenFeatures) {}

  known(entry: number, position: number): void {
    if (!this.sent.has(entry)) this.send(entry, this.features.knownWordId(entry), this.features.known(entry));
    this.push(entry, position);
  }

  unknown(entry: number, position: number, surface: string): void {
    const key = -(entry + 1);
    if (!this.sent.has(key)) this.send(key, this.features.unknownWordId(entry), this.features.unknown(entry));
    this.push(key, position);
    this.surfaces.push(surface);
  }

  endText(): void {
    this.counts.push((this.length - this.textStart) / 2);
    this.textStart = this.length;
  }

  /** The batch so far; the writer starts afresh. */
  take(): TokenBatch {
    const batch: TokenBatch = {
      counts: Int32Array.from(this.counts),
      records: this.records.slice(0, this.length),
      surfaces: this.surfaces,
      entries: this.entries,
    };
    this.clear();
    return batch;
  }

  /** Drops a batch that failed; its new entries will be sent with a later one. */
  discard(): void {
    for (const entry of this.entries) this.sent.delete(entry.key);
    this.clear();
  }

  private clear(): void {
    this.length = 0;
    this.textStart = 0;
    this.counts = [];
    this.surfaces = [];
    this.entries = [];
  }

  private send(key: EntryKey, wordId: number, features: Features): void {
    this.sent.add(key);
    this.entries.push({ key, wordId, features });
  }

  private push(key: EntryKey, position: number): void {
    if (this.length + 2 > this.records.length) {
      const grown = new Int32Array(this.records.length * 2);
      grown.set(this.records);
      this.records = grown;
    }
    this.records[this.length++] = key;
    this.records[this.length++] = position;
  }
}

/** Rebuilds token objects on the main thread, remembering every entry any worker has sent. */
export class RecordReader {
  private readonly entries = new Map<EntryKey, EntryRecord>();

  /** Learns the batch's entries; call for every batch that arrives, even one nobody waits for. */
  learn(batch: TokenBatch): void {
    for (const entry of batch.entries) this.entries.set(entry.key, entry);
  }

  read(batch: TokenBatch): IpadicFeatures[][] {
    const { counts, records, surfaces } = batch;
    const texts: IpadicFeatures[][] = [];
    let at = 0;
    let unknowns = 0;
    for (let t = 0; t < counts.length; t++) {
      const tokens: IpadicFeatures[] = [];
      const end = at + counts[t]! * 2;
      for (; at < end; at += 2) {
        const key = records[at]!;
        const entry = this.entries.get(key);
        if (!entry) throw new Error(`形態素解析のワーカーから辞書項目 ${key} が届いていません`);
        const position = records[at + 1]!;
        tokens.push(key >= 0 ? knownToken(entry.wordId, position, entry.features) : unknownToken(entry.wordId, position, surfaces[unknowns++]!, entry.features));
      }
      texts.push(tokens);
    }
    return texts;
  }
}
