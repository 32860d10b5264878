/**
 * People see only a Japanese message for an unexpected error. With MIERUKA_DEBUG set (to
 * anything but 0) its stack also goes to stderr, for whoever maintains the tool.
 */
export function writeDebugStack(error: unknown): void {
  const flag = process.env.MIERUKA_DEBUG;
  if (!flag || flag === '0') return;
  process.stderr.write(`[MIERUKA_DEBUG] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}
