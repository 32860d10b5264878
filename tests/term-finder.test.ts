import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../fixtures/generator/generate.ts';
import { loadWelfareDictionary } from '../pipelines/text/dictionary/load-dictionary.ts';
import { normaliseText, type NormalisedText } from '../pipelines/text/normalise.ts';
import { PackedTerms } from '../pipelines/text/packed-terms.ts';
import { findStoredTerms } from '../pipelines/text/stored-terms.ts';
import { SHARED_MIN_TEXTS, TermFinder } from '../pipelines/text/term-finder.ts';
import type { TermOptions } from '../pipelines/text/terms.ts';
import { encodeTokens } from '../pipelines/text/token-encoding.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { tokenizeNormalised } from '../pipelines/text/tokenize-texts.ts';

/** Stored texts (full-width letters and <br> among them, so that offsets map back), each with its normalised form and cached tokens. */
interface Corpus {
  texts: string[];
  normalised: NormalisedText[];
  encoded: string[];
}

let options: TermOptions;
let corpus: Corpus;
const finders: TermFinder[] = [];

beforeAll(async () => {
  const { terms, concepts, stopWords } = await loadWelfareDictionary();
  options = { dictionary: terms, concepts, stopWords, shortageTerms: true };
  const written = [...generateCases({ rows: 900, seed: 16, piiRate: 0 })].flatMap(({ record }) => [record.相談内容, record.課題, `ＧＨ<br>${record.対応・支援内容}`]);
  const texts = [...new Set(written.filter((t) => t !== ''))];
  const normalised = texts.map(normaliseText);
  const tokens = await tokenizeNormalised(normalised.map((n) => n.text), tokenizeInProcess);
  corpus = { texts, normalised, encoded: tokens.map(encodeTokens) };
});
afterEach(async () => {
  await Promise.all(finders.splice(0).map((f) => f.close()));
});

function finder(): TermFinder {
  const f = new TermFinder(options);
  finders.push(f);
  return f;
}

const expected = (c: Corpus) => c.texts.map((_, i) => findStoredTerms(c.normalised[i]!, c.encoded[i]!, options));
const found = (into: PackedTerms, c: Corpus) => c.texts.map((t) => into.get(t));

describe('the term finder', () => {
  it('shares a large call with its helper thread and finds exactly the terms this thread would', async () => {
    expect(corpus.texts.length).toBeGreaterThanOrEqual(SHARED_MIN_TEXTS);
    const into = new PackedTerms();
    const f = finder();
    await f.findInto(into, corpus.texts, corpus.normalised, corpus.encoded);
    expect(f.shared).toBe(1);
    expect(found(into, corpus)).toEqual(expected(corpus));
    expect(found(into, corpus).flat().length).toBeGreaterThan(corpus.texts.length);
  });

  it('finds a small call on this thread alone', async () => {
    const small = { texts: corpus.texts.slice(0, 10), normalised: corpus.normalised.slice(0, 10), encoded: corpus.encoded.slice(0, 10) };
    const into = new PackedTerms();
    const f = finder();
    await f.findInto(into, small.texts, small.normalised, small.encoded);
    expect(f.shared).toBe(0);
    expect(found(into, small)).toEqual(expected(small));
  });

  it('reports what failed in the helper’s half, and goes on without the helper', async () => {
    const f = finder();
    const last = corpus.texts.length - 1;
    const broken = [...corpus.encoded.slice(0, last), '99\t0\n'];
    await expect(f.findInto(new PackedTerms(), corpus.texts, corpus.normalised, broken)).rejects.toThrow('形態素のキャッシュが壊れています');
    const into = new PackedTerms();
    await f.findInto(into, corpus.texts, corpus.normalised, corpus.encoded);
    expect(f.shared).toBe(0);
    expect(found(into, corpus)).toEqual(expected(corpus));
  });
});
