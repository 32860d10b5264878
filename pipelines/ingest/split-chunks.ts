import type { Chunk } from './check-chunk.ts';

export interface SplitText {
  /** The header record (and any blank lines before it). */
  headerText: string;
  chunks: Chunk[];
}

/**
 * Cuts a CSV text into its header (with any blank lines before it) and chunks of data
 * lines of about the given relative sizes, each cut at the start of a line outside any quoted cell: an even
 * number of quotes lies before it, since RFC 4180 escapes a quote by doubling it.
 * Returns null when no line closes the header's quotes.
 */
export function splitAtRecords(text: string, weights: readonly number[]): SplitText | null {
  const cuts = new LineWalker(text);
  do {
    if (!cuts.advanceTo(0)) return null;
  } while (text.slice(0, cuts.offset).trim() === '');
  return { headerText: text.slice(0, cuts.offset), chunks: cutChunks(text, cuts, weights) };
}

/** Cuts a chunk of data lines the same way, into chunks of about the given relative sizes. */
export function cutAtRecords(chunk: Chunk, weights: readonly number[]): Chunk[] {
  return cutChunks(chunk.text, new LineWalker(chunk.text, chunk.firstLine), weights);
}

function cutChunks(text: string, cuts: LineWalker, weights: readonly number[]): Chunk[] {
  const chunks: Chunk[] = [];
  const begin = cuts.offset;
  let start = begin;
  let firstLine = cuts.line;
  const sum = weights.reduce((a, b) => a + b, 0);
  let before = 0;
  for (const weight of weights.slice(0, -1)) {
    before += weight;
    const target = begin + Math.floor(((text.length - begin) * before) / sum);
    if (!cuts.advanceTo(target) || cuts.offset >= text.length) break;
    chunks.push({ text: text.slice(start, cuts.offset), firstLine });
    start = cuts.offset;
    firstLine = cuts.line;
  }
  if (start < text.length) chunks.push({ text: text.slice(start), firstLine });
  return chunks;
}

/** Walks line starts forward, keeping count of lines and of quotes passed. */
class LineWalker {
  offset = 0;
  private quotes = 0;
  private nextQuote: number;

  constructor(
    private readonly text: string,
    public line = 1,
  ) {
    this.nextQuote = text.indexOf('"');
  }

  /** Moves to the first line start at or after `target` that lies outside quotes. */
  advanceTo(target: number): boolean {
    const { text } = this;
    do {
      const newline = text.indexOf('\n', this.offset);
      if (newline === -1) return false;
      while (this.nextQuote !== -1 && this.nextQuote < newline) {
        this.quotes++;
        this.nextQuote = text.indexOf('"', this.nextQuote + 1);
      }
      this.offset = newline + 1;
      this.line++;
    } while (this.offset < target || this.quotes % 2 !== 0);
    return true;
  }
}
