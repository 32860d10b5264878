import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dictionariesOf } from '../pipelines/text/tokenizer/kuromoji-internals.ts';
import { loadStockTokenizer } from '../pipelines/text/tokenizer/stock-tokenizer.ts';
import { KIND_KNOWN, ViterbiLattice } from '../pipelines/text/tokenizer/viterbi-lattice.ts';

interface StockNode {
  name: number;
  prev: StockNode | null;
}
type NodeClass = new (name: number, cost: number, start: number, length: number, type: string, left: number, right: number, surface: string) => StockNode;
interface StockLattice {
  append(node: StockNode): void;
  appendEos(): void;
}

const require = createRequire(import.meta.url);
const StockViterbiNode = require('kuromoji/src/viterbi/ViterbiNode.js') as NodeClass;
const StockViterbiLattice = require('kuromoji/src/viterbi/ViterbiLattice.js') as new () => StockLattice;
const StockViterbiSearcher = require('kuromoji/src/viterbi/ViterbiSearcher.js') as new (costs: unknown) => { search(l: StockLattice): StockNode[] };

const stock = await loadStockTokenizer();
const costs = dictionariesOf(stock).connectionCosts;

/** [name, start, length, left, right, cost], appended in order of start position. */
type Candidate = readonly [number, number, number, number, number, number];

function stockPath(candidates: readonly Candidate[]): number[] {
  const lattice = new StockViterbiLattice();
  for (const [name, start, length, left, right, cost] of candidates) lattice.append(new StockViterbiNode(name, cost, start, length, 'KNOWN', left, right, ''));
  lattice.appendEos();
  const searcher = new StockViterbiSearcher((stock as unknown as { viterbi_searcher: { connection_costs: unknown } }).viterbi_searcher.connection_costs);
  return searcher.search(lattice).map((node) => node.name);
}

function fastPath(candidates: readonly Candidate[], units: number): number[] {
  const lattice = new ViterbiLattice(costs, costs[1]!);
  lattice.reset(units);
  let position = 0;
  for (const [name, start, length, left, right, cost] of candidates) {
    if (start !== position) lattice.startAt((position = start));
    lattice.add(length, left, right, cost, KIND_KNOWN, name, 0, 0);
  }
  const length = lattice.search();
  return [...lattice.path.subarray(0, length)].map((n) => lattice.entry[n]!);
}

describe('Viterbi lattice', () => {
  it('breaks ties towards the first candidate, as kuromoji does', () => {
    const tie: Candidate[] = [
      [1, 1, 1, 10, 10, 100],
      [2, 1, 1, 10, 10, 100],
      [3, 2, 1, 10, 10, 100],
    ];
    expect(fastPath(tie, 2)).toEqual(stockPath(tie));
    expect(stockPath(tie)).toEqual([1, 3]);
  });

  it("gives a node whose predecessors are all unreached the last choice made, like kuromoji's shared var", () => {
    // Nothing ends at 3, so node 4 is unreached, and node 5 (after it) inherits node 2's choice (node 1).
    const stranded: Candidate[] = [
      [1, 1, 1, 5, 5, 200],
      [2, 2, 1, 5, 5, 200],
      [4, 4, 1, 5, 5, 200],
      [5, 5, 1, 5, 5, 200],
    ];
    expect(stockPath(stranded)).toEqual([1]);
    expect(fastPath(stranded, 5)).toEqual(stockPath(stranded));
  });

  it('returns no path when the end cannot be traced back to the start', () => {
    const broken: Candidate[] = [
      [1, 1, 1, 5, 5, 200],
      [3, 3, 1, 5, 5, 200],
    ];
    expect(fastPath(broken, 3)).toEqual(stockPath(broken));
    expect(stockPath(broken)).toEqual([]);
  });
});
