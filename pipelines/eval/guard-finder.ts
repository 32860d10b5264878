import { findPii, maskPii } from '../ingest/pii.ts';
import { normaliseText } from '../text/normalise.ts';
import { findPersonNames } from '../text/person-names.ts';
import { tokenizeNormalised, type TokenizeMany } from '../text/tokenize-texts.ts';
import { parsePiiProbe, type PiiFinder } from './pii-probe.ts';

/**
 * The guard as ingest runs it: the patterns first, then the tokenizer's person names in
 * the text the patterns masked. Computed for every probe text up front, since the
 * tokenizer is asynchronous and the evaluation is not.
 */
export async function fullGuardFinder(csvText: string, tokenizeMany: TokenizeMany): Promise<PiiFinder> {
  const texts = parsePiiProbe(csvText).map((r) => r.text);
  const masked = texts.map((text) => normaliseText(maskPii(text, findPii(text))).text);
  const tokens = await tokenizeNormalised(masked, tokenizeMany);
  const found = new Map(
    texts.map((text, i) => {
      const names = findPersonNames(tokens[i] ?? []).map((n) => ({ kind: 'name' as const, snippet: (masked[i] ?? '').slice(n.start, n.end) }));
      const patterns = findPii(text).map((s) => ({ kind: s.kind, snippet: text.slice(s.start, s.end) }));
      return [text, [...patterns, ...names]];
    }),
  );
  return (text) => found.get(text) ?? [];
}
