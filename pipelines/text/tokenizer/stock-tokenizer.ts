import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzip } from 'node:zlib';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';

export type StockTokenizer = Tokenizer<IpadicFeatures>;

/** The IPADIC files shipped inside the kuromoji package, wherever npm put it. */
export const STOCK_DICTIONARY_PATH = join(dirname(createRequire(import.meta.url).resolve('kuromoji')), '..', 'dict');

/**
 * Wraps a loader so that it runs once per process (or worker) and every caller shares its
 * promise; a failed load is forgotten, so that the next call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | null = null;
  return () => {
    if (cached) return cached;
    const attempt = load();
    cached = attempt;
    attempt.catch(() => {
      if (cached === attempt) cached = null;
    });
    return attempt;
  };
}

/** kuromoji 0.1.2's own loader and tokenizer, which its builder puts together (kuromoji-internals.ts pins the version). */
interface DictionaryLoaderInternals {
  loadArrayBuffer: (file: string, callback: (error: Error | null, buffer?: ArrayBuffer) => void) => void;
  load(callback: (error: Error | null, dictionaries: unknown) => void): void;
}
const requireCjs = createRequire(import.meta.url);
export const KuromojiDictionaryLoader = requireCjs('kuromoji/src/loader/NodeDictionaryLoader.js') as {
  new (path: string): DictionaryLoaderInternals;
  prototype: DictionaryLoaderInternals;
};
const KuromojiTokenizer = requireCjs('kuromoji/src/Tokenizer.js') as new (dictionaries: unknown) => StockTokenizer;

function buildStockTokenizer(): Promise<StockTokenizer> {
  return new Promise((resolve, reject) => {
    const loader = new KuromojiDictionaryLoader(STOCK_DICTIONARY_PATH);
    loader.loadArrayBuffer = readGzipped;
    loader.load((err, dictionaries) => {
      if (err) reject(new Error(`kuromoji の辞書を読み込めませんでした (${STOCK_DICTIONARY_PATH}): ${String(err)}`, { cause: err }));
      else resolve(new KuromojiTokenizer(dictionaries));
    });
  });
}

/** gzip's last four bytes: the unpacked size. */
const GZIP_SIZE_BYTES = 4;
/** zlib's smallest chunk. */
const MIN_CHUNK_BYTES = 64;

/**
 * A dictionary file unpacked in one piece: gzip records the unpacked size, so zlib writes it
 * into one buffer of that size, which kuromoji takes as it is. kuromoji's own loader unpacks
 * in 16 kB pieces, joins them and copies the result: a load took 0.57 s (0.72 s of CPU) that
 * way and takes 0.31 s (0.47 s) this way, and each tokenizer worker loads the dictionary.
 */
export function readGzipped(file: string, callback: (error: Error | null, buffer?: ArrayBuffer) => void): void {
  readFile(file).then(
    (packed) => {
      // A file too short to be gzip still goes to zlib, which says what is wrong with it.
      const size = packed.length >= GZIP_SIZE_BYTES ? packed.readUInt32LE(packed.length - GZIP_SIZE_BYTES) : 0;
      gunzip(packed, { chunkSize: Math.max(MIN_CHUNK_BYTES, size) }, (error, out) => {
        if (error) callback(error);
        else callback(null, out.byteOffset === 0 && out.buffer.byteLength === out.length ? out.buffer : out.buffer.slice(out.byteOffset, out.byteOffset + out.length));
      });
    },
    callback,
  );
}

/** kuromoji as published, its dictionary unpacked in one piece a file: about 400 MB once loaded. */
export const loadStockTokenizer: () => Promise<StockTokenizer> = loadOnce(buildStockTokenizer);
