import { STANDARD_HEADERS, type StandardHeader } from './columns.ts';
import { aliasTable, normaliseHeaderName, standardByName, type ColumnMapping } from './header.ts';

/**
 * Names other case systems and hand-made sheets give the standard columns, tried after the
 * standard names and the council's own aliases. A guess only fills the mapping form; the
 * person confirms it before anything is read with it.
 */
const COMMON_NAMES: ReadonlyMap<StandardHeader, readonly string[]> = new Map<StandardHeader, readonly string[]>([
  ['記録ID', ['ケース番号', 'ケースNo', 'ケースID', '事例番号', '事例ID', '記録番号', '記録No', '整理番号', '管理番号', 'ID', 'No', '番号']],
  ['会議日', ['開催日', '会議開催日', '会議の日付', '実施日', '相談日', '支援会議日', '日付', '年月日']],
  ['事業所コード', ['事業所番号', '事業所ID', '事業所', '事業所名', '相談支援事業所']],
  ['地区', ['地域', '圏域', '地区名', '居住地区', '居住地域', '生活圏域', 'エリア']],
  ['障害種別', ['障がい種別', '障碍種別', '障害の種別', '障害の種類', '障害区分', '種別']],
  ['年齢層', ['年代', '年齢区分', '年齢帯', '年齢']],
  ['相談内容', ['相談の内容', '相談概要', '主訴', '相談内容・主訴', 'ケース概要', '概要']],
  ['課題', ['課題内容', '課題・問題点', '問題点', '困りごと', '生活課題', '支援課題']],
  ['対応・支援内容', ['対応', '対応内容', '支援内容', '対応状況', '支援の内容', '対応・支援']],
  ['地域課題メモ', ['地域課題', '地域の課題', '地域課題の内容', 'メモ', '備考']],
]);

/**
 * For each standard column, the file's column it most likely is: the standard names and the
 * council's aliases first, then the common names in their order. No file column is guessed
 * twice, and a column already named for another standard is never taken.
 */
export function guessMapping(headers: readonly string[], aliases: Readonly<Record<string, StandardHeader>>): ColumnMapping {
  const table = aliasTable(aliases);
  const taken = new Set<number>();
  const chosen = new Map<StandardHeader, string>();
  headers.forEach((header, index) => {
    const standard = standardByName(header, table);
    if (standard && !chosen.has(standard)) {
      chosen.set(standard, header);
      taken.add(index);
    }
  });
  const normalised = headers.map(normaliseHeaderName);
  for (const standard of STANDARD_HEADERS) {
    if (chosen.has(standard)) continue;
    for (const name of COMMON_NAMES.get(standard) ?? []) {
      const index = normalised.findIndex((header, i) => !taken.has(i) && header !== '' && header === normaliseHeaderName(name));
      if (index === -1) continue;
      chosen.set(standard, headers[index] as string);
      taken.add(index);
      break;
    }
  }
  return STANDARD_HEADERS.map((standard) => [standard, chosen.get(standard) ?? null] as const);
}
