import { describe, expect, it, vi } from 'vitest';
import { KuromojiDictionaryLoader, STOCK_DICTIONARY_PATH, loadOnce, loadStockTokenizer } from '../pipelines/text/tokenizer/stock-tokenizer.ts';

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
