import { audit } from '../audit/audit-log.ts';
import { readCsvTable } from '../csv-table.ts';
import type { Database, ReadScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { InvalidInputError, NotFoundError } from '../domain-error.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const CLEAR = sql('clear-plan-items.sql');
const INSERT = sql('insert-plan-item.sql');
const DROP_STALE = sql('drop-stale-links.sql');
const CLEAR_LINKS = sql('clear-theme-links.sql');
const INSERT_LINK = sql('insert-theme-link.sql');
const NUMBERS = sql('plan-item-numbers.sql');
const REPORT = sql('plan-report.sql');
const THEME_LINKS = sql('theme-links.sql');
const THEME_EXISTS = sqlFile(new URL('../meetings/', import.meta.url).href, 'sql/theme-exists.sql');

/** The two columns the plan's CSV must have, as a secretariat writes them in Excel. */
export const PLAN_COLUMNS = ['番号', '項目'] as const;
const ITEM_MAX = 500;

export interface PlanItem {
  number: string;
  heading: string;
}

/**
 * Reads the city's plan from a CSV (UTF-8, a BOM dropped, header 番号,項目 in any order,
 * blank rows skipped): a missing column, an empty or repeated number or an empty heading is
 * refused with its line, nothing loaded.
 */
export function parsePlanCsv(text: string): PlanItem[] {
  const seen = new Map<string, number>();
  return readCsvTable(text, PLAN_COLUMNS, PLAN_COLUMNS, ITEM_MAX).rows.map(({ line, cell }) => {
    const number = cell('番号');
    const heading = cell('項目');
    if (number === '') throw new InvalidInputError('file', `${line} 行目の「番号」が空です。`);
    if (heading === '') throw new InvalidInputError('file', `${line} 行目の「項目」が空です。`);
    const earlier = seen.get(number);
    if (earlier !== undefined) throw new InvalidInputError('file', `${line} 行目の番号「${number}」は ${earlier} 行目と重複しています。`);
    seen.set(number, line);
    return { number, heading };
  });
}

/** Replaces the plan's items; links to numbers the new plan keeps stay, the others go. */
export async function loadPlanItems(db: Database, items: readonly PlanItem[], userId: string, now: Date): Promise<void> {
  await db.write(async (scope) => {
    await scope.run(CLEAR);
    for (const [i, item] of items.entries()) await scope.run(INSERT, [item.number, item.heading, i + 1, now.toISOString()]);
    await scope.run(DROP_STALE);
    await audit(scope, { userId, action: 'plan_items_load', after: { items: items.length } }, now);
  });
}

/** Links a theme to items of the plan (replacing its links); every number must be in the plan. */
export async function linkTheme(db: Database, themeId: string, numbers: readonly string[], userId: string, now: Date): Promise<void> {
  await db.write(async (scope) => {
    if ((await scope.rows(THEME_EXISTS, [themeId])).length === 0) throw new NotFoundError('not_found', `テーマ ${themeId} はありません。`);
    const known = new Set((await scope.rows(NUMBERS)).map((r) => String(r.number)));
    for (const n of numbers) if (!known.has(n)) throw new InvalidInputError('numbers', `計画の項目「${n}」はありません。`);
    await scope.run(CLEAR_LINKS, [themeId]);
    for (const n of new Set(numbers)) await scope.run(INSERT_LINK, [themeId, n]);
    await audit(scope, { userId, action: 'theme_plan_items', target: themeId, after: numbers }, now);
  });
}

export const themeLinks = async (scope: ReadScope, themeId: string): Promise<string[]> => (await scope.rows(THEME_LINKS, [themeId])).map((r) => String(r.number));

/** The annual report's rows: per plan item, its themes with status, subcommittee and the council's notes. */
export const planReport = (scope: ReadScope) => scope.rows(REPORT);
