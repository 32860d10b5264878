import { MAX_TEXT_LENGTH, TEXT_HEADERS, type StandardHeader } from './columns.ts';
import { contentHash, type CaseRecord } from './case-record.ts';
import { parseConferenceDate } from './dates.ts';
import type { SourceEncoding } from './decode.ts';
import type { HeaderMap } from './header.ts';
import { PII_KIND_LABELS, type IngestIssue, type IssueCode, type PiiFinding, type PiiMode } from './issues.ts';
import type { CsvRecord } from './parse-csv.ts';
import { findPii, maskPii } from './pii.ts';
import { parseAgeBand, parseDisabilityType } from './values.ts';

export interface RowRules {
  header: HeaderMap;
  areas?: readonly string[] | undefined;
  agencies?: readonly string[] | undefined;
  piiMode: PiiMode;
  /** ISO date; a conference after it is warned about. */
  today: string;
  /** How the file was read, and its lines (ascending) that held bytes that are not text. */
  encoding: SourceEncoding;
  unreadableLines: readonly number[];
}

export interface RowResult {
  /** Null when the row has an error and is refused. */
  record: CaseRecord | null;
  issues: IngestIssue[];
  pii: PiiFinding[];
}

/** Cells scanned for personal information: the free text, and 地区, which is typed by hand. */
const SCANNED: readonly StandardHeader[] = [...TEXT_HEADERS, '地区'];

/** A cell of the row, trimmed; empty when the file lacks the column. */
function cellOf(row: CsvRecord, header: HeaderMap, column: StandardHeader): string {
  const index = header.indexOf.get(column);
  return index === undefined ? '' : (row.fields[index] ?? '').trim();
}

/** The row's 記録ID as reports show it: masked when it looks like personal information. */
export function readRecordId(row: CsvRecord, header: HeaderMap): { recordId: string | null; looksPersonal: boolean } {
  const rawId = cellOf(row, header, '記録ID').normalize('NFKC');
  const idSpans = rawId ? findPii(rawId) : [];
  return { recordId: (idSpans.length > 0 ? maskPii(rawId, idSpans) : rawId) || null, looksPersonal: idSpans.length > 0 };
}

export function validateRow(row: CsvRecord, rules: RowRules): RowResult {
  const { header } = rules;
  const cell = (column: StandardHeader): string => cellOf(row, header, column);
  const { recordId, looksPersonal } = readRecordId(row, header);
  const issues: IngestIssue[] = [];
  const issue = (column: string | null, severity: 'error' | 'warning', code: IssueCode, message: string) =>
    issues.push({ line: row.line, recordId, column, severity, code, message });

  if (row.fields.length !== header.fieldCount) {
    const span = row.lastLine > row.line ? `（${row.line}〜${row.lastLine} 行目）` : '';
    issue(
      null,
      'error',
      'field_count',
      `列の数が見出しと合いません${span}（見出しは ${header.fieldCount} 列、この行は ${row.fields.length} 列）。値が別の列にずれるのを防ぐため、この行は取り込みませんでした。引用符（"）で囲まれていないコンマや、余分なコンマがないか確かめてください。`,
    );
    return { record: null, issues, pii: [] };
  }

  if (!recordId) issue('記録ID', 'error', 'missing_required', '記録ID が空です。');
  else if (looksPersonal) {
    issue('記録ID', 'error', 'pii_in_id', '記録ID が電話番号や個人番号などの個人情報のように見えます。事例ごとの仮の番号（例: K-0001）にしてください。');
  }

  const date = cell('会議日');
  const parsedDate = date ? parseConferenceDate(date) : null;
  if (!parsedDate) issue('会議日', 'error', 'missing_required', '会議日が空です。');
  else if (!parsedDate.ok) issue('会議日', 'error', 'invalid_date', parsedDate.message);
  else if (parsedDate.iso > rules.today) {
    issue('会議日', 'warning', 'future_date', `会議日 ${parsedDate.iso} は今日より後の日付です。入力の誤りでないか確かめてください。`);
  }

  const disability = enumerated('障害種別', cell('障害種別'), parseDisabilityType, issue);
  const ageBand = enumerated('年齢層', cell('年齢層'), parseAgeBand, issue);

  const agencyCode = cell('事業所コード').normalize('NFKC') || null;
  if (agencyCode && rules.agencies && !rules.agencies.includes(agencyCode)) {
    issue('事業所コード', 'error', 'unknown_agency', `事業所コード「${echo(agencyCode)}」は協議会の設定にありません。設定されているのは ${rules.agencies.join(', ')} です。`);
  }

  const texts = new Map<StandardHeader, string | null>();
  const pii: PiiFinding[] = [];
  for (const column of SCANNED) {
    const value = cell(column);
    if (!value) {
      texts.set(column, null);
      continue;
    }
    const spans = findPii(value);
    for (const span of spans) {
      pii.push({ line: row.line, recordId, column, kind: span.kind, action: rules.piiMode === 'mask' ? 'masked' : 'rejected' });
    }
    if (spans.length > 0 && rules.piiMode === 'reject') {
      issue(column, 'error', 'pii_detected', `「${column}」に個人情報（${[...new Set(spans.map((s) => PII_KIND_LABELS[s.kind]))].join('、')}）が含まれているため、この行は取り込みませんでした。該当箇所を消すか伏せ字にしてから取り込み直してください。`);
    }
    texts.set(column, spans.length > 0 ? maskPii(value, spans) : value);
    if (column !== '地区' && value.length > MAX_TEXT_LENGTH) {
      issue(column, 'warning', 'long_text', `「${column}」が ${value.length} 文字あります（目安は ${MAX_TEXT_LENGTH} 文字まで）。全文を保存しましたが、要点を分けて書くと分析しやすくなります。`);
    }
  }
  if (!texts.get('相談内容') && !texts.get('課題')) {
    issue('相談内容', 'error', 'missing_text', '相談内容と課題がどちらも空です。少なくとも一方を書いてください。');
  }
  const area = texts.get('地区') ?? null;
  if (area && rules.areas && !rules.areas.includes(area)) {
    issue('地区', 'error', 'unknown_area', `地区「${echo(area)}」は協議会の設定にありません。設定されているのは ${rules.areas.join(', ')} です。`);
  }

  if (issues.some((i) => i.severity === 'error') || !recordId || !parsedDate?.ok || !disability || !ageBand) {
    return { record: null, issues, pii };
  }
  const content = {
    recordId,
    conferenceDate: parsedDate.iso,
    agencyCode,
    area,
    disabilityType: disability,
    ageBand,
    consultation: texts.get('相談内容') ?? null,
    problem: texts.get('課題') ?? null,
    support: texts.get('対応・支援内容') ?? null,
    regionalNote: texts.get('地域課題メモ') ?? null,
  };
  return { record: { line: row.line, ...content, contentHash: contentHash(content) }, issues, pii };
}

type Parser<T> = (raw: string) => { ok: true; value: T; alias?: string } | { ok: false; code: 'invalid_value' | 'exact_age'; message: string };

function enumerated<T extends string>(
  column: StandardHeader,
  raw: string,
  parse: Parser<T>,
  issue: (column: string, severity: 'error' | 'warning', code: IssueCode, message: string) => void,
): T | null {
  if (!raw) {
    issue(column, 'error', 'missing_required', `${column}が空です。`);
    return null;
  }
  const result = parse(raw);
  if (!result.ok) {
    issue(column, 'error', result.code, result.message);
    return null;
  }
  if (result.alias !== undefined) {
    issue(column, 'warning', 'alias_used', `${column}「${echo(result.alias)}」を「${result.value}」として読み替えました。`);
  }
  return result.value;
}

/** Cell values quoted back in messages are masked and cut short: messages are stored too. */
function echo(value: string): string {
  const masked = maskPii(value, findPii(value));
  return masked.length > 30 ? `${masked.slice(0, 30)}…` : masked;
}
