import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { DEFAULT_COUNCIL } from '../council/settings.ts';
import type { Database } from '../db/database.ts';
import { STANDARD_HEADERS } from '../ingest/columns.ts';
import { ingestFile } from '../ingest/ingest.ts';
import type { TokenizeMany } from '../text/tokenize-texts.ts';

/**
 * Loads a labelled corpus into a database through the real ingest: either a case CSV with
 * a labels file (記録ID,label), or an `id,text,label` corpus whose text becomes 課題.
 */
export async function loadLabelledCorpus(
  db: Database,
  casesPath: string,
  labelsPath: string | null,
  tokenizeMany: TokenizeMany,
): Promise<Map<string, string>> {
  const bytes = await readFile(casesPath);
  if (labelsPath !== null) {
    await ingestFile(db, bytes, { fileName: casesPath, settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany });
    const rows = parse(await readFile(labelsPath), { bom: true, columns: true }) as Array<Record<string, string>>;
    return new Map(rows.map((r) => [String(r['記録ID']), String(r.label)]));
  }
  const rows = parse(bytes, { bom: true, columns: true }) as Array<Record<string, string>>;
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const lines = rows.map((r) =>
    STANDARD_HEADERS.map((h) => quote(h === '記録ID' ? String(r.id) : h === '会議日' ? '2024/04/01' : h === '障害種別' ? '身体' : h === '年齢層' ? '30-39' : h === '課題' ? String(r.text) : '')).join(','),
  );
  const csv = `${STANDARD_HEADERS.join(',')}\n${lines.join('\n')}\n`;
  await ingestFile(db, new TextEncoder().encode(csv), { fileName: casesPath, settings: DEFAULT_COUNCIL, piiMode: 'mask', tokenizeMany });
  return new Map(rows.map((r) => [String(r.id), String(r.label)]));
}
