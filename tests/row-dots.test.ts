import { describe, expect, it } from 'vitest';
import { rowDotDense, type Csr } from '../pipelines/themes/cluster/matrix.ts';
import { seededRandom } from '../pipelines/themes/cluster/random.ts';
import { rowDots } from '../pipelines/themes/cluster/row-dots.ts';

/** Rows of a few sparse terms of `dims` and, for most, every one of `denseTail` last columns. */
function rows(count: number, dims: number, denseTail: number, seed: number, shuffled = false): Csr {
  const rand = seededRandom(seed);
  const indptr = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < count; r++) {
    const terms = new Set<number>();
    for (let i = 0; i < 5; i++) terms.add(Math.floor(rand() * (dims - denseTail)));
    if (rand() < 0.9) for (let d = dims - denseTail; d < dims; d++) terms.add(d);
    const row = [...terms].sort((a, b) => a - b);
    if (shuffled) row.reverse();
    for (const t of row) {
      indices.push(t);
      values.push(rand() - 0.3);
    }
    indptr.push(indices.length);
  }
  return { rows: count, dims, indptr: Int32Array.from(indptr), indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/** What seeding summed before: every row against a dense copy of row `of`. */
function plain(m: Csr, of: number): number[] {
  const dense = new Float64Array(m.dims);
  for (let p = m.indptr[of] as number; p < (m.indptr[of + 1] as number); p++) dense[m.indices[p] as number] = m.values[p] as number;
  return Array.from({ length: m.rows }, (_, r) => rowDotDense(m, r, dense, 0));
}

describe('rowDots', () => {
  it.each([
    ['sparse terms and a dense tail', rows(203, 60, 7, 1)],
    ['sparse terms alone', rows(150, 80, 0, 2)],
    ['terms stored out of order', rows(90, 40, 5, 3, true)],
  ])('gives every row the very dot rowDotDense gives against a copy of the row (%s)', (_, m) => {
    for (const of of [0, 1, 17, m.rows - 1]) {
      expect(Array.from(rowDots(m, of))).toEqual(plain(m, of));
      expect(Array.from(rowDots(m, of))).toEqual(plain(m, of));
    }
  });
});
