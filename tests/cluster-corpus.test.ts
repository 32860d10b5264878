import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../fixtures/generator/generate.ts';
import { writeCasesCsv } from '../fixtures/generator/write-csv.ts';
import { nmi } from '../pipelines/eval/clustering-metrics.ts';
import { labelledVectors, type LabelledVectors } from '../pipelines/eval/labelled-vectors.ts';
import { guideVector } from '../pipelines/themes/cluster/guides.ts';
import { chooseMethod, METHODS } from '../pipelines/themes/cluster/methods.ts';
import { tokenizeInProcess } from '../pipelines/text/tokenize-in-process.ts';
import { tempDir, type TempDir } from './helpers/temp-db.ts';

let dir: TempDir;
let corpus: LabelledVectors;

async function generated(rows: number, seed: number): Promise<LabelledVectors> {
  const path = dir.path(`generated-${rows}-${seed}.csv`);
  writeCasesCsv(generateCases({ rows, seed }), path, 'utf-8');
  return labelledVectors(path, path.replace(/\.csv$/, '.labels.csv'), tokenizeInProcess);
}

beforeAll(async () => {
  dir = tempDir();
  corpus = await generated(2000, 7);
});
afterAll(() => dir.remove());

const share = (values: readonly boolean[]) => values.filter(Boolean).length / values.length;

describe('the chosen method on 2,000 generated cases (seed 7), not told the number of themes', () => {
  it('finds the planted regional issues and leaves a third of the one-off cases unassigned (analyze sets more aside as 個別の事情)', () => {
    const result = chooseMethod()(corpus.data, { seed: 1 });
    // Measured: NMI 0.921, 16 themes, 6.7% unassigned, 36% of one-off cases unassigned (Louvain:
    // 0.967, 14 themes, 91%); the themes of one-off matters are set aside after the method.
    expect(nmi(corpus.labels, result.assignment.map(String))).toBeGreaterThanOrEqual(0.9);
    expect(result.themes).toBeGreaterThanOrEqual(10);
    expect(result.themes).toBeLessThanOrEqual(20);
    expect(share(result.assignment.map((t) => t === -1))).toBeLessThan(0.25);
    const individual = corpus.labels.flatMap((l, i) => (l === 'individual' ? [result.assignment[i] === -1] : []));
    expect(share(individual)).toBeGreaterThan(0.3);
  });

  it('gives the same themes for the same seed', () => {
    expect(chooseMethod()(corpus.data, { seed: 5 })).toEqual(chooseMethod()(corpus.data, { seed: 5 }));
  });

  it('honours seed themes: the group-home guide keeps index 0 and gathers those cases, an unmatched guide stays empty', () => {
    const guides = [guideVector(['グループホーム', '空き', '入居'], corpus.data.vocabulary), guideVector(['宇宙旅行'], corpus.data.vocabulary)];
    const result = chooseMethod()(corpus.data, { seed: 1, guides });
    expect(result.guided).toBe(2);
    const inGuide = corpus.labels.filter((_, i) => result.assignment[i] === 0);
    const planted = corpus.labels.filter((l) => l === 'group_home_shortage').length;
    // Measured: 202 cases, all of them group_home_shortage, which has 202.
    expect(share(inGuide.map((l) => l === 'group_home_shortage'))).toBeGreaterThan(0.9);
    expect(inGuide.filter((l) => l === 'group_home_shortage').length / planted).toBeGreaterThan(0.9);
    expect(result.assignment).not.toContain(1);
    expect(result.themes).toBeGreaterThanOrEqual(10);
  });
});

describe('small councils', () => {
  it.each(Object.keys(METHODS))('%s gives 30 cases between 2 and 10 themes', async (name) => {
    for (const seed of [21, 22, 23]) {
      const small = await generated(30, seed);
      const result = chooseMethod(name)(small.data, { seed: 1 });
      expect(result.themes).toBeGreaterThanOrEqual(2);
      expect(result.themes).toBeLessThanOrEqual(10);
    }
  });
});
