export const KIND_BOS = 0;
export const KIND_KNOWN = 1;
export const KIND_UNKNOWN = 2;
export const KIND_EOS = 3;

const UNREACHED = Number.MAX_VALUE;

/**
 * kuromoji's ViterbiLattice and ViterbiSearcher over reusable typed arrays instead of a
 * ViterbiNode object per candidate word. Nodes ending at the same position are chained in
 * the order they were added, because ties go to the first candidate, as in kuromoji.
 */
export class ViterbiLattice {
  private capacity = 0;
  /** Start position of each node: 1-based, in code points of the sentence. */
  startPos = new Int32Array(0);
  private left = new Int32Array(0);
  private rightRow = new Int32Array(0);
  private cost = new Int32Array(0);
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  private best = new Float64Array(0);
  kind = new Uint8Array(0);
  entry = new Int32Array(0);
  unitStart = new Int32Array(0);
  unitEnd = new Int32Array(0);
  private head = new Int32Array(0);
  private tail = new Int32Array(0);
  private count = 0;
  private lastEnd = 0;
  /** Node indices of the best path, in text order, after search(). */
  path = new Int32Array(0);

  constructor(
    private readonly connectionCosts: Int16Array,
    private readonly costColumns: number,
  ) {
    this.grow(1024);
  }

  /** Starts a sentence of `units` UTF-16 code units; no node can end beyond that. */
  reset(units: number): void {
    if (this.head.length < units + 2) {
      this.head = new Int32Array(units + 2);
      this.tail = new Int32Array(units + 2);
      this.path = new Int32Array(units + 2);
    }
    this.head.fill(-1, 0, units + 2);
    this.count = 0;
    this.lastEnd = 0;
    this.add(0, 1, 0, 0, 0, KIND_BOS, -1, 0, 0);
    this.best[0] = 0;
  }

  /** ViterbiLattice.append: a node of `length` positions from 1-based `start` ends at start + length - 1. */
  add(start: number, length: number, leftId: number, rightId: number, cost: number, kind: number, entry: number, unitStart: number, unitEnd: number): void {
    const n = this.count++;
    if (n === this.capacity) this.grow(this.capacity * 2);
    const end = start + length - 1;
    this.startPos[n] = start;
    this.left[n] = leftId;
    this.rightRow[n] = rightId * this.costColumns + 2;
    this.cost[n] = cost;
    this.kind[n] = kind;
    this.entry[n] = entry;
    this.unitStart[n] = unitStart;
    this.unitEnd[n] = unitEnd;
    this.next[n] = -1;
    this.prev[n] = -1;
    this.best[n] = UNREACHED;
    const last = this.tail[end]!;
    if (this.head[end] === -1) this.head[end] = n;
    else this.next[last] = n;
    this.tail[end] = n;
    if (end > this.lastEnd) this.lastEnd = end;
  }

  /** ViterbiSearcher.search: fills `path` and returns its length (0 when kuromoji finds no path). */
  search(): number {
    const eosPos = Math.max(1, this.lastEnd) + 1;
    this.add(eosPos, 1, 0, 0, 0, KIND_EOS, -1, 0, 0);
    const eos = this.count - 1;
    this.forward(eosPos);
    return this.backward(eos);
  }

  private forward(eosPos: number): void {
    const { head, next, startPos, left, rightRow, cost, best, prev, connectionCosts } = this;
    // Deliberately shared by every node, as kuromoji's function-scoped `var shortest_prev_node`
    // is: a node whose predecessors are all unreachable inherits the last node's choice.
    let chosen = -1;
    for (let end = 1; end <= eosPos; end++) {
      for (let n = head[end]!; n !== -1; n = next[n]!) {
        const first = head[startPos[n]! - 1]!;
        if (first === -1) continue;
        const leftId = left[n]!;
        const own = cost[n]!;
        let min = UNREACHED;
        for (let p = first; p !== -1; p = next[p]!) {
          const total = best[p]! + connectionCosts[rightRow[p]! + leftId]! + own;
          if (total < min) {
            min = total;
            chosen = p;
          }
        }
        prev[n] = chosen;
        best[n] = min;
      }
    }
  }

  private backward(eos: number): number {
    const { prev, kind, path } = this;
    let n = prev[eos]!;
    if (n === -1) return 0;
    let length = 0;
    while (kind[n] !== KIND_BOS) {
      path[length++] = n;
      n = prev[n]!;
      if (n === -1) return 0;
    }
    path.subarray(0, length).reverse();
    return length;
  }

  private grow(capacity: number): void {
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.startPos = copy(this.startPos, new Int32Array(capacity));
    this.left = copy(this.left, new Int32Array(capacity));
    this.rightRow = copy(this.rightRow, new Int32Array(capacity));
    this.cost = copy(this.cost, new Int32Array(capacity));
    this.next = copy(this.next, new Int32Array(capacity));
    this.prev = copy(this.prev, new Int32Array(capacity));
    this.best = copy(this.best, new Float64Array(capacity));
    this.kind = copy(this.kind, new Uint8Array(capacity));
    this.entry = copy(this.entry, new Int32Array(capacity));
    this.unitStart = copy(this.unitStart, new Int32Array(capacity));
    this.unitEnd = copy(this.unitEnd, new Int32Array(capacity));
    this.capacity = capacity;
  }
}
