/**
 * Answers the API computes from the database. `get` keeps an answer until the next
 * committed write: the database counts its writes, and an answer computed under one count
 * is never served under another. `lasting` keeps answers whose key names everything they
 * depend on (the analysis run, its last merge or split, the uploads), so that a decision
 * does not throw away a theme's evidence. Both bounded, oldest first out.
 */
export class ReadCache {
  private readonly current = new Map<string, Promise<unknown>>();
  private readonly kept = new Map<string, Promise<unknown>>();
  private generation: number;

  constructor(
    private readonly writes: { readonly generation: number },
    private readonly max = 1000,
  ) {
    this.generation = writes.generation;
  }

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.writes.generation !== this.generation) {
      this.current.clear();
      this.generation = this.writes.generation;
    }
    return remembered(this.current, key, compute, this.max);
  }

  lasting<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return remembered(this.kept, key, compute, this.max);
  }
}

function remembered<T>(entries: Map<string, Promise<unknown>>, key: string, compute: () => Promise<T>, max: number): Promise<T> {
  const hit = entries.get(key);
  if (hit) return hit as Promise<T>;
  const value = compute();
  entries.set(key, value);
  value.catch(() => {
    if (entries.get(key) === value) entries.delete(key);
  });
  if (entries.size > max) entries.delete(entries.keys().next().value as string);
  return value;
}
