import { STANDARD_HEADERS, type StandardHeader } from '../../pipelines/ingest/columns.ts';

export type Row = Partial<Record<StandardHeader, string>>;

/** A valid row; tests override the cells they are about. */
export function caseRow(id: string, overrides: Row = {}): Row {
  return {
    記録ID: id,
    会議日: '2024/04/12',
    事業所コード: 'S01',
    地区: '中央',
    障害種別: '知的',
    年齢層: '30-39',
    相談内容: 'グループホームの空きがなく、入居先が見つからない。',
    課題: '市内のグループホームが不足している。',
    対応・支援内容: '近隣市の事業所に問い合わせた。',
    地域課題メモ: '',
    ...overrides,
  };
}

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A CSV as Excel writes it: CRLF, every standard column, quoted where needed. */
export function caseCsv(rows: Row[], headers: readonly string[] = STANDARD_HEADERS): string {
  const lines = [headers.join(','), ...rows.map((r) => headers.map((h) => quote(r[h as StandardHeader] ?? '')).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
