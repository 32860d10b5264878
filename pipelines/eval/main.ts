import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { evaluatePiiProbe, formatPiiProbeReport } from './pii-probe.ts';

const DEFAULT_PROBE = fileURLToPath(new URL('../../fixtures/pii-probe.csv', import.meta.url));

/**
 * `npm run eval [-- PROBE.csv]`: measures the personal-information guard on a labelled
 * probe file (id,text,expected,note). Theme evaluation joins it with the themes stage.
 */
async function main(argv: string[]): Promise<number> {
  const path = argv[0] ?? DEFAULT_PROBE;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    process.stderr.write(`エラー: ${path} を読めません（${(error as Error).message}）\n`);
    return 1;
  }
  const started = performance.now();
  const result = evaluatePiiProbe(text);
  process.stdout.write(`${formatPiiProbeReport(result)}\n`);
  process.stdout.write(`time: ${(performance.now() - started).toFixed(1)} ms\n`);
  return result.missed.length === 0 && result.falseFlags.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
