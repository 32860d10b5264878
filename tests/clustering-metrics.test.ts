import { describe, expect, it } from 'vitest';
import { ari, nmi } from '../pipelines/eval/clustering-metrics.ts';
import { sphericalKMeans } from '../pipelines/eval/spherical-kmeans.ts';

describe('clustering metrics (values as scikit-learn gives them)', () => {
  it('scores a perfect clustering 1 whatever the cluster names', () => {
    expect(nmi(['a', 'a', 'b', 'b'], ['y', 'y', 'x', 'x'])).toBe(1);
    expect(ari(['a', 'a', 'b', 'b'], ['y', 'y', 'x', 'x'])).toBe(1);
  });

  it('matches scikit-learn on a split cluster', () => {
    // adjusted_rand_score([0,0,1,1], [0,0,1,2]) = 0.5714…; normalized_mutual_info_score = 0.8
    expect(ari(['0', '0', '1', '1'], ['0', '0', '1', '2'])).toBeCloseTo(0.5714285714285715, 12);
    expect(nmi(['0', '0', '1', '1'], ['0', '0', '1', '2'])).toBeCloseTo(0.8, 12);
  });

  it('scores independent labels near 0', () => {
    expect(ari(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y'])).toBeCloseTo(-0.5, 12);
    expect(nmi(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y'])).toBeCloseTo(0, 12);
  });
});

describe('sphericalKMeans', () => {
  it('recovers well-separated groups, the same way for the same seed', () => {
    const v = (pairs: Array<[number, number]>) => new Map(pairs);
    const s = Math.SQRT1_2;
    const vectors = [v([[0, 1]]), v([[0, s], [1, s]]), v([[2, 1]]), v([[2, s], [3, s]]), v([[4, 1]]), v([[4, s], [5, s]])];
    const options = { k: 3, seed: 4, restarts: 5, iterations: 20 };
    const assignment = sphericalKMeans(vectors, 6, options);
    expect(ari(['a', 'a', 'b', 'b', 'c', 'c'], assignment.map(String))).toBe(1);
    expect(sphericalKMeans(vectors, 6, options)).toEqual(assignment);
  });
});
