import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** What Debian's package installs. */
const CHROMIUM_NAMES = ['chromium', 'chromium-browser'];

/**
 * Headless on a closed network: without the background-networking flags Chromium keeps
 * trying Google's hosts. Used to print the report and by the dashboard's tests.
 */
export const HEADLESS_CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** Chromium on PATH (Debian's `chromium`), or null. */
export function findChromium(path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const name of CHROMIUM_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}
