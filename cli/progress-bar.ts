/**
 * A progress bar on stderr. On a terminal it redraws one line; elsewhere (CI, a log
 * file, a parent process) it prints a line at every tenth, so progress is still seen.
 */
export class ProgressBar {
  private lastTenth = -1;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly width = 30,
  ) {}

  update(label: string, done: number, total: number, unit = '行'): void {
    if (total <= 0) return;
    const ratio = Math.min(1, done / total);
    const counts = `${done.toLocaleString('ja-JP')}/${total.toLocaleString('ja-JP')} ${unit}`;
    if (this.stream.isTTY) {
      const filled = Math.round(ratio * this.width);
      const bar = '█'.repeat(filled) + '░'.repeat(this.width - filled);
      this.stream.write(`\r${label} ${bar} ${Math.floor(ratio * 100)}% ${counts}\x1b[K`);
      this.drawn = true;
      return;
    }
    const tenth = Math.floor(ratio * 10);
    if (tenth !== this.lastTenth) {
      this.lastTenth = tenth;
      this.stream.write(`${label} ${tenth * 10}% ${counts}\n`);
    }
  }

  /** Starts a new stage: the next update prints afresh. */
  next(): void {
    this.lastTenth = -1;
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }

  done(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
