/** The standard CSV columns of DESIGN.md, in file order, with the field each one fills. */
export const STANDARD_COLUMNS = [
  { header: '記録ID', field: 'recordId' },
  { header: '会議日', field: 'conferenceDate' },
  { header: '事業所コード', field: 'agencyCode' },
  { header: '地区', field: 'area' },
  { header: '障害種別', field: 'disabilityType' },
  { header: '年齢層', field: 'ageBand' },
  { header: '相談内容', field: 'consultation' },
  { header: '課題', field: 'problem' },
  { header: '対応・支援内容', field: 'support' },
  { header: '地域課題メモ', field: 'regionalNote' },
] as const;

export type StandardHeader = (typeof STANDARD_COLUMNS)[number]['header'];
export type CaseField = (typeof STANDARD_COLUMNS)[number]['field'];

export const STANDARD_HEADERS: readonly StandardHeader[] = STANDARD_COLUMNS.map((c) => c.header);

/** Free-text columns: scanned for personal information, tokenised later. */
export const TEXT_HEADERS = ['相談内容', '課題', '対応・支援内容', '地域課題メモ'] as const;
export type TextHeader = (typeof TEXT_HEADERS)[number];

export const REQUIRED_HEADERS = ['記録ID', '会議日', '障害種別', '年齢層'] as const;

export { AGE_BANDS, DISABILITY_TYPES, type AgeBand, type DisabilityType } from '../../shared/vocabulary.ts';

/** A text cell longer than this is stored whole but warned about (long_text). */
export const MAX_TEXT_LENGTH = 2000;

export function isStandardHeader(name: string): name is StandardHeader {
  return (STANDARD_HEADERS as readonly string[]).includes(name);
}
