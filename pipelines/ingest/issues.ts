import { DomainError } from '../domain-error.ts';
import type { StandardHeader } from './columns.ts';

export type Severity = 'error' | 'warning';

/**
 * Stable codes for everything ingest can say about a file or a row.
 * Scripts match on these; the Japanese message is for people.
 */
export type IssueCode =
  | 'field_count'
  | 'unterminated_quote'
  | 'invalid_quote'
  | 'missing_required'
  | 'missing_text'
  | 'invalid_date'
  | 'future_date'
  | 'invalid_value'
  | 'exact_age'
  | 'alias_used'
  | 'unknown_area'
  | 'unknown_agency'
  | 'long_text'
  | 'duplicate_id'
  | 'duplicate_row'
  | 'unchanged'
  | 'pii_detected'
  | 'pii_in_id'
  | 'unknown_column'
  | 'missing_column'
  | 'undecodable_bytes'
  | 'internal_row_error'
  | 'hidden_row'
  | 'merged_cell'
  | 'formula_without_value'
  | 'cell_error'
  | 'mapped_away';

export interface IngestIssue {
  /** Physical line where the record starts (header = 1). */
  line: number;
  recordId: string | null;
  column: StandardHeader | string | null;
  severity: Severity;
  code: IssueCode;
  message: string;
}

export type PiiKind = 'name' | 'phone' | 'postal' | 'address' | 'birthdate' | 'email' | 'id_number';
export type PiiMode = 'mask' | 'reject';

export const PII_KIND_LABELS: Readonly<Record<PiiKind, string>> = {
  name: '氏名',
  phone: '電話番号',
  postal: '郵便番号',
  address: '住所',
  birthdate: '生年月日',
  email: 'メールアドレス',
  id_number: '個人番号・受給者証番号など',
};

export interface PiiFinding {
  line: number;
  recordId: string | null;
  column: string;
  kind: PiiKind;
  action: 'masked' | 'rejected';
}

/** A fatal problem with the whole file: nothing from it is stored. */
export class IngestFatalError extends DomainError {
  readonly kind = 'invalid';

  constructor(
    override readonly code:
      | 'empty_file'
      | 'unknown_encoding'
      | 'utf16_file'
      | 'excel_workbook'
      | 'not_workbook'
      | 'unreadable_workbook'
      | 'missing_sheet'
      | 'missing_header'
      | 'duplicate_header'
      | 'unreadable_file'
      | 'database_busy',
    message: string,
  ) {
    super(code, message, 'file');
  }
}
