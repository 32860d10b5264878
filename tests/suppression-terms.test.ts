import { describe, expect, it } from 'vitest';
import { LABEL_SEPARATOR, MIN_TERM_AGENCIES, publishedTermFloor, REASON_SEPARATOR, shownTerms, termCandidates } from '../server/suppression/terms.ts';

describe('published terms', () => {
  it('asks for the council\'s threshold of cases and more than one agency', () => {
    expect(publishedTermFloor(10)).toEqual({ documents: 10, agencies: MIN_TERM_AGENCIES });
    expect(MIN_TERM_AGENCIES).toBeGreaterThanOrEqual(2);
  });

  it('looks up every run of a label\'s parts, since a term may hold the separator', () => {
    expect(termCandidates('A・B・C', LABEL_SEPARATOR)).toEqual(['A', 'A・B', 'A・B・C', 'B', 'B・C', 'C']);
    expect(termCandidates('短期入所', LABEL_SEPARATOR)).toEqual(['短期入所']);
  });

  it('keeps a label\'s terms that may be shown, in order, and drops rare ones and words that are no term', () => {
    const shown = new Map([
      ['短期入所', true],
      ['ファブリー病', false],
      ['障害者就業・生活支援センター', true],
      ['障害者就業', true],
      ['生活支援センター', true],
    ]);
    expect(shownTerms('ファブリー病・短期入所', LABEL_SEPARATOR, shown)).toEqual(['短期入所']);
    expect(shownTerms('短期入所・ファブリー病', LABEL_SEPARATOR, shown)).toEqual(['短期入所']);
    expect(shownTerms('ファブリー病', LABEL_SEPARATOR, shown)).toEqual([]);
    expect(shownTerms('（語なし）', LABEL_SEPARATOR, shown)).toEqual([]);
    expect(shownTerms('障害者就業・生活支援センター・短期入所', LABEL_SEPARATOR, shown)).toEqual(['障害者就業・生活支援センター', '短期入所']);
    expect(shownTerms('ファブリー病、短期入所', REASON_SEPARATOR, shown)).toEqual(['短期入所']);
  });

  it('does not rebuild a rare term from common parts', () => {
    const shown = new Map([
      ['病院・施設', false],
      ['病院', true],
      ['施設', true],
    ]);
    expect(shownTerms('病院・施設', LABEL_SEPARATOR, shown)).toEqual([]);
    expect(shownTerms('病院・施設・病院', LABEL_SEPARATOR, shown)).toEqual(['病院']);
  });
});
