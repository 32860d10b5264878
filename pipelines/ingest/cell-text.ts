import type { CellValue } from 'exceljs';
import { numberText } from './number-text.ts';

/** Why a cell's text could not be told: a formula saved without its result, or an error value (#N/A). */
export type CellProblem = { kind: 'formula_without_value' } | { kind: 'cell_error'; error: string };

export interface CellReading {
  text: string;
  problem?: CellProblem;
}

const SECOND_MS = 1000;

/**
 * The text of one cell as it would be written to a CSV: rich text joined, a hyperlink's
 * text, a formula's saved result, a date as yyyy/mm/dd (with the time when it has one),
 * a number as shown. exceljs turns date-formatted numbers (and formula results) into JS
 * Dates at UTC midnight of the calendar day, in either date system, so the day is read in
 * UTC, never in the machine's zone.
 */
export function cellText(value: CellValue, numFmt: string | undefined): CellReading {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: numberText(value, numFmt) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: dateText(value) };
  if ('richText' in value) return { text: value.richText.map((run) => run.text).join('') };
  if ('hyperlink' in value) return cellText(value.text as CellValue, numFmt);
  if ('error' in value) return { text: '', problem: { kind: 'cell_error', error: String(value.error) } };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: CellValue }).result;
    if (result === undefined || result === null) return { text: '', problem: { kind: 'formula_without_value' } };
    return cellText(result, numFmt);
  }
  return { text: '' };
}

/** A calendar day as yyyy/mm/dd, and its time of day (to the second) when it has one. */
export function dateText(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / SECOND_MS) * SECOND_MS);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const day = `${pad(rounded.getUTCFullYear(), 4)}/${pad(rounded.getUTCMonth() + 1)}/${pad(rounded.getUTCDate())}`;
  const [h, m, s] = [rounded.getUTCHours(), rounded.getUTCMinutes(), rounded.getUTCSeconds()];
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad(h)}:${pad(m)}${s === 0 ? '' : `:${pad(s)}`}`;
}
