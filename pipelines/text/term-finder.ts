import { Worker } from 'node:worker_threads';
import { writeDebugStack } from '../ingest/debug.ts';
import { flatMapInSlices } from '../event-loop.ts';
import type { NormalisedText } from './normalise.ts';
import type { PackedData, PackedTerms } from './packed-terms.ts';
import { findStoredTerms } from './stored-terms.ts';
import type { FindReply, FindRequest } from './term-finder-worker.ts';
import { termOptionsData } from './term-options-data.ts';
import type { TermOptions } from './terms.ts';
import { workerEntry } from '../worker-entry.ts';

const WORKER_URL = workerEntry(import.meta.url, 'term-finder-worker');

/** Below this many texts a call is not shared: the texts' trip to the helper costs more than it saves. */
export const SHARED_MIN_TEXTS = 2_000;

/**
 * Finds the terms of stored texts, sharing each large call with a helper thread: it takes
 * the second half of the texts while this thread does the first, and hands them back
 * packed (20,000 cases: their analysis 5.44 → 5.32 s, the machine's two cores being busy
 * with DuckDB too). Should the helper fail, its half is done here and it is not asked again.
 */
export class TermFinder {
  /** Calls whose second half the helper found. */
  shared = 0;
  private helper: Worker | null = null;
  private failed = false;
  private nextId = 0;

  constructor(private readonly options: TermOptions) {}

  /** Starts the helper now, so that it has loaded its dictionaries by the first large call. */
  warm(): void {
    if (!this.failed) this.helper ??= this.spawn();
  }

  /** The terms of each text (distinct, with its normalised form and cached tokens at the same index), set in `into`. */
  async findInto(into: PackedTerms, texts: readonly string[], normalised: readonly NormalisedText[], encoded: readonly string[]): Promise<void> {
    const split = texts.length >= SHARED_MIN_TEXTS && !this.failed ? Math.ceil(texts.length / 2) : texts.length;
    const elsewhere = split < texts.length ? this.ask(texts.slice(split), encoded.slice(split)) : null;
    // Awaited below, once this half is done; a failure meanwhile is not left unhandled.
    elsewhere?.catch(() => undefined);
    await this.findHere(into, texts, normalised, encoded, 0, split);
    if (!elsewhere) return;
    try {
      into.absorb(texts.slice(split), await elsewhere);
      this.shared++;
    } catch (error) {
      writeDebugStack(error);
      this.failed = true;
      await this.close();
      await this.findHere(into, texts, normalised, encoded, split, texts.length);
    }
  }

  async close(): Promise<void> {
    const helper = this.helper;
    this.helper = null;
    await helper?.terminate();
  }

  private async findHere(into: PackedTerms, texts: readonly string[], normalised: readonly NormalisedText[], encoded: readonly string[], from: number, to: number): Promise<void> {
    const found = await flatMapInSlices(normalised.slice(from, to), (analysed, i) => [findStoredTerms(analysed, encoded[from + i] as string, this.options)]);
    found.forEach((terms, i) => into.set(texts[from + i] as string, terms));
  }

  private ask(texts: string[], encoded: string[]): Promise<PackedData> {
    const helper = (this.helper ??= this.spawn());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const settle = (error: Error | null, packed?: PackedData) => {
        helper.off('message', onMessage).off('error', settle).off('exit', onExit);
        // Idle, it must not keep the process alive; waited for, it must.
        helper.unref();
        if (error) reject(error);
        else resolve(packed as PackedData);
      };
      const onMessage = (reply: FindReply) => {
        if (reply.id !== id) return;
        if (reply.type === 'done') settle(null, reply.packed);
        else settle(new Error(`語を探すワーカーが失敗しました: ${reply.message}`));
      };
      const onExit = (code: number) => settle(new Error(`語を探すワーカーが終了コード ${code} で止まりました`));
      helper.on('message', onMessage).on('error', settle).on('exit', onExit);
      helper.ref();
      helper.postMessage({ id, texts, encoded } satisfies FindRequest);
    });
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, { workerData: termOptionsData(this.options), execArgv: [] });
    worker.unref();
    // A failure reaches the call waiting for it (ask); one while idle stops the sharing.
    worker.on('error', () => undefined).on('exit', () => {
      if (this.helper !== worker) return;
      this.helper = null;
      this.failed = true;
    });
    return worker;
  }
}
