import { DomainError } from '../../domain-error.ts';

/**
 * Where a dictionary entry came from: a line of a CSV file, or the n-th item of a list
 * handed over in code (a council's extra terms).
 */
export interface Origin {
  source: string;
  position: number;
  unit: '行目' | '件目';
}

export function fileOrigin(file: string, line: number): Origin {
  return { source: file, position: line, unit: '行目' };
}

export function describeOrigin(origin: Origin, relativeTo?: Origin): string {
  const place = `${origin.position} ${origin.unit}`;
  return relativeTo?.source === origin.source ? place : `${origin.source} ${place}`;
}

/** A refused dictionary row, with a Japanese message that names file, line and column. */
export class DictionaryError extends DomainError {
  readonly kind = 'invalid';
  readonly source: string;
  readonly position: number;

  constructor(
    origin: Origin,
    readonly column: string | null,
    detail: string,
  ) {
    super('dictionary', `${describeOrigin(origin)}${column === null ? '' : `「${column}」`}: ${detail}`, column ?? undefined);
    this.source = origin.source;
    this.position = origin.position;
  }
}
