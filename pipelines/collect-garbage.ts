import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// As jest-leak-detector does: the flag exposes gc() to contexts made after it is set.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * A full collection, between stretches of a large file: V8 otherwise lets garbage grow
 * towards its heap limit (4 GB on a large machine), so a million-row ingest would peak
 * at 4.7 GB although what it holds between stretches is under 0.5 GB.
 */
export function collectGarbage(): void {
  gc();
}
