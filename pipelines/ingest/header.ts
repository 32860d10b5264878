import { REQUIRED_HEADERS, STANDARD_HEADERS, isStandardHeader, type StandardHeader } from './columns.ts';
import { IngestFatalError, type IngestIssue } from './issues.ts';
import type { CsvRecord } from './parse-csv.ts';

export interface HeaderMap {
  /** For each field index of a row, the standard column it fills, or null when ignored. */
  columns: ReadonlyArray<StandardHeader | null>;
  /** Field index of each standard column present in the file. */
  indexOf: ReadonlyMap<StandardHeader, number>;
  fieldCount: number;
  issues: IngestIssue[];
}

/**
 * The columns a person chose for one upload: for a standard column, the file's column that
 * fills it, or null for none. It comes before the file's own names and the council's aliases.
 */
export type ColumnMapping = ReadonlyArray<readonly [StandardHeader, string | null]>;

export function normaliseHeaderName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000]/g, '');
}

/** The standard column a file's column name gives by itself or through the council's aliases. */
export function standardByName(name: string, aliases: ReadonlyMap<string, StandardHeader>): StandardHeader | undefined {
  const normalised = normaliseHeaderName(name);
  return isStandardHeader(normalised) ? normalised : aliases.get(normalised);
}

export function aliasTable(aliases: Readonly<Record<string, StandardHeader>>): Map<string, StandardHeader> {
  return new Map(Object.entries(aliases).map(([from, to]) => [normaliseHeaderName(from), to]));
}

/**
 * Maps the file's header row to the standard columns, through the person's mapping for this
 * upload, then the standard names, then the council's alias table. A missing required column
 * is fatal: no row could be read correctly without it.
 */
export function mapHeader(header: CsvRecord | null, aliases: Readonly<Record<string, StandardHeader>>, mapping: ColumnMapping = []): HeaderMap {
  if (!header) {
    throw new IngestFatalError('missing_header', '見出し行がありません。1 行目に「記録ID,会議日,…」の見出しを入れてください。');
  }
  const table = aliasTable(aliases);
  const chosen = new Map(mapping.flatMap(([to, from]) => (from === null ? [] : [[normaliseHeaderName(from), to] as const])));
  const decided = new Map(mapping);
  const indexOf = new Map<StandardHeader, number>();
  const issues: IngestIssue[] = [];
  const columns = header.fields.map((raw, index): StandardHeader | null => {
    const name = normaliseHeaderName(raw);
    const byName = standardByName(raw, table);
    const standard = chosen.get(name) ?? (byName && !decided.has(byName) ? byName : undefined);
    if (!standard && byName) {
      issues.push({
        line: header.line,
        recordId: null,
        column: raw.trim(),
        severity: 'warning',
        code: 'mapped_away',
        message:
          decided.get(byName) === null
            ? `列「${raw.trim()}」は、列の対応づけで「${byName}」を使わないことにしたため取り込みませんでした。`
            : `列「${raw.trim()}」は、列の対応づけで「${byName}」に別の列が選ばれたため取り込みませんでした。`,
      });
      return null;
    }
    if (!standard) {
      if (name !== '') {
        issues.push({
          line: header.line,
          recordId: null,
          column: raw.trim(),
          severity: 'warning',
          code: 'unknown_column',
          message: `列「${raw.trim()}」は標準の列ではないため取り込みませんでした。`,
        });
      }
      return null;
    }
    const earlier = indexOf.get(standard);
    if (earlier !== undefined) {
      throw new IngestFatalError(
        'duplicate_header',
        `列「${standard}」が見出し行に 2 回あります（${earlier + 1} 列目と ${index + 1} 列目）。どちらか一方にしてください。`,
      );
    }
    indexOf.set(standard, index);
    return standard;
  });

  const hasText = indexOf.has('相談内容') || indexOf.has('課題');
  const missing = missingRequired(indexOf);
  if (missing.length > 0) {
    throw new IngestFatalError(
      'missing_header',
      `必須の列${missing.map((m) => `「${m}」`).join('')}が見出し行にありません${
        hasText ? '' : '（相談内容と課題のどちらか一方は必要です）'
      }。見出し行: ${header.fields.map((f) => f.trim()).join(', ')}。標準の見出しは ${STANDARD_HEADERS.join(', ')} です。`,
    );
  }
  for (const optional of STANDARD_HEADERS) {
    if (indexOf.has(optional) || (REQUIRED_HEADERS as readonly string[]).includes(optional)) continue;
    issues.push({
      line: header.line,
      recordId: null,
      column: optional,
      severity: 'warning',
      code: 'missing_column',
      message: `列「${optional}」がありません。この列は空として取り込みます。`,
    });
  }
  return { columns, indexOf, fieldCount: header.fields.length, issues };
}

/** The required columns a header lacks; 相談内容 stands for "相談内容 or 課題". */
export function missingRequired(found: { has(column: StandardHeader): boolean }): StandardHeader[] {
  const missing: StandardHeader[] = REQUIRED_HEADERS.filter((h) => !found.has(h));
  if (!found.has('相談内容') && !found.has('課題')) missing.push('相談内容');
  return missing;
}
