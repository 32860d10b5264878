import { parse } from 'csv-parse/sync';
import type { PiiKind } from '../ingest/issues.ts';
import { findPii } from '../ingest/pii.ts';

export const PII_KINDS: readonly PiiKind[] = ['name', 'phone', 'postal', 'address', 'birthdate', 'email', 'id_number'];

export interface PiiProbeRow {
  id: string;
  text: string;
  expected: PiiKind[];
  note: string;
}

export interface PiiKindCounts {
  expected: number;
  caught: number;
  falseFlags: number;
}

export interface PiiProbeResult {
  rows: number;
  /** Rows whose text must produce no finding. */
  cleanRows: number;
  identifiers: number;
  caught: number;
  missed: Array<{ id: string; kind: PiiKind }>;
  falseFlags: Array<{ id: string; kind: PiiKind; snippet: string }>;
  byKind: Record<PiiKind, PiiKindCounts>;
}

/** Parses the probe file; an unknown kind in `expected` is a fixture error, not a miss. */
export function parsePiiProbe(csvText: string): PiiProbeRow[] {
  const records = parse(csvText, { columns: true, bom: true, skip_empty_lines: true }) as Array<
    Record<string, string | undefined>
  >;
  return records.map((r, i) => {
    const id = r['id'] ?? '';
    const text = r['text'];
    if (id === '' || text === undefined) throw new Error(`pii-probe: row ${i + 2} has no id or text`);
    const expected = (r['expected'] ?? '')
      .split(';')
      .map((k) => k.trim())
      .filter((k) => k !== '')
      .map((k) => {
        if (!(PII_KINDS as readonly string[]).includes(k)) throw new Error(`pii-probe: ${id} has unknown kind "${k}"`);
        return k as PiiKind;
      });
    return { id, text, expected, note: r['note'] ?? '' };
  });
}

export type PiiFinder = (text: string) => Array<{ kind: PiiKind; snippet: string }>;

/** The pattern guard alone. */
export const patternFinder: PiiFinder = (text) => findPii(text).map((s) => ({ kind: s.kind, snippet: text.slice(s.start, s.end) }));

export function evaluatePiiProbe(csvText: string, find: PiiFinder = patternFinder): PiiProbeResult {
  const rows = parsePiiProbe(csvText);
  const byKind = Object.fromEntries(
    PII_KINDS.map((k) => [k, { expected: 0, caught: 0, falseFlags: 0 }]),
  ) as Record<PiiKind, PiiKindCounts>;
  const result: PiiProbeResult = {
    rows: rows.length,
    cleanRows: 0,
    identifiers: 0,
    caught: 0,
    missed: [],
    falseFlags: [],
    byKind,
  };
  for (const row of rows) {
    if (row.expected.length === 0) result.cleanRows++;
    result.identifiers += row.expected.length;
    const found = find(row.text);
    for (const kind of PII_KINDS) {
      const want = row.expected.filter((k) => k === kind).length;
      const spans = found.filter((s) => s.kind === kind);
      const caught = Math.min(want, spans.length);
      byKind[kind].expected += want;
      byKind[kind].caught += caught;
      result.caught += caught;
      for (let i = caught; i < want; i++) result.missed.push({ id: row.id, kind });
      // which of several same-kind spans is the extra one is unknowable; report the later ones
      for (const s of spans.slice(want)) {
        byKind[kind].falseFlags++;
        result.falseFlags.push({ id: row.id, kind, snippet: s.snippet });
      }
    }
  }
  return result;
}

export function formatPiiProbeReport(result: PiiProbeResult): string {
  const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
  const lines = [
    '個人情報ガード プローブ評価 / PII guard probe',
    `  行数 rows: ${result.rows}（検出なしであるべき行 clean: ${result.cleanRows}）`,
    `  識別子 identifiers: ${result.identifiers}  検出 caught: ${result.caught} (${pct(result.caught, result.identifiers)})`,
    `  見逃し missed: ${result.missed.length}  誤検出 false flags: ${result.falseFlags.length}`,
    '  種別 kind         期待 expected  検出 caught  誤検出 false',
  ];
  for (const kind of PII_KINDS) {
    const k = result.byKind[kind];
    lines.push(
      `    ${kind.padEnd(14)} ${String(k.expected).padStart(8)} ${String(k.caught).padStart(12)} ${String(k.falseFlags).padStart(12)}`,
    );
  }
  for (const m of result.missed) lines.push(`  見逃し missed    ${m.id} ${m.kind}`);
  for (const f of result.falseFlags) lines.push(`  誤検出 false flag ${f.id} ${f.kind} 「${f.snippet}」`);
  return lines.join('\n');
}
