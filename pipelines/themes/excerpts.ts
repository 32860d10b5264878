import { listValue } from '@duckdb/node-api';
import type { ReadScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';

const CASE_EXCERPTS = sqlFile(import.meta.url, 'sql/case-excerpts.sql');

/** Characters of a case's text shown as its excerpt. */
export const EXCERPT_LENGTH = 80;

/** A short excerpt of each case's stored (masked) 課題, or 相談内容 when 課題 is empty. */
export async function caseExcerpts(scope: ReadScope, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await scope.rows(CASE_EXCERPTS, [listValue([...new Set(ids)])]);
  return new Map(
    rows.map((r) => {
      const text = String(r.text).replace(/\s+/g, ' ').trim();
      return [String(r.record_id), text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text];
    }),
  );
}
