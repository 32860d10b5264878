import type { SparseVector } from './vectors.ts';

/** A sparse matrix's rows, one after another, each row's entries in the order they were read. */
export interface SparseRows {
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/**
 * One row of a sparse matrix as a SparseVector, its entries in the row's order. A million
 * cases' vectors held as a Map each took 1.2 GB; as rows of one matrix they take the
 * matrix and an object of two fields per case. Rows are short: a key is looked up by a scan.
 */
export class RowVector implements SparseVector {
  constructor(
    private readonly rows: SparseRows,
    private readonly row: number,
  ) {}

  get size(): number {
    return (this.rows.indptr[this.row + 1] as number) - (this.rows.indptr[this.row] as number);
  }

  get(key: number): number | undefined {
    const { indptr, indices, values } = this.rows;
    for (let p = indptr[this.row] as number, end = indptr[this.row + 1] as number; p < end; p++) if (indices[p] === key) return values[p];
    return undefined;
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  forEach(visit: (value: number, key: number, map: SparseVector) => void, thisArg?: unknown): void {
    const { indptr, indices, values } = this.rows;
    for (let p = indptr[this.row] as number, end = indptr[this.row + 1] as number; p < end; p++) visit.call(thisArg, values[p] as number, indices[p] as number, this);
  }

  *entries(): Generator<[number, number], undefined, unknown> {
    const { indptr, indices, values } = this.rows;
    for (let p = indptr[this.row] as number, end = indptr[this.row + 1] as number; p < end; p++) yield [indices[p] as number, values[p] as number];
  }

  *keys(): Generator<number, undefined, unknown> {
    const { indptr, indices } = this.rows;
    for (let p = indptr[this.row] as number, end = indptr[this.row + 1] as number; p < end; p++) yield indices[p] as number;
  }

  *values(): Generator<number, undefined, unknown> {
    const { indptr, values } = this.rows;
    for (let p = indptr[this.row] as number, end = indptr[this.row + 1] as number; p < end; p++) yield values[p] as number;
  }

  [Symbol.iterator](): Generator<[number, number], undefined, unknown> {
    return this.entries();
  }
}

/** Every row of the matrix as a RowVector. */
export function rowVectors(rows: SparseRows): RowVector[] {
  return Array.from({ length: rows.indptr.length - 1 }, (_, r) => new RowVector(rows, r));
}
