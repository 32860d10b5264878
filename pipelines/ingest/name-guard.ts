import { normaliseText, storedOffset } from '../text/normalise.ts';
import type { NameSpan } from '../text/person-names.ts';
import { contentHash, type CaseRecord } from './case-record.ts';
import type { IngestOutcome } from './ingest-file.ts';
import { PII_KIND_LABELS, type IngestIssue, type PiiFinding, type PiiMode } from './issues.ts';
import { PII_PLACEHOLDERS } from './pii.ts';

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
 * here, once per distinct content, so the analysis later reuses these tokens.
 */
export async function guardNames(
  outcome: IngestOutcome,
  namesFor: NamesFor,
  piiMode: PiiMode,
  onProgress?: (done: number, total: number) => void,
): Promise<IngestOutcome> {
  const cells = textCells(outcome.records);
  onProgress?.(0, cells.length);
  const names = await namesFor(
    cells.map((c) => normaliseText(c.record[c.field] ?? '').text),
    onProgress,
  );
  const found = cells.flatMap((cell, i) => ((names[i] ?? []).length > 0 ? [{ cell, names: names[i] as NameSpan[] }] : []));
  const changed = new Map<CaseRecord, CaseRecord>();
  const pii: PiiFinding[] = [];
  const issues: IngestIssue[] = [];

  for (const { cell, names } of found) {
    const { record, field, column } = cell;
    const normalised = normaliseText(record[field] ?? '');
    const action = piiMode === 'mask' ? 'masked' : 'rejected';
    for (const _ of names) pii.push({ line: record.line, recordId: record.recordId, column, kind: 'name', action });
    if (piiMode === 'reject') {
      issues.push({
        line: record.line,
        recordId: record.recordId,
        column,
        severity: 'error',
        code: 'pii_detected',
        message: `「${column}」に個人情報（${PII_KIND_LABELS.name}）が含まれているため、この行は取り込みませんでした。該当箇所を消すか伏せ字にしてから取り込み直してください。`,
      });
    }
    const current = changed.get(record) ?? record;
    const text = current[field] ?? '';
    const spans = names.map((n) => ({ start: storedOffset(normalised, n.start), end: storedOffset(normalised, n.end) }));
    changed.set(record, { ...current, [field]: maskSpans(text, spans) });
  }

  if (changed.size === 0) return outcome;
  const refused = piiMode === 'reject' ? new Set(changed.keys()) : new Set<CaseRecord>();
  const records = outcome.records
    .filter((r) => !refused.has(r))
    .map((r) => {
      const masked = changed.get(r);
      if (!masked) return r;
      const { line: _line, contentHash: _hash, ...content } = masked;
      return { ...masked, contentHash: contentHash(content) };
    });
  if (piiMode === 'mask') await namesFor(textCells([...changed.values()]).map((c) => normaliseText(c.record[c.field] ?? '').text));
  return {
    ...outcome,
    records,
    rejected: outcome.rejected + refused.size,
    issues: [...outcome.issues, ...issues].sort((a, b) => a.line - b.line),
    pii: [...outcome.pii, ...pii].sort((a, b) => a.line - b.line),
  };
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
