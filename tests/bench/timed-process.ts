/**
 * A child process timed from outside: its wall time, its peak RSS (through GNU time, when
 * /usr/bin/time is installed), its stdout, and the lines it wrote to stderr, each with the
 * moment it arrived. stderr is a pipe, to which Node writes synchronously, so a line
 * arrives when the child wrote it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface TimedLine {
  /** Seconds since the child was spawned. */
  readonly at: number;
  readonly text: string;
}

export interface TimedRun {
  readonly seconds: number;
  /** Null without GNU time. */
  readonly peakRssMb: number | null;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: readonly TimedLine[];
}

export interface TimedOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

export function canMeasureRss(): boolean {
  return existsSync(GNU_TIME);
}

export async function runTimed(command: string, args: readonly string[], options: TimedOptions = {}): Promise<TimedRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'mieruka-timed-'));
  const rssFile = join(scratch, 'rss');
  const [file, argv] = canMeasureRss() ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, [...args]];
  try {
    const start = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: TimedLine[] = [];
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const at = (performance.now() - start) / 1000;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const text of lines) stderr.push({ at, text });
    });
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    const seconds = (performance.now() - start) / 1000;
    if (partial !== '') stderr.push({ at: seconds, text: partial });
    return { seconds, peakRssMb: readRssMb(rssFile), exitCode, stdout: Buffer.concat(stdout).toString('utf8'), stderr };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** GNU time writes the peak in kB on the last line (after "Command exited with…" when it failed). */
function readRssMb(path: string): number | null {
  if (!existsSync(path)) return null;
  const last = readFileSync(path, 'utf8').trim().split('\n').pop() ?? '';
  const kb = Number(last);
  return Number.isFinite(kb) && last !== '' ? kb / 1024 : null;
}
