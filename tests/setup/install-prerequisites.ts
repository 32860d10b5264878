import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../../cli/chromium.ts';
import { planPrerequisites, stopLine, type Found, type Means } from './prerequisites.ts';

/** `npm test`'s pretest: finds Chromium and a Japanese font, installs them as root with apt-get, or stops with one line. */

const FONT_FOLDERS = ['/usr/share/fonts', '/usr/local/share/fonts'];
const JAPANESE_FONT_FILE = /(NotoSansCJK|NotoSerifCJK|NotoSansJP|IPAex|IPAGothic|ipag|TakaoGothic)/i;

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function hasJapaneseFont(): boolean {
  if (onPath('fc-list')) {
    const families = execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
    return families.trim().length > 0;
  }
  const holds = (folder: string): boolean =>
    existsSync(folder) && readdirSync(folder, { withFileTypes: true }).some((entry) => (entry.isDirectory() ? holds(join(folder, entry.name)) : JAPANESE_FONT_FILE.test(entry.name)));
  return FONT_FOLDERS.some(holds);
}

function found(): Found {
  return { chromium: findChromium() !== null, japaneseFont: hasJapaneseFont() };
}

const means: Means = { root: process.getuid?.() === 0, apt: onPath('apt-get') };
const plan = planPrerequisites(found(), means);

if (plan.kind === 'install') {
  process.stderr.write(`テストの準備: apt-get で ${plan.packages.join(' ')} を入れます（数分かかることがあります）。\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const steps = [['update', '-qq'], ['install', '-y', '-qq', ...plan.packages]];
  for (const args of steps) {
    // apt-get's own chatter (debconf's notes) is shown only when it fails.
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'pipe'], env, encoding: 'utf8' });
    if (run.status !== 0) {
      process.stderr.write(`${run.stderr}${stopLine(plan.packages, means)}\n`);
      process.exit(1);
    }
  }
  const after = planPrerequisites(found(), means);
  if (after.kind !== 'ready') {
    process.stderr.write(`${stopLine(plan.packages, means)}\n`);
    process.exit(1);
  }
  process.stderr.write('テストの準備ができました。\n');
} else if (plan.kind === 'stop') {
  process.stderr.write(`${plan.line}\n`);
  process.exit(1);
}
