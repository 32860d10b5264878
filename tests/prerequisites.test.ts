import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planPrerequisites, stopLine } from './setup/prerequisites.ts';

const SCRIPT = new URL('./setup/install-prerequisites.ts', import.meta.url).pathname;

describe("npm test's pretest", () => {
  it('runs the tests at once when Chromium and a Japanese font are there', () => {
    expect(planPrerequisites({ chromium: true, japaneseFont: true }, { root: false, apt: false })).toEqual({ kind: 'ready' });
  });

  it('installs only what is missing when it is root on a machine with apt-get', () => {
    expect(planPrerequisites({ chromium: false, japaneseFont: true }, { root: true, apt: true })).toEqual({ kind: 'install', packages: ['chromium'] });
    expect(planPrerequisites({ chromium: false, japaneseFont: false }, { root: true, apt: true })).toEqual({ kind: 'install', packages: ['chromium', 'fonts-noto-cjk'] });
  });

  it('stops with one Japanese and English line naming the command when it is not root', () => {
    const plan = planPrerequisites({ chromium: true, japaneseFont: false }, { root: false, apt: true });
    expect(plan).toEqual({
      kind: 'stop',
      line: 'テストには日本語フォントが要ります。次を実行してから npm test をやり直してください: sudo apt-get install -y fonts-noto-cjk / Tests need a Japanese (CJK) font: run `sudo apt-get install -y fonts-noto-cjk`, then npm test again.',
    });
  });

  it('says what to put where when there is no apt-get', () => {
    expect(stopLine(['chromium'], { root: true, apt: false })).toBe(
      'テストにはChromiumが要ります（この機械には apt-get がありません）。Chromium を chromium の名前で PATH に入れ、Noto Sans CJK JP などの日本語フォントを入れてから npm test をやり直してください / Tests need Chromium, and this machine has no apt-get: put Chromium on PATH as `chromium`, install a Japanese font such as Noto Sans CJK JP, then run npm test again.',
    );
  });

  it('stops before any test, with that one line and exit 1, where Chromium cannot be found or installed', () => {
    // A PATH holding only sh and node: no chromium, no apt-get, no fc-list (the font is found among the font files).
    const bin = mkdtempSync(join(tmpdir(), 'mieruka-path-'));
    symlinkSync('/bin/sh', join(bin, 'sh'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT], { env: { ...process.env, PATH: bin }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([stopLine(['chromium'], { root: process.getuid?.() === 0, apt: false })]);
  });
});
