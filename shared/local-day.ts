/**
 * The calendar day of `date` where mieruka runs (YYYY-MM-DD), not in UTC: a council's
 * machine in Japan is nine hours ahead, and a report made at 8 a.m. is dated that day.
 */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
