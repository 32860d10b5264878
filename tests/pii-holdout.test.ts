import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fullGuardFinder } from '../pipelines/eval/guard-finder.ts';
import { evaluatePiiProbe } from '../pipelines/eval/pii-probe.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';

/**
 * fixtures/pii-holdout.csv was written blind to the patterns, after they were done.
 * Before one fix (a full-width postal code after 郵便番号：) it measured 79 of 81 caught
 * with 1 false flag; these are its known remaining misses, pinned so that any change shows.
 */
describe('the blind hold-out probe', () => {
  const result = evaluatePiiProbe(readFileSync(new URL('../fixtures/pii-holdout.csv', import.meta.url), 'utf8'));

  it('catches 80 of its 81 identifiers and flags one harmless span in 84 clean rows', () => {
    expect([result.rows, result.identifiers, result.caught]).toEqual([150, 81, 80]);
    expect(result.missed).toEqual([{ id: 'H130', kind: 'name' }]);
    expect(result.falseFlags.map((f) => [f.id, f.kind])).toEqual([['H012', 'id_number']]);
  });
});

describe('the guard as ingest runs it: patterns, then kuromoji person names', () => {
  const probe = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

  it.each([
    ['pii-probe.csv', 110, 110, [], []],
    ['pii-holdout.csv', 81, 80, [['H130', 'name']], [['H012', 'id_number']]],
    ['pii-names-probe.csv', 12, 12, [], []],
  ])('%s: %i identifiers, %i caught', async (file, identifiers, caught, missed, falseFlags) => {
    const text = probe(file);
    const result = evaluatePiiProbe(text, await fullGuardFinder(text, tokenizeInProcess));
    expect([result.identifiers, result.caught]).toEqual([identifiers, caught]);
    expect(result.missed.map((m) => [m.id, m.kind])).toEqual(missed);
    expect(result.falseFlags.map((f) => [f.id, f.kind])).toEqual(falseFlags);
  });

  it('pii-names-probe.csv: the patterns alone miss the full names written without an honorific', () => {
    const result = evaluatePiiProbe(probe('pii-names-probe.csv'));
    expect(result.missed.map((m) => m.id)).toEqual(['N001', 'N002', 'N003', 'N004', 'N005', 'N006', 'N006', 'N023']);
  });
});
