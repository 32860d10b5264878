import fc from 'fast-check';
import iconv from 'iconv-lite';
import { STANDARD_HEADERS } from '../../pipelines/ingest/columns.ts';
import { normaliseHeaderName } from '../../pipelines/ingest/header.ts';
import { caseRow } from './case-csv.ts';

/**
 * Damaged case files for the ingest fuzz test (tests/ingest-fuzz.test.ts) and its longer
 * runner (`npm run fuzz`): valid rows, then damage to cells, to the header, to the text
 * and to the bytes, of the kinds the ingest has crashed on or could.
 */
export interface FuzzCase {
  special: 'none' | 'empty' | 'header_only' | 'blank';
  rows: ReadonlyArray<readonly string[]>;
  header: readonly string[];
  cellEdits: readonly CellEdit[];
  textEdits: readonly TextEdit[];
  encoding: FuzzEncoding;
  byteEdits: readonly ByteEdit[];
}

interface CellEdit {
  row: number;
  /** A standard column, found in the header by name; any column when the header lacks it. */
  column: string;
  mode: 'replace' | 'append' | 'prepend';
  value: string;
  kind: string;
}

type TextEdit =
  | { kind: 'insert'; at: number; value: string }
  | { kind: 'line_ends'; style: 'lf' | 'cr' | 'mixed' }
  | { kind: 'truncate'; at: number }
  | { kind: 'repeat_line'; line: number };

interface ByteEdit {
  at: number;
  bytes: number[];
  mode: 'insert' | 'overwrite';
}

type FuzzEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis' | 'utf-16' | 'workbook';

export interface FuzzLimits {
  /** Most personal-information matches put in one cell. */
  maxPiiMatches: number;
  /** Longest cell of plain text. */
  maxCellLength: number;
}

export const CI_LIMITS: FuzzLimits = { maxPiiMatches: 30_000, maxCellLength: 20_000 };

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'toLocaleString'];
const INVALID_REFERENCES = ['&#x110000;', '&#xD800;', '&#xDFFF;', '&#99999999999;', '&#0;', '&#xFFFFFF;', '&#55296;', '&#x;', '&#', '&amp;', '&lt;b&gt;', '<br>', '<p', '&#x1F600;'];
const PII_UNITS = ['0438231234,', '090-1234-5678 ', 'a@b.jp ', '田中さん、', '〒292-0834 ', '1234 5678 9012 ', '富士見1丁目2番3号 ', '０９０１２３４５６７８ '];
const ODD_TEXT = [
  '"', '""', '","', ',', '\n', '\r', '\r\n', '\t', ' ', '\u3000', '\u2028', '\u0000', '\uFEFF', '\uD800', '\uDFFF', 'a\uDC00b',
  '\u0301', 'か\u3099', 'ｶﾞｲﾄﾞ', 'e\u0301\u0301\u0301', '😀', '👨‍👩‍👧', '🇯🇵', '𠮷野家', '①㈱', 'ｰ-～~',
  '０９０－１２３４－５６７８', '２０２４／０４／１２', 'Ｋ－０００１', '３０－３９', '４７歳', '10代', '60代', '70代', '65歳以上', '知的障害',
  '令和6年2月30日', 'R6.4.12', '2024/4/12 0:00', '45000', '24/4/12', '明治元年1月1日', '2024年4月12日(金)', '2030/01/01',
];
const TEXT_INSERTS = ['"', '\uFEFF', '\u0000', '\r', '\n', ',', '"\n', '\n\n', 'x"y', ',,,,\r\n', '\r\n"'];

/** A place in the file, as a share of its length: unbiased, as small values would all hit the header. */
const fraction = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);

function cellValue(limits: FuzzLimits): fc.Arbitrary<{ value: string; kind: string }> {
  const tagged = (kind: string, arbitrary: fc.Arbitrary<string>) => arbitrary.map((value) => ({ value, kind }));
  const floodCount = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 100 }), weight: 4 }, { arbitrary: fc.constant(limits.maxPiiMatches), weight: 1 });
  return fc.oneof(
    tagged('prototype_key', fc.constantFrom(...PROTOTYPE_KEYS)),
    tagged('invalid_reference', fc.array(fc.constantFrom(...INVALID_REFERENCES), { minLength: 1, maxLength: 4 }).map((a) => a.join('あ'))),
    tagged('pii_flood', fc.tuple(fc.constantFrom(...PII_UNITS), floodCount).map(([unit, count]) => unit.repeat(count))),
    tagged('long_cell', fc.tuple(fc.constantFrom('あ', 'グループホーム', 'a', '"', '\n'), fc.integer({ min: 1, max: limits.maxCellLength })).map(([u, n]) => u.repeat(n).slice(0, limits.maxCellLength))),
    tagged('odd_text', fc.array(fc.constantFrom(...ODD_TEXT), { minLength: 1, maxLength: 5 }).map((a) => a.join(''))),
    tagged('random_text', fc.string({ unit: 'grapheme', maxLength: 20 })),
    tagged('random_code_points', fc.string({ unit: 'binary', maxLength: 12 })),
  );
}

const anyEdit = (limits: FuzzLimits): fc.Arbitrary<CellEdit> =>
  fc
    .record({ row: fc.nat(), column: fc.constantFrom(...STANDARD_HEADERS), mode: fc.constantFrom('replace', 'replace', 'append', 'prepend'), cell: cellValue(limits) })
    .map(({ cell, ...edit }) => ({ ...edit, value: cell.value, kind: cell.kind }));

/** A prototype key as the whole value of a column whose values are looked up in tables. */
const lookupEdit: fc.Arbitrary<CellEdit> = fc.record({
  row: fc.nat(),
  column: fc.constantFrom('年齢層', '障害種別', '記録ID', '地区', '事業所コード', '会議日'),
  mode: fc.constant('replace' as const),
  value: fc.constantFrom(...PROTOTYPE_KEYS),
  kind: fc.constant('prototype_key'),
});

const cellEdit = (limits: FuzzLimits): fc.Arbitrary<CellEdit> => fc.oneof({ arbitrary: anyEdit(limits), weight: 5 }, { arbitrary: lookupEdit, weight: 1 });

const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('insert'), at: fraction, value: fc.constantFrom(...TEXT_INSERTS) }),
  fc.record({ kind: fc.constant('line_ends'), style: fc.constantFrom('lf', 'cr', 'mixed') }),
  fc.record({ kind: fc.constant('truncate'), at: fraction }),
  fc.record({ kind: fc.constant('repeat_line'), line: fc.nat() }),
);

const byteEdit: fc.Arbitrary<ByteEdit> = fc.record({
  at: fraction,
  bytes: fc.array(fc.oneof(fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0x00, 0x0a, 0x0d, 0x22, 0x2c)), { minLength: 1, maxLength: 3 }),
  mode: fc.constantFrom('insert', 'overwrite'),
});

/** The standard header, or one with a column added, renamed, reordered or given twice. */
const header: fc.Arbitrary<readonly string[]> = fc.oneof(
  { arbitrary: fc.constant([...STANDARD_HEADERS]), weight: 6 },
  fc.constantFrom(...PROTOTYPE_KEYS, '備考', '', '記録ＩＤ').map((name) => [...STANDARD_HEADERS, name]),
  fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.integer({ min: 0, max: STANDARD_HEADERS.length - 1 })).map(([name, i]) => STANDARD_HEADERS.map((h, k) => (k === i ? name : h))),
  fc.shuffledSubarray([...STANDARD_HEADERS], { minLength: STANDARD_HEADERS.length }),
  fc.constant([...STANDARD_HEADERS, '課題']),
  fc.constant(STANDARD_HEADERS.map((h) => ` ${h.replace('ID', 'ＩＤ')}\u3000`)),
);

export function fuzzCase(limits: FuzzLimits = CI_LIMITS): fc.Arbitrary<FuzzCase> {
  return fc.record({
    special: fc.oneof({ arbitrary: fc.constant('none' as const), weight: 30 }, fc.constantFrom('empty' as const, 'header_only' as const, 'blank' as const)),
    rows: fc.integer({ min: 0, max: 8 }).map((n) => Array.from({ length: n }, (_, i) => standardCells(`K-${String(i).padStart(4, '0')}`))),
    header,
    cellEdits: fc.array(cellEdit(limits), { maxLength: 4 }),
    textEdits: fc.oneof({ arbitrary: fc.constant<TextEdit[]>([]), weight: 2 }, fc.array(textEdit, { minLength: 1, maxLength: 3 })),
    encoding: fc.oneof(
      { arbitrary: fc.constantFrom<FuzzEncoding>('utf-8', 'shift_jis'), weight: 8 },
      { arbitrary: fc.constantFrom<FuzzEncoding>('utf-8-bom', 'utf-16', 'workbook'), weight: 2 },
    ),
    byteEdits: fc.oneof({ arbitrary: fc.constant<ByteEdit[]>([]), weight: 2 }, fc.array(byteEdit, { minLength: 1, maxLength: 3 })),
  });
}

function standardCells(id: string): string[] {
  const row = caseRow(id);
  return STANDARD_HEADERS.map((h) => row[h] ?? '');
}

/** Which kinds of damage a case holds, for reports. */
export function describeCase(c: FuzzCase): string {
  if (c.special !== 'none') return `${c.special} (${c.encoding})`;
  const kinds = [
    `${c.rows.length} rows`,
    c.encoding,
    c.header.join(',') === STANDARD_HEADERS.join(',') ? null : 'header',
    ...c.cellEdits.map((e) => `${e.kind}${e.value.length > 1000 ? `(${e.value.length} chars)` : ''}`),
    ...c.textEdits.map((e) => e.kind),
    c.byteEdits.length > 0 ? `${c.byteEdits.length} byte edits` : null,
  ];
  return kinds.filter((k) => k !== null).join(', ');
}

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvText(c: FuzzCase): string {
  if (c.special === 'empty') return '';
  if (c.special === 'blank') return '\r\n \r\n';
  const rows = c.rows.map((cells) => c.header.map((name) => cells[STANDARD_HEADERS.indexOf(normaliseHeaderName(name) as never)] ?? ''));
  for (const edit of c.cellEdits) {
    const cells = rows[edit.row % Math.max(1, rows.length)];
    if (!cells || cells.length === 0) continue;
    const named = c.header.findIndex((name) => normaliseHeaderName(name) === edit.column);
    const at = named === -1 ? edit.row % cells.length : named;
    const old = cells[at] ?? '';
    cells[at] = edit.mode === 'replace' ? edit.value : edit.mode === 'append' ? old + edit.value : edit.value + old;
  }
  const lines = [c.header.map(quote).join(','), ...(c.special === 'header_only' ? [] : rows.map((cells) => cells.map(quote).join(',')))];
  return c.textEdits.reduce(applyTextEdit, `${lines.join('\r\n')}\r\n`);
}

function applyTextEdit(text: string, edit: TextEdit): string {
  const at = (f: number) => Math.floor(f * text.length);
  switch (edit.kind) {
    case 'insert':
      return text.slice(0, at(edit.at)) + edit.value + text.slice(at(edit.at));
    case 'truncate':
      return text.slice(0, at(edit.at));
    case 'line_ends': {
      if (edit.style !== 'mixed') return text.replaceAll('\r\n', edit.style === 'lf' ? '\n' : '\r');
      let k = 0;
      return text.replace(/\r\n/g, () => ['\r\n', '\n', '\r'][k++ % 3] as string);
    }
    case 'repeat_line': {
      const lines = text.split('\r\n');
      const line = lines[edit.line % lines.length] ?? '';
      return [...lines.slice(0, edit.line % lines.length), line, ...lines.slice(edit.line % lines.length)].join('\r\n');
    }
  }
}

function encode(text: string, encoding: FuzzEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\uFEFF${text}`);
    case 'shift_jis':
      return iconv.encode(text, 'cp932');
    case 'utf-16':
      return iconv.encode(`\uFEFF${text}`, 'utf-16le');
    case 'workbook':
      return new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode(text)]);
  }
}

/** The file's bytes: the text encoded, then its bytes damaged. */
export function caseBytes(c: FuzzCase): Uint8Array {
  let bytes = encode(csvText(c), c.encoding);
  for (const edit of c.byteEdits) {
    const at = Math.floor(edit.at * bytes.length);
    const tail = bytes.subarray(edit.mode === 'insert' ? at : Math.min(bytes.length, at + edit.bytes.length));
    bytes = Buffer.concat([bytes.subarray(0, at), Uint8Array.from(edit.bytes), tail]);
  }
  return bytes;
}
