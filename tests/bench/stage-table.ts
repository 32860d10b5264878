/**
 * The stage table: a timed CLI run's MIERUKA_STAGE_TIMES lines (cli/stage-times.ts) cut
 * into spans between consecutive marks, named as the issue names the path's stages, from
 * the spawn to the process's exit, so that a command's rows add up to its wall time.
 */
import { STAGE_LINE_PREFIX } from '../../cli/stage-times.ts';
import type { TimedRun } from './timed-process.ts';

export interface StageRow {
  readonly command: string;
  readonly stage: string;
  readonly seconds: number;
}

/** Marks written by the CLI and the pipelines → the stage they begin, as the table shows it. */
const STAGE_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ingest: {
    open: 'open database, read file',
    decode: 'decode',
    check: 'check',
    parse: 'check',
    validate: 'check',
    tokenize: 'tokenise (workers: start, dictionary, names)',
    store: 'store',
    ingest: 'store',
    close: 'close, exit',
  },
  analyze: {
    open: 'open database',
    terms: 'term index',
    guides: 'guides (council terms)',
    plan: 'vectors',
    cluster: 'vectors',
    vectors: 'vectors',
    clustering: 'clustering',
    describe: 'describe',
    store: 'describe',
    'store-write': 'store',
    close: 'close, exit',
  },
};
const DICTIONARY = 'dictionary';
const DICTIONARY_DONE = 'dictionary-done';
const PROCESS_START = 'process start (node, modules)';
const RUNNING = 'running';

interface Mark {
  readonly at: number;
  readonly name: string;
}

function marksOf(run: TimedRun): Mark[] {
  return run.stderr.flatMap(({ at, text }) => {
    const [prefix, name] = text.split('\t');
    return prefix === STAGE_LINE_PREFIX && name !== undefined && name !== RUNNING ? [{ at, name }] : [];
  });
}

/** What the child said it ran: compiled JavaScript or the TypeScript through tsx. */
export function runningOf(run: TimedRun): string {
  const line = run.stderr.find(({ text }) => text.startsWith(`${STAGE_LINE_PREFIX}\t${RUNNING}\t`));
  return line?.text.split('\t')[2] ?? 'unknown';
}

/** The command's rows in order of first appearance, a stage seen twice summed. */
export function stageRows(command: string, run: TimedRun): StageRow[] {
  const names = STAGE_NAMES[command] ?? {};
  const seconds = new Map<string, number>([[PROCESS_START, 0]]);
  const marks = marksOf(run);
  let current = PROCESS_START;
  let beforeDictionary = current;
  let from = 0;
  for (const mark of [...marks, { at: run.seconds, name: '' }]) {
    seconds.set(current, (seconds.get(current) ?? 0) + mark.at - from);
    from = mark.at;
    if (mark.name === DICTIONARY) {
      beforeDictionary = current;
      current = 'dictionary load (this thread)';
    } else if (mark.name === DICTIONARY_DONE) {
      current = beforeDictionary;
    } else {
      current = names[mark.name] ?? mark.name;
    }
  }
  return [...seconds].map(([stage, s]) => ({ command, stage, seconds: s }));
}

const fmt = (n: number, digits: number) => n.toFixed(digits);

export function formatStageTable(rows: readonly StageRow[], total: number): string {
  const width = Math.max(...rows.map((r) => r.stage.length), 'stage'.length);
  const lines = [`  ${'command'.padEnd(8)} ${'stage'.padEnd(width)}  ${'seconds'.padStart(7)}  ${'share'.padStart(6)}`];
  for (const r of rows) {
    lines.push(`  ${r.command.padEnd(8)} ${r.stage.padEnd(width)}  ${fmt(r.seconds, 2).padStart(7)}  ${`${fmt((100 * r.seconds) / total, 1)}%`.padStart(6)}`);
  }
  lines.push(`  ${'total'.padEnd(8)} ${''.padEnd(width)}  ${fmt(total, 2).padStart(7)}  ${'100.0%'.padStart(6)}`);
  return lines.join('\n');
}
