import type { ReadScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import type { CaseFacts } from './recurrence.ts';

const CASE_FACTS = sqlFile(import.meta.url, 'sql/case-facts.sql');

/** Where a case has no agency or area. */
const NONE = -1;

/**
 * What recurrence is measured from, for every row of the case matrix: each case's version,
 * conference date, agency and area, the texts as numbers into `texts`, each text held once
 * (a million cases hold some thousand dates, agencies and areas).
 */
export interface CaseFactTable {
  version: Int32Array;
  date: Int32Array;
  agency: Int32Array;
  area: Int32Array;
  texts: string[];
}

/** The current cases' facts, read a chunk at a time, row by row as `ids` (the matrix's rows, in record-id order). */
export async function readCaseFacts(scope: ReadScope, ids: readonly string[]): Promise<CaseFactTable> {
  const table: CaseFactTable = { version: new Int32Array(ids.length), date: new Int32Array(ids.length), agency: new Int32Array(ids.length), area: new Int32Array(ids.length), texts: [] };
  const numbers = new Map<string, number>();
  const number = (text: unknown) => {
    if (text === null) return NONE;
    const key = String(text);
    let n = numbers.get(key);
    if (n === undefined) {
      n = table.texts.length;
      table.texts.push(key);
      numbers.set(key, n);
    }
    return n;
  };
  let row = 0;
  await scope.eachChunk(CASE_FACTS, [], (chunk) => {
    const recordIds = chunk.getColumnVector(0);
    const versions = chunk.getColumnVector(1);
    const dates = chunk.getColumnVector(2);
    const agencies = chunk.getColumnVector(3);
    const areas = chunk.getColumnVector(4);
    for (let i = 0; i < chunk.rowCount; i++, row++) {
      if (recordIds.getItem(i) !== ids[row]) throw new Error(`case facts out of step with the case matrix at row ${row}`);
      table.version[row] = versions.getItem(i) as number;
      table.date[row] = number(dates.getItem(i));
      table.agency[row] = number(agencies.getItem(i));
      table.area[row] = number(areas.getItem(i));
    }
  });
  if (row !== ids.length) throw new Error(`case facts for ${row} of the case matrix's ${ids.length} rows`);
  return table;
}

/** The facts of one row, as recurrence takes them. */
export function factsOf(table: CaseFactTable, ids: readonly string[], row: number): CaseFacts {
  const text = (n: number) => (n === NONE ? null : (table.texts[n] as string));
  return { recordId: ids[row] as string, date: table.texts[table.date[row] as number] as string, agency: text(table.agency[row] as number), area: text(table.area[row] as number) };
}

/** The first and last conference date of all the cases; null when there are none. */
export function dateSpan(table: CaseFactTable): { first: string; last: string } | null {
  const dates = [...new Set(table.date)].map((n) => table.texts[n] as string).sort();
  return dates.length === 0 ? null : { first: dates[0] as string, last: dates[dates.length - 1] as string };
}
