import { PII_KIND_LABELS } from '../../pipelines/ingest/issues.ts';
import type { IngestReport } from '../../pipelines/ingest/store-upload.ts';
import type { FileFailure } from './ingest-command.ts';

/** How many issue lines a person is shown before being pointed to --json. */
const SHOWN = 40;

export function formatReport(r: IngestReport): string {
  const encoding = r.encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS';
  const lines = [
    `${r.file}（${encoding}）: ${r.rows} 件 — 取り込み ${r.accepted} 件、省略 ${r.skipped} 件、取り込めなかった行 ${r.rejected} 件（取り込み番号 ${r.uploadId}）`,
  ];
  const errors = r.issues.filter((i) => i.severity === 'error');
  const warnings = r.issues.filter((i) => i.severity === 'warning');
  for (const [title, list] of [
    ['取り込めなかった理由', errors],
    ['注意', warnings],
  ] as const) {
    if (list.length === 0) continue;
    lines.push(`  ${title}（${list.length} 件）:`);
    for (const i of list.slice(0, SHOWN)) {
      lines.push(`    ${i.line} 行目${i.column ? `［${i.column}］` : ''} ${i.message}`);
    }
    if (list.length > SHOWN) lines.push(`    …ほか ${list.length - SHOWN} 件（すべて見るには --json）`);
  }
  if (r.pii.length > 0) {
    const action = r.pii[0]?.action === 'rejected' ? '取り込みませんでした' : '伏せ字にしました';
    lines.push(`  個人情報と思われる箇所（${r.pii.length} 件、${action}）:`);
    for (const p of r.pii.slice(0, SHOWN)) {
      lines.push(`    ${p.line} 行目［${p.column}］${PII_KIND_LABELS[p.kind]}`);
    }
    if (r.pii.length > SHOWN) lines.push(`    …ほか ${r.pii.length - SHOWN} 件（すべて見るには --json）`);
  }
  return lines.join('\n');
}

export function formatFailure(f: FileFailure): string {
  return `${f.file}: 取り込めませんでした — ${f.error.message}`;
}
