import { seededRandom } from '../themes/cluster/random.ts';
import type { SparseVector } from '../themes/vectors.ts';

export interface KMeansOptions {
  k: number;
  seed: number;
  restarts: number;
  iterations: number;
}

const dot = (v: SparseVector, centre: Float64Array) => {
  let s = 0;
  for (const [i, w] of v) s += w * (centre[i] as number);
  return s;
};

/**
 * Spherical k-means (cosine similarity) with k-means++ seeding, best of several restarts
 * by total similarity. A baseline that is told k: used to compare term extraction
 * variants, not to find themes.
 */
export function sphericalKMeans(vectors: readonly SparseVector[], dimensions: number, options: KMeansOptions): number[] {
  const rand = seededRandom(options.seed);
  let best: { assignment: number[]; score: number } | null = null;
  for (let r = 0; r < options.restarts; r++) {
    const centres = seedCentres(vectors, dimensions, options.k, rand);
    let assignment = new Array<number>(vectors.length).fill(0);
    let score = 0;
    for (let it = 0; it < options.iterations; it++) {
      score = 0;
      const next = vectors.map((v) => {
        let bestCentre = 0;
        let bestSim = -Infinity;
        centres.forEach((c, j) => {
          const sim = dot(v, c);
          if (sim > bestSim) [bestSim, bestCentre] = [sim, j];
        });
        score += bestSim;
        return bestCentre;
      });
      const changed = next.some((a, i) => a !== assignment[i]);
      assignment = next;
      recompute(vectors, assignment, centres);
      if (!changed) break;
    }
    if (!best || score > best.score) best = { assignment, score };
  }
  return best?.assignment ?? [];
}

function seedCentres(vectors: readonly SparseVector[], dimensions: number, k: number, rand: () => number): Float64Array[] {
  const toDense = (v: SparseVector) => {
    const c = new Float64Array(dimensions);
    for (const [i, w] of v) c[i] = w;
    return c;
  };
  const centres = [toDense(vectors[Math.floor(rand() * vectors.length)] as SparseVector)];
  const distance = vectors.map((v) => 1 - dot(v, centres[0] as Float64Array));
  while (centres.length < k) {
    const total = distance.reduce((a, b) => a + Math.max(0, b), 0);
    let pick = rand() * total;
    let index = 0;
    for (; index < distance.length - 1; index++) {
      pick -= Math.max(0, distance[index] as number);
      if (pick <= 0) break;
    }
    const centre = toDense(vectors[index] as SparseVector);
    centres.push(centre);
    vectors.forEach((v, i) => {
      distance[i] = Math.min(distance[i] as number, 1 - dot(v, centre));
    });
  }
  return centres;
}

function recompute(vectors: readonly SparseVector[], assignment: readonly number[], centres: Float64Array[]): void {
  for (const c of centres) c.fill(0);
  vectors.forEach((v, i) => {
    const c = centres[assignment[i] as number] as Float64Array;
    for (const [d, w] of v) c[d] = (c[d] as number) + w;
  });
  for (const c of centres) {
    let norm = 0;
    for (const x of c) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < c.length; d++) c[d] = (c[d] as number) / norm;
  }
}
