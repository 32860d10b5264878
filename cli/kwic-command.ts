import { normaliseText } from '../pipelines/text/normalise.ts';
import { kwic } from '../pipelines/text/term-stats.ts';
import { termOptionsFor } from '../pipelines/text/term-options.ts';
import { displayWidth, pad } from './terms-command.ts';
import { withTextContext } from './text-command-context.ts';
import { UsageError } from './usage.ts';

const FIELD_NAMES: Record<string, string> = {
  consultation: '相談内容',
  problem: '課題',
  support: '対応・支援内容',
  regional_note: '地域課題メモ',
};

/** `mieruka kwic TERM [--width N] [--json]`: the term in context, from the masked text. */
export async function runKwicCommand(argv: string[]): Promise<number> {
  return withTextContext(argv, { width: { type: 'string', default: '20' } }, async ({ db, settings, json, values, positionals }) => {
    const [raw, ...extra] = positionals;
    if (raw === undefined || extra.length > 0) throw new UsageError('調べる語を 1 つ指定してください（例: mieruka kwic グループホーム）。');
    const width = Number(values.width);
    if (!Number.isInteger(width) || width < 1 || width > 200) throw new UsageError(`--width には 1〜200 の整数を指定してください（指定された値: ${String(values.width)}）。`);
    const { dictionary } = await termOptionsFor(settings);
    const normalised = normaliseText(raw.trim()).text;
    const term = dictionary.canonical(normalised) ?? normalised;
    const lines = await db.read((scope) => kwic(scope, term, width));
    if (json) {
      process.stdout.write(`${JSON.stringify({ term, lines })}\n`);
      return 0;
    }
    const heading = term === raw ? `「${term}」` : `「${raw}」→「${term}」`;
    const out = [`${heading} の前後（${lines.length} 件）`];
    const leftWidth = Math.max(...lines.map((l) => displayWidth(l.left)), 0);
    for (const l of lines) {
      const left = ' '.repeat(leftWidth - displayWidth(l.left)) + l.left;
      out.push(`${l.recordId} ${l.conferenceDate} ${pad(FIELD_NAMES[l.field] ?? l.field, 14)} ${left}【${l.keyword}】${l.right}`);
    }
    if (lines.length === 0) out.push('（見つかりませんでした）');
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  });
}
