import { rowDotColumns, transposeCsr, type Csr } from './matrix.ts';

/**
 * Rows of the matrix projected on its leading `rank` singular directions (latent semantic
 * analysis), by randomised SVD (Halko et al. 2011: Gaussian range finder, two power
 * iterations, then an exact small eigenproblem). Returns n × rank, row-major, each row
 * scaled to unit length so a dot product is a cosine.
 */
export function truncatedSvd(m: Csr, rank: number, rand: () => number): { rows: Float64Array; rank: number } {
  const width = Math.min(rank + 10, m.rows, m.dims);
  const omega = new Float64Array(m.dims * width);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(rand);
  const mT = transposeCsr(m);
  let q = orthonormalColumns(multiply(m, omega, width), m.rows, width);
  for (let power = 0; power < 2; power++) q = orthonormalColumns(multiply(m, multiplyTransposed(mT, q, width), width), m.rows, width);
  const b = multiplyTransposed(mT, q, width); // Xᵀ Q = Bᵀ, dims × width
  const gram = new Float64Array(width * width);
  for (let d = 0; d < m.dims; d++) {
    for (let i = 0; i < width; i++) {
      const x = b[d * width + i] as number;
      if (x === 0) continue;
      for (let j = 0; j < width; j++) gram[i * width + j] = (gram[i * width + j] as number) + x * (b[d * width + j] as number);
    }
  }
  const { values, vectors } = symmetricEigen(gram, width);
  const order = Array.from({ length: width }, (_, i) => i).sort((x, y) => (values[y] as number) - (values[x] as number) || x - y);
  const kept = Math.min(rank, width);
  const out = new Float64Array(m.rows * kept);
  for (let r = 0; r < m.rows; r++) {
    let norm = 0;
    for (let c = 0; c < kept; c++) {
      const e = order[c] as number;
      let s = 0;
      for (let i = 0; i < width; i++) s += (q[r * width + i] as number) * (vectors[i * width + e] as number);
      s *= Math.sqrt(Math.max(0, values[e] as number));
      out[r * kept + c] = s;
      norm += s * s;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let c = 0; c < kept; c++) out[r * kept + c] = (out[r * kept + c] as number) * scale;
  }
  return { rows: out, rank: kept };
}

function gaussian(rand: () => number): number {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** X (rows × dims) times a dense dims × width matrix. */
function multiply(m: Csr, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(m.rows * width);
  for (let r = 0; r < m.rows; r++) rowDotColumns(m, r, dense, width, out, r * width);
  return out;
}

/**
 * Xᵀ times a dense rows × width matrix, given Xᵀ: each entry sums its products in row
 * order of X, as adding each row of X in turn into the result did.
 */
function multiplyTransposed(mT: Csr, dense: Float64Array, width: number): Float64Array {
  return multiply(mT, dense, width);
}

/** Modified Gram–Schmidt on the columns of a rows × width matrix; a dependent column becomes zero. */
function orthonormalColumns(a: Float64Array, rows: number, width: number): Float64Array {
  for (let j = 0; j < width; j++) {
    for (let i = 0; i < j; i++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += (a[r * width + i] as number) * (a[r * width + j] as number);
      for (let r = 0; r < rows; r++) a[r * width + j] = (a[r * width + j] as number) - s * (a[r * width + i] as number);
    }
    let norm = 0;
    for (let r = 0; r < rows; r++) norm += (a[r * width + j] as number) ** 2;
    const scale = norm > 1e-20 ? 1 / Math.sqrt(norm) : 0;
    for (let r = 0; r < rows; r++) a[r * width + j] = (a[r * width + j] as number) * scale;
  }
  return a;
}

/** Cyclic Jacobi eigen-decomposition of a small symmetric matrix; eigenvectors are columns. */
function symmetricEigen(input: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = input.slice();
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += (a[i * n + j] as number) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = ((a[q * n + q] as number) - (a[p * n + p] as number)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: n }, (_, i) => a[i * n + i] as number), vectors: v };
}
