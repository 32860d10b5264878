import { ENCODING_LABELS } from '../pipelines/ingest/decode.ts';
import { PII_KIND_LABELS } from '../pipelines/ingest/issues.ts';
import type { IngestReport } from '../pipelines/ingest/store-upload.ts';

/** A file the command could not take at all, with why. */
export interface FileFailure {
  file: string;
  error: { code: string; message: string };
}

export type FileResult = IngestReport | FileFailure;

const n = (count: number) => count.toLocaleString('ja-JP');

/** How many lines of a list a person is shown before being pointed to --json. */
const SHOWN = 40;

function listed<T>(title: string, items: readonly T[], render: (item: T) => string): string[] {
  if (items.length === 0) return [];
  const more = items.length > SHOWN ? [`    …ほか ${n(items.length - SHOWN)} 件（すべて見るには --json）`] : [];
  return [`  ${title}:`, ...items.slice(0, SHOWN).map((item) => `    ${render(item)}`), ...more];
}

/** The report of one upload, for a person at a terminal. */
export function formatReport(r: IngestReport): string {
  const encoding = r.sheet === undefined ? ENCODING_LABELS[r.encoding] : `${ENCODING_LABELS[r.encoding]}・シート「${r.sheet}」`;
  const errors = r.issues.filter((i) => i.severity === 'error');
  const warnings = r.issues.filter((i) => i.severity === 'warning');
  const issue = (i: IngestReport['issues'][number]) => `${i.line} 行目${i.column ? `［${i.column}］` : ''} ${i.message}`;
  const piiAction = r.pii[0]?.action === 'rejected' ? '取り込みませんでした' : '伏せ字にしました';
  return [
    `${r.file}（${encoding}）: ${n(r.rows)} 件 — 取り込み ${n(r.accepted)} 件、省略 ${n(r.skipped)} 件、取り込めなかった行 ${n(r.rejected)} 件（取り込み番号 ${r.uploadId}）`,
    ...listed(`取り込めなかった理由（${n(errors.length)} 件）`, errors, issue),
    ...listed(`注意（${n(warnings.length)} 件）`, warnings, issue),
    ...listed(`個人情報と思われる箇所（${n(r.pii.length)} 件、${piiAction}）`, r.pii, (p) => `${p.line} 行目［${p.column}］${PII_KIND_LABELS[p.kind]}`),
  ].join('\n');
}

export function formatFailure(f: FileFailure): string {
  return `${f.file}: 取り込めませんでした — ${f.error.message}`;
}
