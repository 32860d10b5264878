import { findPersonNames } from '../text/person-names.ts';
import { normaliseText, type NormalisedText } from '../text/normalise.ts';
import type { TextToken } from '../text/text-tokens.ts';
import { contentHash, type CaseRecord } from './case-record.ts';
import type { IngestOutcome } from './ingest-file.ts';
import { PII_KIND_LABELS, type IngestIssue, type PiiFinding, type PiiMode } from './issues.ts';
import { PII_PLACEHOLDERS } from './pii.ts';

export type TokensFor = (normalisedTexts: readonly string[]) => Promise<TextToken[][]>;

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
  normalised: NormalisedText;
}

/**
 * The second line of the personal-information guard: names the patterns missed but the
 * tokenizer tags as person names in context (田中さん, 山田太郎). Every text is tokenised
 * here, once per distinct content, so the analysis later reuses these tokens.
 */
export async function guardNames(outcome: IngestOutcome, tokensFor: TokensFor, piiMode: PiiMode): Promise<IngestOutcome> {
  const cells = textCells(outcome.records);
  const tokens = await tokensFor(cells.map((c) => c.normalised.text));
  const changed = new Map<CaseRecord, CaseRecord>();
  const pii: PiiFinding[] = [];
  const issues: IngestIssue[] = [];

  cells.forEach((cell, i) => {
    const names = findPersonNames(tokens[i] ?? []);
    if (names.length === 0) return;
    const { record, field, column, normalised } = cell;
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
    const spans = names.map((n) => ({ start: normalised.offsets[n.start] ?? 0, end: normalised.offsets[n.end] ?? text.length }));
    changed.set(record, { ...current, [field]: maskSpans(text, spans) });
  });

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
  if (piiMode === 'mask') await tokensFor(textCells([...changed.values()]).map((c) => c.normalised.text));
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
      return value ? [{ record, field, column, normalised: normaliseText(value) }] : [];
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
