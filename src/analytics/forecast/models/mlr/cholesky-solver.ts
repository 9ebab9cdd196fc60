/**
 * Solves S x = b for a symmetric positive definite matrix S (row-major n×n) by a Cholesky
 * factorisation S = L Lᵀ whose inner loops run along contiguous rows and skip each row's leading
 * zeros (a block of mutually exclusive dummies placed first factorises for free). A column whose diagonal is
 * zero (a dummy never seen in training) or whose pivot vanishes (collinear with earlier columns)
 * is left out and gets coefficient 0.
 */
const PIVOT_TOLERANCE = 1e-12;

export class CholeskySolver {
  private readonly lower: Float64Array;
  private readonly active: Uint8Array;
  /** First non-zero column of each row: L keeps A's envelope, so dot products start there. */
  private readonly first: Int32Array;

  constructor(matrix: Float64Array, readonly n: number) {
    this.active = Uint8Array.from({ length: n }, (_, i) => (matrix[i * n + i] > 0 ? 1 : 0));
    this.first = Int32Array.from({ length: n }, (_, i) => {
      let k = 0;
      while (k < i && matrix[i * n + k] === 0) k++;
      return k;
    });
    this.lower = new Float64Array(n * n);
    this.factor(matrix);
  }

  solve(b: Float64Array): Float64Array {
    const { n, lower: l, active } = this;
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      let s = b[i];
      for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
      y[i] = s / l[i * n + i];
    }
    const x = new Float64Array(n);
    for (let i = n - 1; i >= 0; i--) {
      if (!active[i]) continue;
      let s = y[i];
      for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
      x[i] = s / l[i * n + i];
    }
    return x;
  }

  private factor(a: Float64Array): void {
    const { n, lower: l, active, first } = this;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      const rowI = i * n;
      for (let j = first[i]; j <= i; j++) {
        if (!active[j]) continue;
        const rowJ = j * n;
        const from = Math.max(first[i], first[j]);
        const s = a[rowI + j] - dot(l, rowI + from, rowJ + from, j - from);
        if (i !== j) l[rowI + j] = s / l[rowJ + j];
        else if (s > PIVOT_TOLERANCE * a[rowI + i]) l[rowI + i] = Math.sqrt(s);
        else this.drop(i);
      }
    }
  }

  private drop(i: number): void {
    this.active[i] = 0;
    this.lower.fill(0, i * this.n, (i + 1) * this.n);
  }
}

/** Σ_{k<length} l[x + k] · l[y + k], unrolled by four. */
function dot(l: Float64Array, x: number, y: number, length: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < length; k += 4) {
    s0 += l[x + k] * l[y + k];
    s1 += l[x + k + 1] * l[y + k + 1];
    s2 += l[x + k + 2] * l[y + k + 2];
    s3 += l[x + k + 3] * l[y + k + 3];
  }
  for (; k < length; k++) s0 += l[x + k] * l[y + k];
  return s0 + s1 + s2 + s3;
}
