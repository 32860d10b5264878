export const KIND_BOS = 0;
export const KIND_KNOWN = 1;
export const KIND_UNKNOWN = 2;
export const KIND_EOS = 3;

const UNREACHED = Number.MAX_VALUE;
/** prev of a node whose predecessors were all unreached, until search() settles it. */
const PENDING = -2;

/**
 * kuromoji's ViterbiLattice and ViterbiSearcher over reusable typed arrays instead of a
 * ViterbiNode object per candidate word. A node's best predecessor is found as the node is
 * added (every node ending before it is already in), from the predecessors copied side by
 * side once per start position. Nodes ending at the same position stay chained in the order
 * they were added, because ties go to the first candidate, as in kuromoji.
 */
export class ViterbiLattice {
  private capacity = 0;
  private rightRow = new Int32Array(0);
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  private best = new Float64Array(0);
  /** Start position of each node: 1-based, in code points of the sentence. */
  startPos = new Int32Array(0);
  kind = new Uint8Array(0);
  entry = new Int32Array(0);
  unitStart = new Int32Array(0);
  unitEnd = new Int32Array(0);
  /** Node indices of the best path, in text order, after search(). */
  path = new Int32Array(0);

  private head = new Int32Array(0);
  private tail = new Int32Array(0);
  private count = 0;
  private lastEnd = 0;
  private pending = false;

  private position = 0;
  private before = 0;
  private beforeRow = new Int32Array(64);
  private beforeBest = new Float64Array(64);
  private beforeNode = new Int32Array(64);

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
    this.pending = false;
    this.position = 0;
    this.before = 0;
    this.add(1, 0, 0, 0, KIND_BOS, -1, 0, 0);
    this.best[0] = 0;
  }

  /** The nodes added next start at this 1-based position. */
  startAt(position: number): void {
    this.position = position;
    let k = 0;
    for (let p = this.head[position - 1]!; p !== -1; p = this.next[p]!) {
      if (k === this.beforeRow.length) this.growBefore();
      this.beforeRow[k] = this.rightRow[p]!;
      this.beforeBest[k] = this.best[p]!;
      this.beforeNode[k] = p;
      k++;
    }
    this.before = k;
  }

  /** ViterbiLattice.append, and ViterbiSearcher.forward for this node. */
  add(length: number, leftId: number, rightId: number, cost: number, kind: number, entry: number, unitStart: number, unitEnd: number): void {
    const n = this.count++;
    if (n === this.capacity) this.grow(this.capacity * 2);
    const end = this.position + length - 1;
    this.startPos[n] = this.position;
    this.rightRow[n] = rightId * this.costColumns + 2;
    this.kind[n] = kind;
    this.entry[n] = entry;
    this.unitStart[n] = unitStart;
    this.unitEnd[n] = unitEnd;
    this.next[n] = -1;
    if (this.head[end] === -1) this.head[end] = n;
    else this.next[this.tail[end]!] = n;
    this.tail[end] = n;
    if (end > this.lastEnd) this.lastEnd = end;

    const before = this.before;
    if (before === 0) {
      this.prev[n] = -1;
      this.best[n] = UNREACHED;
      return;
    }
    const { beforeRow, beforeBest, connectionCosts } = this;
    let min = UNREACHED;
    let chosen = -1;
    for (let i = 0; i < before; i++) {
      const total = beforeBest[i]! + connectionCosts[beforeRow[i]! + leftId]! + cost;
      if (total < min) {
        min = total;
        chosen = i;
      }
    }
    if (chosen === -1) {
      this.prev[n] = PENDING;
      this.pending = true;
    } else {
      this.prev[n] = this.beforeNode[chosen]!;
    }
    this.best[n] = min;
  }

  /** Ends the sentence with EOS and fills `path`; returns its length (0 when kuromoji finds no path). */
  search(): number {
    const eosPos = Math.max(1, this.lastEnd) + 1;
    this.startAt(eosPos);
    this.add(1, 0, 0, 0, KIND_EOS, -1, 0, 0);
    if (this.pending) this.settlePending(eosPos);
    return this.backward(this.count - 1);
  }

  /**
   * kuromoji's forward pass keeps its best predecessor in one function-scoped `var` for all
   * nodes, taken in order of end position: a node whose predecessors are all unreached
   * inherits the choice of the last node before it in that order that had one.
   */
  private settlePending(eosPos: number): void {
    const { head, next, prev, best } = this;
    let chosen = -1;
    for (let end = 1; end <= eosPos; end++) {
      for (let n = head[end]!; n !== -1; n = next[n]!) {
        if (prev[n] === PENDING) prev[n] = chosen;
        else if (best[n]! < UNREACHED) chosen = prev[n]!;
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

  private growBefore(): void {
    const size = this.beforeRow.length * 2;
    this.beforeRow = copyInto(this.beforeRow, new Int32Array(size));
    this.beforeBest = copyInto(this.beforeBest, new Float64Array(size));
    this.beforeNode = copyInto(this.beforeNode, new Int32Array(size));
  }

  private grow(capacity: number): void {
    this.rightRow = copyInto(this.rightRow, new Int32Array(capacity));
    this.next = copyInto(this.next, new Int32Array(capacity));
    this.prev = copyInto(this.prev, new Int32Array(capacity));
    this.best = copyInto(this.best, new Float64Array(capacity));
    this.startPos = copyInto(this.startPos, new Int32Array(capacity));
    this.kind = copyInto(this.kind, new Uint8Array(capacity));
    this.entry = copyInto(this.entry, new Int32Array(capacity));
    this.unitStart = copyInto(this.unitStart, new Int32Array(capacity));
    this.unitEnd = copyInto(this.unitEnd, new Int32Array(capacity));
    this.capacity = capacity;
  }
}

function copyInto<T extends Int32Array | Uint8Array | Float64Array>(old: T, fresh: T): T {
  fresh.set(old);
  return fresh;
}
