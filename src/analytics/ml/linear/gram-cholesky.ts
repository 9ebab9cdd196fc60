/**
 * Cholesky factorisation of a symmetric positive semi-definite matrix (a Gram matrix XᵀWX) after
 * scaling it to unit diagonal, taking columns in order and skipping any whose remaining pivot falls
 * below `tolerance` (relative to 1 after scaling): such a column is collinear with earlier ones, is
 * left out of the basis and gets coefficient 0, as R's lm() reports later aliased terms as NA.
 * Fitted values are then the same as those of a minimum-norm least-squares solver.
 */
export class GramCholesky {
  /** Number of kept (basis) columns. */
  readonly rank: number;
  /** kept[i] = 1 when column i is in the basis. */
  readonly kept: Uint8Array;
  private readonly scale: Float64Array;
  /** Column k of L (for the k-th kept column) at [k * n, (k + 1) * n), indexed by original column. */
  private readonly lower: Float64Array;
  /** Kept columns in factorisation order. */
  private readonly basis: Int32Array;

  /**
   * Factors the n×n row-major symmetric matrix `a` (not modified). `allowed`, when given, keeps the
   * basis of an earlier factorisation: other columns are dropped up front (iterative fits use it
   * so that collinear columns do not trade places between iterations).
   */
  constructor(a: Float64Array, readonly n: number, tolerance: number, allowed?: Uint8Array) {
    this.scale = new Float64Array(n);
    for (let i = 0; i < n; i++) this.scale[i] = a[i * n + i] > 0 && (!allowed || allowed[i]) ? 1 / Math.sqrt(a[i * n + i]) : 0;
    this.basis = Int32Array.from({ length: n }, (_, i) => i);
    this.lower = new Float64Array(n * n);
    this.kept = new Uint8Array(n);
    this.rank = this.factor(a, tolerance);
  }

  /** Solves A x = b on the kept columns; dropped columns get 0. */
  solve(b: Float64Array): Float64Array {
    const { n, rank, lower: l, basis: piv, scale } = this;
    const z = new Float64Array(rank);
    for (let k = 0; k < rank; k++) {
      const q = piv[k];
      let v = b[q] * scale[q];
      for (let t = 0; t < k; t++) v -= l[t * n + q] * z[t];
      z[k] = v / l[k * n + q];
    }
    for (let k = rank - 1; k >= 0; k--) {
      let v = z[k];
      for (let m = k + 1; m < rank; m++) v -= l[k * n + piv[m]] * z[m];
      z[k] = v / l[k * n + piv[k]];
    }
    const x = new Float64Array(n);
    for (let k = 0; k < rank; k++) x[piv[k]] = z[k] * scale[piv[k]];
    return x;
  }

  /** Diagonal of the inverse of A restricted to the kept columns; NaN for dropped columns. */
  inverseDiagonal(): Float64Array {
    const { n, rank, lower: l, basis: piv, scale } = this;
    const out = new Float64Array(n).fill(NaN);
    const column = new Float64Array(rank);
    // diag(S⁻¹)_k = ‖L⁻¹ e_k‖²: solve L y = e_k by forward substitution for each k.
    for (let k = 0; k < rank; k++) {
      column.fill(0);
      column[k] = 1 / l[k * n + piv[k]];
      let sum = column[k] * column[k];
      for (let m = k + 1; m < rank; m++) {
        let v = 0;
        for (let t = k; t < m; t++) v -= l[t * n + piv[m]] * column[t];
        column[m] = v / l[m * n + piv[m]];
        sum += column[m] * column[m];
      }
      out[piv[k]] = sum * scale[piv[k]] ** 2;
    }
    return out;
  }

  /** Left-looking factorisation of diag(s)·A·diag(s) in column order, skipping collinear columns; returns the rank. */
  private factor(a: Float64Array, tolerance: number): number {
    const { n, scale, basis: piv, lower: l } = this;
    const d = Float64Array.from(scale, (s) => (s > 0 ? 1 : 0));
    let rank = 0;
    for (let q = 0; q < n; q++) {
      if (!(d[q] > tolerance)) continue;
      const lkk = Math.sqrt(d[q]);
      const column = rank * n;
      l[column + q] = lkk;
      piv[rank] = q;
      this.kept[q] = 1;
      for (let i = q + 1; i < n; i++) {
        if (scale[i] === 0) continue;
        let v = a[i * n + q] * scale[i] * scale[q];
        for (let t = 0; t < rank; t++) v -= l[t * n + i] * l[t * n + q];
        v /= lkk;
        l[column + i] = v;
        d[i] -= v * v;
      }
      rank++;
    }
    return rank;
  }
}
