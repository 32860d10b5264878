import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { evaluatePiiProbe, formatPiiProbeReport } from './pii-probe.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

/** The probe written with the patterns, and the hold-out written blind to them. */
const DEFAULT_PROBES = [fixture('pii-probe.csv'), fixture('pii-holdout.csv')];

/**
 * `npm run eval [-- PROBE.csv...]`: measures the personal-information guard on labelled
 * probe files (id,text,expected,note). Theme evaluation joins it with the themes stage.
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
    const result = evaluatePiiProbe(text);
    process.stdout.write(`\n${path}\n${formatPiiProbeReport(result)}\n`);
    process.stdout.write(`time: ${(performance.now() - started).toFixed(1)} ms\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
