import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, found on PATH; the tests say how to install it when it is missing. */
export function chromiumPath(): string {
  let path = '';
  try {
    path = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    path = '';
  }
  if (!path || !existsSync(path)) {
    throw new Error('Chromium が見つかりません。画面のテストには Debian の chromium が要ります: sudo apt-get install -y chromium（npm test は root なら自動で入れます）');
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}
