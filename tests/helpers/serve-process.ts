import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from './run-cli.ts';

export interface ServeProcess {
  url: string;
  stderr(): string;
  /** Stops it as Ctrl+C does; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Kills it as a power cut would: no chance to clean up. */
  kill(): Promise<void>;
}

/** Starts the real `mieruka serve` in a child process; resolves once it listens. */
export function startServe(env: NodeJS.ProcessEnv, args: string[] = []): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', ...args], { env: { ...process.env, PORT: '0', ...env } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(d));
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}`, stderr: () => stderr, stop: () => ended(child, 'SIGTERM'), kill: async () => void (await ended(child, 'SIGKILL')) });
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
    child.on('close', (code) => done(code));
    child.kill(signal);
  });
}
