import { subscribe } from 'node:diagnostics_channel';
import { STAGE_MARK_CHANNEL } from '../pipelines/stage-marks.ts';

/** Set to 1, a command writes one line to stderr as each of its stages begins (tests/bench/peer.bench.ts reads them). */
export const STAGE_TIMES_ENV = 'MIERUKA_STAGE_TIMES';
/**
 * Each line: the prefix, the stage, milliseconds since the process started and the peak resident
 * memory so far in MB, tab-separated; first, `running` and what runs.
 */
export const STAGE_LINE_PREFIX = 'mieruka-stage';

export interface StageClock {
  /** A stage begins; the same stage reported again (progress within it) writes nothing. */
  mark(stage: string): void;
}

const KB_PER_MB = 1024;

const SILENT: StageClock = { mark: () => {} };

/** The command's clock: it also writes the pipelines' own marks (pipelines/stage-marks.ts). */
export function stageClock(env: NodeJS.ProcessEnv = process.env): StageClock {
  if (env[STAGE_TIMES_ENV] !== '1') return SILENT;
  const running = import.meta.url.endsWith('.js') ? 'compiled JavaScript' : 'TypeScript through tsx';
  process.stderr.write(`${STAGE_LINE_PREFIX}\trunning\t${running}\n`);
  let current: string | null = null;
  const mark = (stage: string) => {
    if (stage === current) return;
    current = stage;
    const peakMb = Math.round(process.resourceUsage().maxRSS / KB_PER_MB);
    process.stderr.write(`${STAGE_LINE_PREFIX}\t${stage}\t${performance.now().toFixed(1)}\t${peakMb}\n`);
  };
  subscribe(STAGE_MARK_CHANNEL, (stage) => mark(String(stage)));
  return { mark };
}
