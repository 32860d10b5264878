import { FACETS, termFrequencies, termFrequenciesBy, type Facet, type FacetFrequency } from '../pipelines/text/term-stats.ts';
import { withTextContext } from './text-command-context.ts';
import { UsageError } from './usage.ts';

const n = (value: number) => value.toLocaleString('ja-JP');

/** `mieruka terms [--top N] [--by 地区|障害種別|年齢層|月] [--json]` */
export async function runTermsCommand(argv: string[]): Promise<number> {
  return withTextContext(argv, { top: { type: 'string', default: '30' }, by: { type: 'string' } }, async ({ db, index, json, values }) => {
    const top = Number(values.top);
    if (!Number.isInteger(top) || top < 1 || top > 10_000) throw new UsageError(`--top には 1〜10000 の整数を指定してください（指定された値: ${String(values.top)}）。`);
    const by = values.by as string | undefined;
    if (by !== undefined && !(FACETS as readonly string[]).includes(by)) {
      throw new UsageError(`--by には ${FACETS.join('、')} のいずれかを指定してください（指定された値: ${by}）。`);
    }
    const { cases, terms, cells } = await db.read(async (scope) => ({
      cases: Number((await scope.rows('SELECT count(*) AS n FROM current_cases'))[0]?.n),
      terms: await termFrequencies(scope, top),
      cells: by ? await termFrequenciesBy(scope, by as Facet, top) : null,
    }));
    if (json) {
      const body = { cases, indexed: index.cases, tokenized: index.tokenized, terms, ...(cells ? { by, cells } : {}) };
      process.stdout.write(`${JSON.stringify(body)}\n`);
      return 0;
    }
    process.stdout.write(`${cells ? crossTable(by as Facet, cells) : frequencyList(terms, cases)}\n`);
    return 0;
  });
}

function frequencyList(terms: Awaited<ReturnType<typeof termFrequencies>>, cases: number): string {
  const width = Math.max(4, ...terms.map((t) => displayWidth(t.term)));
  const lines = [`語の出現頻度（事例 ${n(cases)} 件）`, `${'順位'.padStart(4)}  ${pad('語', width)}  出現数  事例数  TF-IDF`];
  terms.forEach((t, i) => {
    lines.push(`${String(i + 1).padStart(4)}  ${pad(t.term, width)}  ${n(t.frequency).padStart(6)}  ${n(t.documents).padStart(6)}  ${t.tfidf.toFixed(1).padStart(6)}`);
  });
  if (terms.length === 0) lines.push('（語がまだありません。先に事例を取り込んでください）');
  return lines.join('\n');
}

function crossTable(facet: Facet, cells: FacetFrequency[]): string {
  const terms = [...new Set(cells.map((c) => c.term))];
  const values = [...new Set(cells.map((c) => c.facet))].sort();
  const count = new Map(cells.map((c) => [`${c.term}\u0000${c.facet}`, c.frequency]));
  const width = Math.max(4, ...terms.map(displayWidth));
  const columnWidth = Math.max(6, ...values.map(displayWidth));
  const lines = [`語の出現数（${facet}別）`, `${pad('語', width)}  ${values.map((v) => pad(v, columnWidth)).join('  ')}`];
  for (const term of terms) {
    const row = values.map((v) => String(count.get(`${term}\u0000${v}`) ?? 0).padStart(columnWidth));
    lines.push(`${pad(term, width)}  ${row.join('  ')}`);
  }
  return lines.join('\n');
}

/** Full-width characters take two columns on a terminal. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

export function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
