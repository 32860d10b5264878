/**
 * Long synchronous loops on the main thread (finding terms) let the server's other
 * requests in between slices: a slice of this many items takes a few milliseconds, so a
 * reader waits no longer than that.
 */
const SLICE = 2000;

const letOthersRun = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `items.flatMap(map)`, a slice at a time, letting the event loop run between slices. */
export async function flatMapInSlices<T, U>(items: readonly T[], map: (item: T, index: number) => readonly U[]): Promise<U[]> {
  const out: U[] = [];
  for (let from = 0; from < items.length; from += SLICE) {
    if (from > 0) await letOthersRun();
    const end = Math.min(items.length, from + SLICE);
    for (let i = from; i < end; i++) for (const u of map(items[i] as T, i)) out.push(u);
  }
  return out;
}
