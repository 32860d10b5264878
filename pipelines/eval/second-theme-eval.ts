import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DEFAULT_COUNCIL } from '../council/settings.ts';
import { openDatabase } from '../db/database.ts';
import { analyze } from '../themes/analyze.ts';
import type { TokenizeMany } from '../text/tokenize-texts.ts';
import { loadLabelledCorpus } from './labelled-corpus.ts';

export interface SecondThemeScore {
  /** Second memberships listed by `analyze`. */
  listed: number;
  /** Of them, those whose theme stands for the case's `secondary_label` (the label most of its cases carry). */
  right: number;
  /** Cases with a `secondary_label`, and those given a right second theme. */
  labelled: number;
  found: number;
}

/**
 * Second themes measured against a labels file with a `secondary_label` column: a listed
 * second membership is right when most of that theme's own cases carry the case's second
 * label; recall is the share of cases with a second label given such a theme.
 */
export async function evaluateSecondThemes(casesPath: string, labelsPath: string, tokenizeMany: TokenizeMany): Promise<SecondThemeScore> {
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-second-eval-'));
  const db = await openDatabase(join(dir, 'second.duckdb'));
  try {
    const labels = await loadLabelledCorpus(db, casesPath, labelsPath, tokenizeMany);
    const rows = parse(await readFile(labelsPath), { bom: true, columns: true }) as Array<Record<string, string>>;
    const second = new Map(rows.flatMap((r) => (r.secondary_label ? [[String(r['記録ID']), r.secondary_label] as const] : [])));
    const result = await analyze(db, { settings: DEFAULT_COUNCIL, tokenizeMany });
    let listed = 0;
    let right = 0;
    const found = new Set<string>();
    for (const theme of result.themes) {
      const counts = new Map<string, number>();
      for (const id of theme.caseIds) counts.set(labels.get(id) ?? '', (counts.get(labels.get(id) ?? '') ?? 0) + 1);
      const stands = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
      for (const id of theme.secondaryCaseIds) {
        listed++;
        if (second.get(id) === stands) {
          right++;
          found.add(id);
        }
      }
    }
    return { listed, right, labelled: second.size, found: found.size };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatSecondThemes(corpus: string, s: SecondThemeScore): string {
  const share = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(2));
  return [
    '\n2つ目のテーマ / second themes — against secondary_label',
    `  ${corpus}: listed ${s.listed}, right ${s.right} (precision ${share(s.right, s.listed)}); cases with a second label ${s.labelled}, given the right one ${s.found} (recall ${share(s.found, s.labelled)})`,
  ].join('\n');
}
