import { InvalidInputError } from '../domain-error.ts';
import { STANDARD_HEADERS, isStandardHeader, type StandardHeader } from './columns.ts';
import { normaliseHeaderName, type ColumnMapping } from './header.ts';

/** Longest column name taken in a mapping, as in the council's settings. */
const COLUMN_NAME_MAX = 200;

const SHAPE = '列の対応づけは [["記録ID", "ケース番号"], ["地区", null], …] の形で送ってください。';

/**
 * A mapping sent with an upload (JSON text): pairs of a standard column and the file's
 * column that fills it, or null. Refused whole, naming what is wrong, when a pair is
 * malformed, a standard column comes twice, or one file column is chosen for two.
 */
export function parseColumnMapping(text: string): ColumnMapping {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidInputError('mapping', SHAPE);
  }
  return readColumnMapping(value);
}

/** The same mapping, already parsed from JSON (a request body's field). */
export function readColumnMapping(value: unknown): ColumnMapping {
  if (!Array.isArray(value) || value.length > STANDARD_HEADERS.length) throw new InvalidInputError('mapping', SHAPE);
  const standards = new Set<StandardHeader>();
  const columns = new Map<string, StandardHeader>();
  return value.map((pair: unknown): readonly [StandardHeader, string | null] => {
    if (!Array.isArray(pair) || pair.length !== 2) throw new InvalidInputError('mapping', SHAPE);
    const [standard, column] = pair as [unknown, unknown];
    if (typeof standard !== 'string' || !isStandardHeader(standard)) {
      throw new InvalidInputError('mapping', `「${String(standard).slice(0, 30)}」は標準の列ではありません。使える列は ${STANDARD_HEADERS.join('、')} です。`);
    }
    if (standards.has(standard)) throw new InvalidInputError('mapping', `標準の列「${standard}」が対応づけに 2 回あります。`);
    standards.add(standard);
    if (column === null) return [standard, null];
    if (typeof column !== 'string' || column.trim() === '' || column.length > COLUMN_NAME_MAX) throw new InvalidInputError('mapping', SHAPE);
    const earlier = columns.get(normaliseHeaderName(column));
    if (earlier) throw new InvalidInputError('mapping', `ファイルの列「${column.trim()}」が「${earlier}」と「${standard}」の両方に選ばれています。どちらか一方にしてください。`);
    columns.set(normaliseHeaderName(column), standard);
    return [standard, column];
  });
}
