import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { KuromojiDictionaryLoader, STOCK_DICTIONARY_PATH, loadOnce, loadStockTokenizer, readGzipped } from '../pipelines/text/tokenizer/stock-tokenizer.ts';

describe('stock tokenizer loader', () => {
  it('finds the dictionary inside the kuromoji package, not relative to the working directory', () => {
    expect(STOCK_DICTIONARY_PATH).toMatch(/node_modules\/kuromoji\/dict$/);
  });

  it('forgets a failed load, so that the next call loads again, then shares one tokenizer', async () => {
    const load = vi.spyOn(KuromojiDictionaryLoader.prototype, 'load').mockImplementationOnce((callback) => callback(new Error('ENOENT: /nonexistent/kuromoji/dict'), null));

    await expect(loadStockTokenizer()).rejects.toThrow(/kuromoji の辞書を読み込めませんでした/);
    const first = loadStockTokenizer();
    const second = loadStockTokenizer();
    expect(second).toBe(first);
    const tokenizer = await first;
    expect(tokenizer.tokenize('相談に来た。').map((t) => t.surface_form)).toEqual(['相談', 'に', '来', 'た', '。']);
    expect(await loadStockTokenizer()).toBe(tokenizer);
    expect(load).toHaveBeenCalledTimes(2);
    load.mockRestore();
  });

  it('unpacks a dictionary file in one piece to the very bytes gzip holds, and hands a broken one back as an error', async () => {
    const read = (file: string) => new Promise<ArrayBuffer>((resolve, reject) => readGzipped(file, (error, buffer) => (error ? reject(error) : resolve(buffer!))));
    const file = join(STOCK_DICTIONARY_PATH, 'cc.dat.gz');
    const unpacked = await read(file);
    expect(Buffer.from(unpacked).equals(gunzipSync(readFileSync(file)))).toBe(true);
    expect(unpacked.byteLength).toBe(readFileSync(file).readUInt32LE(readFileSync(file).length - 4));
    const dir = mkdtempSync(join(tmpdir(), 'mieruka-dict-'));
    try {
      writeFileSync(join(dir, 'short.dat.gz'), Buffer.from([0x1f, 0x8b]));
      writeFileSync(join(dir, 'cut.dat.gz'), readFileSync(file).subarray(0, 1000));
      await expect(read(join(dir, 'short.dat.gz'))).rejects.toThrow('unexpected end of file');
      await expect(read(join(dir, 'cut.dat.gz'))).rejects.toThrow('unexpected end of file');
      await expect(read(join(dir, 'missing.dat.gz'))).rejects.toThrow(/ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loadOnce runs a loader once, and again only after a failure', async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      calls++;
      if (calls === 1) throw new Error('first load fails');
      return calls;
    });
    await expect(load()).rejects.toThrow('first load fails');
    expect(await load()).toBe(2);
    expect(await load()).toBe(2);
    expect(calls).toBe(2);
  });
});
