import { chromium, type Browser } from 'playwright-core';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from '../../cli/chromium.ts';

/** Debian's chromium, found on PATH; the tests say how to install it when it is missing. */
export function chromiumPath(): string {
  const path = findChromium();
  if (!path) {
    throw new Error('Chromium が見つかりません。画面のテストには Debian の chromium が要ります: sudo apt-get install -y chromium（npm test は root なら自動で入れます）');
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: HEADLESS_CHROMIUM_ARGS });
}
