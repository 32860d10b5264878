import { DictionaryError, describeOrigin } from './dictionary-error.ts';
import type { Origin } from './dictionary-error.ts';
import type { SourcedEntry } from './dictionary-csv.ts';
import { normaliseForMatch } from './match-normalise.ts';
import { matchKey } from './term-dictionary.ts';
import type { TermEntry } from './term-dictionary.ts';

interface Claim {
  canonical: string;
  origin: Origin;
}

interface Merged {
  entry: TermEntry;
  origin: Origin;
}

/** How the two columns are called in the file or list the entries came from. */
export interface FormColumns {
  canonical: string;
  variant: string;
}

export const TERM_FORM_COLUMNS: FormColumns = { canonical: '正規形', variant: '表記ゆれ' };
export const CONCEPT_FORM_COLUMNS: FormColumns = { canonical: '概念', variant: '言い回し' };

/**
 * Merges entries in order (the built-in file first, then a council's additions).
 * An entry whose canonical form is already known adds its variants to it — that is how
 * a council extends a built-in term — unless both rows are in the same file, where a
 * second row for one term is refused. The first entry's kind and note are kept.
 * A form (canonical or variant) that two different canonical terms claim is refused,
 * naming both places.
 */
export function mergeTerms(sources: readonly SourcedEntry[], columns: FormColumns = TERM_FORM_COLUMNS): TermEntry[] {
  const merged = new Map<string, Merged>();
  const claims = new Map<string, Claim>();

  for (const { entry, origin } of sources) {
    const canonical = normaliseForMatch(entry.canonical).trim();
    const earlier = merged.get(canonical);
    if (earlier && earlier.origin.source === origin.source && origin.unit === '行目') {
      throw new DictionaryError(
        origin,
        columns.canonical,
        `「${canonical}」は ${describeOrigin(earlier.origin, origin)}にもあります。${columns.variant}は一つの行にまとめてください`,
      );
    }
    claim(claims, canonical, canonical, origin, columns.canonical);
    for (const variant of entry.variants) claim(claims, variant, canonical, origin, columns.variant);

    if (earlier) {
      earlier.entry.variants.push(...entry.variants);
    } else {
      const copy: TermEntry = { canonical, variants: [...entry.variants], kind: entry.kind };
      if (entry.note !== undefined) copy.note = entry.note;
      merged.set(canonical, { entry: copy, origin });
    }
  }
  return [...merged.values()].map((m) => m.entry);
}

function claim(claims: Map<string, Claim>, form: string, canonical: string, origin: Origin, column: string): void {
  const key = matchKey(form);
  if (key === '') return;
  const owner = claims.get(key);
  if (!owner) {
    claims.set(key, { canonical, origin });
    return;
  }
  if (owner.canonical === canonical) return;
  const shown = normaliseForMatch(form).trim();
  throw new DictionaryError(
    origin,
    column,
    `「${shown}」は ${describeOrigin(owner.origin, origin)}の「${owner.canonical}」と ` +
      `${describeOrigin(origin, origin)}の「${canonical}」の両方に登録されています。どちらか一方にしてください`,
  );
}
