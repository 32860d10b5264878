import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tokenizeInProcess } from '../text/tokenize-in-process.ts';
import { fullGuardFinder } from './guard-finder.ts';
import { evaluatePiiProbe, formatPiiProbeReport } from './pii-probe.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

/** The probe written with the patterns, the hold-out written blind to them, and names only the tokenizer finds. */
const DEFAULT_PROBES = [fixture('pii-probe.csv'), fixture('pii-holdout.csv'), fixture('pii-names-probe.csv')];

/**
 * `npm run eval [-- PROBE.csv...]`: measures the personal-information guard on labelled
 * probe files (id,text,expected,note), by its patterns alone and with the tokenizer's
 * person names. Theme evaluation joins it with the themes stage.
 */
async function main(argv: string[]): Promise<number> {
  const paths = argv.length > 0 ? argv : DEFAULT_PROBES;
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      process.stderr.write(`エラー: ${path} を読めません（${(error as Error).message}）\n`);
      return 1;
    }
    const started = performance.now();
    const patterns = evaluatePiiProbe(text);
    process.stdout.write(`\n${path} — patterns only\n${formatPiiProbeReport(patterns)}\n`);
    process.stdout.write(`time: ${(performance.now() - started).toFixed(1)} ms\n`);
    const full = evaluatePiiProbe(text, await fullGuardFinder(text, tokenizeInProcess));
    process.stdout.write(`\n${path} — patterns, then kuromoji person names (as ingest runs it)\n${formatPiiProbeReport(full)}\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
