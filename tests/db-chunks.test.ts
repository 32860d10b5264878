import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDatabase } from './helpers/temp-db.ts';

let temp: Awaited<ReturnType<typeof tempDatabase>>;
beforeEach(async () => {
  temp = await tempDatabase();
});
afterEach(() => temp.close());

/** More rows than one DuckDB chunk holds (2,048), so that the result comes in several. */
const ROWS = 5000;

describe('reading a result chunk by chunk', () => {
  it('hands every row over, in order, a chunk of at most 2,048 rows at a time', async () => {
    const sizes: number[] = [];
    const values: number[] = [];
    await temp.db.read((scope) =>
      scope.eachChunk('SELECT (range * $1)::INTEGER AS n FROM range($2) ORDER BY n', [3, ROWS], (chunk) => {
        sizes.push(chunk.rowCount);
        const column = chunk.getColumnVector(0);
        for (let i = 0; i < chunk.rowCount; i++) values.push(column.getItem(i) as number);
      }),
    );
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2048);
    expect(values).toEqual(Array.from({ length: ROWS }, (_, i) => 3 * i));
  });

  it('visits nothing when the result is empty', async () => {
    let visits = 0;
    await temp.db.read((scope) => scope.eachChunk('SELECT 1 AS n WHERE false', [], () => visits++));
    expect(visits).toBe(0);
  });

  it('holds the scope until the last chunk: a statement started meanwhile waits its turn', async () => {
    const events: string[] = [];
    await temp.db.read(async (scope) => {
      const streamed = scope.eachChunk('SELECT range AS n FROM range($1)', [ROWS], () => events.push('chunk'));
      const counted = scope.rows('SELECT 42 AS answer').then((rows) => events.push(`rows ${String(rows[0]?.answer)}`));
      await Promise.all([streamed, counted]);
    });
    expect(events.at(-1)).toBe('rows 42');
    expect(events.filter((e) => e === 'chunk').length).toBeGreaterThanOrEqual(3);
  });

  it('throws a statement that fails, and the scope answers afterwards', async () => {
    const answer = await temp.db.read(async (scope) => {
      await expect(scope.eachChunk('SELECT * FROM no_such_table', [], () => undefined)).rejects.toThrow(/no_such_table/);
      return scope.rows('SELECT 1 AS one');
    });
    expect(answer).toEqual([{ one: 1 }]);
  });
});
