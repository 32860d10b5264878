/**
 * What the dashboard's tests need from the machine besides npm: Debian's Chromium, which
 * playwright-core drives, and a Japanese font, without which screenshots and PNG exports
 * draw boxes. `npm test` checks them first (`pretest`) and installs them where it can.
 */
export const DEBIAN_PACKAGES = ['chromium', 'fonts-noto-cjk'] as const;

export interface Found {
  chromium: boolean;
  japaneseFont: boolean;
}

export interface Means {
  /** Running as root, so apt-get may install. */
  root: boolean;
  apt: boolean;
}

export type Plan = { kind: 'ready' } | { kind: 'install'; packages: string[] } | { kind: 'stop'; line: string };

function missingPackages(found: Found): string[] {
  return DEBIAN_PACKAGES.filter((name) => (name === 'chromium' ? !found.chromium : !found.japaneseFont));
}

/** One line, Japanese then English, that says exactly what to install and how. */
export function stopLine(packages: readonly string[], means: Means): string {
  const command = `${means.root ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`;
  const what = packages.map((p) => (p === 'chromium' ? 'Chromium' : '日本語フォント')).join('と');
  const whatEn = packages.map((p) => (p === 'chromium' ? 'Chromium' : 'a Japanese (CJK) font')).join(' and ');
  return means.apt
    ? `テストには${what}が要ります。次を実行してから npm test をやり直してください: ${command} / Tests need ${whatEn}: run \`${command}\`, then npm test again.`
    : `テストには${what}が要ります（この機械には apt-get がありません）。Chromium を chromium の名前で PATH に入れ、Noto Sans CJK JP などの日本語フォントを入れてから npm test をやり直してください / Tests need ${whatEn}, and this machine has no apt-get: put Chromium on PATH as \`chromium\`, install a Japanese font such as Noto Sans CJK JP, then run npm test again.`;
}

/** Ready, install with apt-get (root on Debian), or stop before any test with one line. */
export function planPrerequisites(found: Found, means: Means): Plan {
  const packages = missingPackages(found);
  if (packages.length === 0) return { kind: 'ready' };
  if (means.root && means.apt) return { kind: 'install', packages };
  return { kind: 'stop', line: stopLine(packages, means) };
}
