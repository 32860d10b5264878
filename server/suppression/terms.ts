import type { TermFloor } from '../../pipelines/text/term-stats.ts';

/**
 * Besides the council's threshold of cases, a term reaches viewers and published exports
 * only when found in the cases of at least this many agencies. Ten records may all be one
 * person's, discussed at one agency's conference month after month: a diagnosis, a
 * nickname the mask missed or a service only that agency runs would then name the agency's
 * client however many cases it is in. Cases without 事業所コード vouch for no agency.
 */
export const MIN_TERM_AGENCIES = 2;

/** What a term must reach to be shown to viewers or published: the threshold of cases, and MIN_TERM_AGENCIES agencies. */
export function publishedTermFloor(threshold: number): TermFloor {
  return { documents: threshold, agencies: MIN_TERM_AGENCIES };
}

/** How an automatic theme label joins its terms (pipelines/themes/describe.ts). */
export const LABEL_SEPARATOR = '・';
/** How a theme's routing reason joins the terms that matched a subcommittee's remit. */
export const REASON_SEPARATOR = '、';

/**
 * Every run of consecutive parts of `text` split at `separator`, joined again: the terms it
 * may be made of, since a term may hold the separator itself (障害者就業・生活支援センター).
 */
export function termCandidates(text: string, separator: string): string[] {
  const parts = text.split(separator);
  return parts.flatMap((_, from) => parts.slice(from).map((__, length) => parts.slice(from, from + length + 1).join(separator)));
}

/**
 * The terms of `text` (terms joined by `separator`) that may be shown, in order. From the
 * left, each piece is read as the longest run of parts that is a known term, and kept only
 * when `shown` says that term may be shown; a part that is no known term is dropped, since
 * nothing tells how rare it is.
 */
export function shownTerms(text: string, separator: string, shown: ReadonlyMap<string, boolean>): string[] {
  const parts = text.split(separator);
  const kept: string[] = [];
  for (let from = 0; from < parts.length; ) {
    let length = parts.length - from;
    while (length > 0 && !shown.has(parts.slice(from, from + length).join(separator))) length--;
    const term = parts.slice(from, from + Math.max(length, 1)).join(separator);
    if (shown.get(term) === true) kept.push(term);
    from += Math.max(length, 1);
  }
  return kept;
}
