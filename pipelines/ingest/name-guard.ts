import { normaliseText, storedOffset } from '../text/normalise.ts';
import type { NameSpan } from '../text/person-names.ts';
import { contentHash, type CaseRecord } from './case-record.ts';
import { writeDebugStack } from './debug.ts';
import type { IngestOutcome } from './ingest-file.ts';
import { PII_KIND_LABELS, type IngestIssue, type PiiFinding, type PiiMode } from './issues.ts';
import { PII_PLACEHOLDERS } from './pii.ts';
import { INTERNAL_ROW_MESSAGE } from './row-faults.ts';

/** Person-name spans of normalised texts (tokenising, and caching, what is new). */
export type NamesFor = (normalisedTexts: readonly string[], onProgress?: (done: number, total: number) => void) => Promise<NameSpan[][]>;

const TEXT_FIELDS = [
  ['consultation', '相談内容'],
  ['problem', '課題'],
  ['support', '対応・支援内容'],
  ['regionalNote', '地域課題メモ'],
] as const;

interface Cell {
  record: CaseRecord;
  field: (typeof TEXT_FIELDS)[number][0];
  column: string;
}

/**
 * The second line of the personal-information guard: names the patterns missed but the
 * tokenizer tags as person names in context (田中さん, 山田太郎). Every text is tokenised
 * here, once per distinct content, so the analysis later reuses these tokens. A record
 * whose text cannot be handled is refused on its own (internal_row_error).
 */
export async function guardNames(
  outcome: IngestOutcome,
  namesFor: NamesFor,
  piiMode: PiiMode,
  onProgress?: (done: number, total: number) => void,
): Promise<IngestOutcome> {
  const cells = textCells(outcome.records);
  /** Records that failed, with the column being read. */
  const failed = new Map<CaseRecord, string>();
  const normalised = cells.map((cell) => attempt(cell, failed, () => normaliseText(cell.record[cell.field] ?? '')));
  onProgress?.(0, cells.length);
  const names = await namesFor(
    normalised.map((n) => n?.text ?? ''),
    onProgress,
  );
  const changed = new Map<CaseRecord, CaseRecord>();
  const pii: PiiFinding[] = [];
  const issues: IngestIssue[] = [];

  cells.forEach((cell, i) => {
    const found = names[i] ?? [];
    const analysed = normalised[i];
    if (found.length === 0 || !analysed || failed.has(cell.record)) return;
    const { record, field, column } = cell;
    const masked = attempt(cell, failed, () => {
      const current = changed.get(record) ?? record;
      const spans = found.map((n) => ({ start: storedOffset(analysed, n.start), end: storedOffset(analysed, n.end) }));
      return { ...current, [field]: maskSpans(current[field] ?? '', spans) };
    });
    if (!masked) return;
    changed.set(record, masked);
    const action = piiMode === 'mask' ? 'masked' : 'rejected';
    for (let k = 0; k < found.length; k++) pii.push({ line: record.line, recordId: record.recordId, column, kind: 'name', action });
    if (piiMode === 'reject') issues.push(nameIssue(record, column));
  });

  if (changed.size === 0 && failed.size === 0) return outcome;
  if (piiMode === 'mask') {
    // The masked texts are tokenised now too, so that the analysis finds them cached.
    const texts: string[] = [];
    for (const [original, masked] of changed) {
      for (const cell of textCells([masked])) {
        const text = attempt({ ...cell, record: original }, failed, () => normaliseText(masked[cell.field] ?? '').text);
        if (text !== null) texts.push(text);
      }
    }
    await namesFor(texts);
  }
  for (const [record, column] of failed) issues.push(internalIssue(record, column));
  const refused = new Set<CaseRecord>([...failed.keys(), ...(piiMode === 'reject' ? changed.keys() : [])]);
  const records = outcome.records
    .filter((r) => !refused.has(r))
    .map((r) => {
      const masked = changed.get(r);
      if (!masked) return r;
      const { line: _line, contentHash: _hash, ...content } = masked;
      return { ...masked, contentHash: contentHash(content) };
    });
  return {
    ...outcome,
    records,
    rejected: outcome.rejected + refused.size,
    issues: [...outcome.issues, ...issues].sort((a, b) => a.line - b.line),
    pii: [...outcome.pii, ...pii].sort((a, b) => a.line - b.line),
  };
}

/** Runs one cell's step; a throw marks its record as failed instead of stopping the file. */
function attempt<T>(cell: Cell, failed: Map<CaseRecord, string>, step: () => T): T | null {
  try {
    return step();
  } catch (error) {
    writeDebugStack(error);
    if (!failed.has(cell.record)) failed.set(cell.record, cell.column);
    return null;
  }
}

function nameIssue(record: CaseRecord, column: string): IngestIssue {
  return {
    line: record.line,
    recordId: record.recordId,
    column,
    severity: 'error',
    code: 'pii_detected',
    message: `「${column}」に個人情報（${PII_KIND_LABELS.name}）が含まれているため、この行は取り込みませんでした。該当箇所を消すか伏せ字にしてから取り込み直してください。`,
  };
}

function internalIssue(record: CaseRecord, column: string): IngestIssue {
  return { line: record.line, recordId: record.recordId, column, severity: 'error', code: 'internal_row_error', message: INTERNAL_ROW_MESSAGE };
}

function textCells(records: readonly CaseRecord[]): Cell[] {
  return records.flatMap((record) =>
    TEXT_FIELDS.flatMap(([field, column]) => {
      const value = record[field];
      return value ? [{ record, field, column }] : [];
    }),
  );
}

function maskSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += text.slice(at, s.start) + PII_PLACEHOLDERS.name;
    at = s.end;
  }
  return out + text.slice(at);
}
