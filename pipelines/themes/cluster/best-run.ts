import { hartiganRefine, type Refined } from './hartigan.ts';
import type { Csr } from './matrix.ts';
import { sphericalKMeans } from './spherical-kmeans.ts';

/** Lloyd iterations before Hartigan's moves take over. */
const LLOYD_ITERATIONS = 3;

/** The most cohesive of `restarts` runs of k-means++ seeding, a few Lloyd steps and Hartigan's moves. */
export function bestRun(m: Csr, k: number, restarts: number, rand: () => number): Refined {
  let best: Refined | null = null;
  for (let r = 0; r < Math.max(1, restarts); r++) {
    const run = refinedRun(m, k, rand);
    if (!best || run.cohesion > best.cohesion) best = run;
  }
  return best!;
}

function refinedRun(m: Csr, k: number, rand: () => number): Refined {
  const start = sphericalKMeans(m, Math.min(k, m.rows), rand, 1, LLOYD_ITERATIONS).assignment;
  return hartiganRefine(m, start, Math.min(k, m.rows));
}
