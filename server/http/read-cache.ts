/**
 * Answers the API computes from the database, kept until the next committed write: the
 * database counts its writes, and an answer computed under one count is never served
 * under another. Bounded, oldest first out.
 */
export class ReadCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  private generation: number;

  constructor(
    private readonly writes: { readonly generation: number },
    private readonly max = 1000,
  ) {
    this.generation = writes.generation;
  }

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.writes.generation !== this.generation) {
      this.entries.clear();
      this.generation = this.writes.generation;
    }
    const hit = this.entries.get(key);
    if (hit) return hit as Promise<T>;
    const value = compute();
    this.entries.set(key, value);
    value.catch(() => {
      if (this.entries.get(key) === value) this.entries.delete(key);
    });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
