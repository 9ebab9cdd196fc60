import type { Dataset } from '../dataset.js';

/**
 * Products with the design matrix X = [1, features] (the column of ones only with an intercept,
 * at position 0) without materialising it. Rows are read once and only their non-zero entries are
 * multiplied, so dummy-heavy designs (month, weekday × hour, temperature × month...) cost the
 * square of the non-zeros per row, not of the columns.
 */
export class DesignMatrix {
  /** Number of design columns: features plus one for the intercept. */
  readonly width: number;
  private readonly offset: number;
  private readonly index: Int32Array;
  private readonly entry: Float64Array;

  constructor(
    readonly data: Dataset,
    readonly intercept: boolean,
  ) {
    this.offset = intercept ? 1 : 0;
    this.width = data.nFeatures + this.offset;
    this.index = new Int32Array(this.width);
    this.entry = new Float64Array(this.width);
  }

  /** XᵀWX as a width×width row-major matrix; `weights` (per row) may be omitted for W = I. */
  gram(weights?: Float64Array): Float64Array {
    const q = this.width;
    const g = new Float64Array(q * q);
    for (let r = 0; r < this.data.nRows; r++) {
      const w = weights ? weights[r] : 1;
      if (w === 0) continue;
      const nnz = this.gatherRow(r);
      const { index, entry } = this;
      for (let a = 0; a < nnz; a++) {
        const row = index[a] * q;
        const wa = w * entry[a];
        for (let b = a; b < nnz; b++) g[row + index[b]] += wa * entry[b];
      }
    }
    for (let i = 0; i < q; i++) for (let j = i + 1; j < q; j++) g[j * q + i] = g[i * q + j];
    return g;
  }

  /** Xᵀv for a vector over rows. */
  transposeTimes(v: Float64Array): Float64Array {
    const out = new Float64Array(this.width);
    const { values, nFeatures: p } = this.data;
    for (let r = 0; r < this.data.nRows; r++) {
      const vr = v[r];
      if (vr === 0) continue;
      if (this.intercept) out[0] += vr;
      const base = r * p;
      for (let f = 0; f < p; f++) out[f + this.offset] += values[base + f] * vr;
    }
    return out;
  }

  /** Xβ for coefficients over design columns. */
  times(beta: Float64Array): Float64Array {
    const out = new Float64Array(this.data.nRows);
    const { values, nFeatures: p } = this.data;
    const b0 = this.intercept ? beta[0] : 0;
    for (let r = 0; r < this.data.nRows; r++) {
      const base = r * p;
      let s = b0;
      for (let f = 0; f < p; f++) s += values[base + f] * beta[f + this.offset];
      out[r] = s;
    }
    return out;
  }

  /** Fills index/entry with the non-zero design entries of row r; returns their count. */
  private gatherRow(r: number): number {
    const { values, nFeatures: p } = this.data;
    let nnz = 0;
    if (this.intercept) {
      this.index[0] = 0;
      this.entry[0] = 1;
      nnz = 1;
    }
    const base = r * p;
    for (let f = 0; f < p; f++) {
      const x = values[base + f];
      if (x !== 0) {
        this.index[nnz] = f + this.offset;
        this.entry[nnz++] = x;
      }
    }
    return nnz;
  }
}
