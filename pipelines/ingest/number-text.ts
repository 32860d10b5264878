/** Excel keeps 15 significant digits; beyond them a double holds only binary noise (0.1 + 0.2). */
const EXCEL_SIGNIFICANT_DIGITS = 15;
const PERCENT = 100;

const GENERAL = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: EXCEL_SIGNIFICANT_DIGITS });

/** `0000`: an integer padded with zeros, as councils number their records (0012). */
const ZERO_PADDED = /^0+$/;
/** `0`, `0.00`, `#,##0`, `#,##0.0`, `0%`, `0.0%`. */
const FIXED = /^(#,##)?0(?:\.(0+))?(%)?$/;

/**
 * A number as a person sees it in the cell: the padding, decimals, grouping or percent of
 * the common formats, and otherwise every significant digit in plain decimals — never an
 * exponent (1E+5), never float noise (0.30000000000000004). Other display formats (currency,
 * fractions, text in quotes) fall back to the plain number: the value, not its decoration.
 */
export function numberText(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const format = (numFmt ?? '').trim();
  if (ZERO_PADDED.test(format) && format.length > 1) {
    const digits = String(Math.abs(Math.round(value))).padStart(format.length, '0');
    return Math.round(value) < 0 ? `-${digits}` : digits;
  }
  const fixed = FIXED.exec(format);
  if (fixed) {
    const [, grouping, decimals = '', percent] = fixed;
    const shown = new Intl.NumberFormat('en-US', {
      useGrouping: grouping !== undefined,
      minimumFractionDigits: decimals.length,
      maximumFractionDigits: decimals.length,
    }).format(percent ? value * PERCENT : value);
    return percent ? `${shown}%` : shown;
  }
  return GENERAL.format(value);
}
