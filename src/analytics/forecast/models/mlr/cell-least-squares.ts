import { InsufficientDataError } from '../../../../core/errors.js';
import { CholeskySolver } from './cholesky-solver.js';

/**
 * A regression design in which every row belongs to a cell (e.g. month × weekday-hour × day type)
 * and each of its non-zero entries is one of a few row values (1, trend, T, T², ...) placed in a
 * column that the cell decides. Dummy and interaction designs (GEFCom's MLR models) have this
 * shape, so XᵀX is a sum over cells of Σ u uᵀ: a row costs the square of its few base values.
 */
export interface CellDesign {
  readonly rows: number;
  /** Cells are numbered 0 .. cellCount − 1. */
  readonly cellCount: number;
  /** Number of design columns. */
  readonly width: number;
  /** Number of base values per row. */
  readonly baseWidth: number;
  /** Most entries a cell can have. */
  readonly maxEntries: number;
  cellOf(r: number): number;
  /** Writes row r's base values. */
  base(r: number, out: Float64Array): void;
  /** Writes a cell's entries: design column and which base value goes there; returns the count. */
  cellEntries(cell: number, column: Int32Array, baseIndex: Int32Array): number;
  /**
   * Whether the ridge penalises a column. Leaving main effects (intercept, trend, T, T², T³)
   * unpenalised and shrinking their dummy interactions makes the interactions deviations from
   * the main effect, so a category never seen in training (a new month) gets the main effect.
   */
  penalised(column: number): boolean;
}

/**
 * Ridge-stabilised least squares on a {@link CellDesign}: XᵀX and Xᵀy from per-cell sums, a
 * relative ridge λ·diag(XᵀX) on the penalised columns, a dense Cholesky solve and one step of
 * iterative refinement (the cubic temperature interactions are far from orthogonal).
 */
export function fitCellLeastSquares(design: CellDesign, y: Float64Array, ridge: number): Float64Array {
  if (design.rows === 0) throw new InsufficientDataError('least-squares training rows', 0, 1);
  const sums = cellSums(design, y, true);
  const q = design.width;
  const gram = new Float64Array(q * q);
  const column = new Int32Array(design.maxEntries);
  const baseIndex = new Int32Array(design.maxEntries);
  const k = design.baseWidth;
  sums.forEach((sum, cell) => {
    if (!sum) return;
    const n = design.cellEntries(cell, column, baseIndex);
    for (let a = 0; a < n; a++) {
      for (let b = a; b < n; b++) {
        const lo = Math.min(column[a], column[b]);
        const hi = Math.max(column[a], column[b]);
        const ba = Math.min(baseIndex[a], baseIndex[b]);
        const bb = Math.max(baseIndex[a], baseIndex[b]);
        gram[lo * q + hi] += sum.outer[ba * k + bb];
      }
    }
  });
  const diagonal = Float64Array.from({ length: q }, (_, i) => gram[i * q + i]);
  for (let i = 0; i < q; i++) {
    if (design.penalised(i)) gram[i * q + i] *= 1 + ridge;
    for (let j = i + 1; j < q; j++) gram[j * q + i] = gram[i * q + j];
  }
  const solver = new CholeskySolver(gram, q);
  const beta = solver.solve(transposeTimes(design, sums));
  const fitted = predictCells(design, beta);
  const correction = transposeTimes(design, cellSums(design, y.map((v, r) => v - fitted[r]), false));
  for (let i = 0; i < q; i++) if (design.penalised(i)) correction[i] -= ridge * diagonal[i] * beta[i];
  const delta = solver.solve(correction);
  return beta.map((b, i) => b + delta[i]);
}

interface CellSum {
  /** Σ u uᵀ, upper triangle (baseWidth², only when asked for). */
  readonly outer: Float64Array;
  /** Σ u y. */
  readonly cross: Float64Array;
}

/** Per-cell sums, indexed by cell (undefined for cells without rows). */
type CellSums = (CellSum | undefined)[];

function cellSums(design: CellDesign, y: Float64Array, withOuter: boolean): CellSums {
  const k = design.baseWidth;
  const u = new Float64Array(k);
  const sums: CellSums = new Array(design.cellCount);
  for (let r = 0; r < design.rows; r++) {
    const cell = design.cellOf(r);
    let sum = sums[cell];
    if (!sum) {
      sum = { outer: new Float64Array(withOuter ? k * k : 0), cross: new Float64Array(k) };
      sums[cell] = sum;
    }
    design.base(r, u);
    const yr = y[r];
    const { outer, cross } = sum;
    for (let a = 0; a < k; a++) {
      const ua = u[a];
      cross[a] += ua * yr;
      if (!withOuter) continue;
      for (let b = a, row = a * k; b < k; b++) outer[row + b] += ua * u[b];
    }
  }
  return sums;
}

function transposeTimes(design: CellDesign, sums: CellSums): Float64Array {
  const out = new Float64Array(design.width);
  const column = new Int32Array(design.maxEntries);
  const baseIndex = new Int32Array(design.maxEntries);
  sums.forEach((sum, cell) => {
    if (!sum) return;
    const n = design.cellEntries(cell, column, baseIndex);
    for (let a = 0; a < n; a++) out[column[a]] += sum.cross[baseIndex[a]];
  });
  return out;
}

/** Xβ for every row: each cell's coefficients are folded onto the base values once. */
export function predictCells(design: CellDesign, beta: Float64Array): Float64Array {
  const k = design.baseWidth;
  const folded: (Float64Array | undefined)[] = new Array(design.cellCount);
  const column = new Int32Array(design.maxEntries);
  const baseIndex = new Int32Array(design.maxEntries);
  const u = new Float64Array(k);
  const out = new Float64Array(design.rows);
  for (let r = 0; r < design.rows; r++) {
    const cell = design.cellOf(r);
    let c = folded[cell];
    if (!c) {
      c = new Float64Array(k);
      const n = design.cellEntries(cell, column, baseIndex);
      for (let a = 0; a < n; a++) c[baseIndex[a]] += beta[column[a]];
      folded[cell] = c;
    }
    design.base(r, u);
    let s = 0;
    for (let b = 0; b < k; b++) s += c[b] * u[b];
    out[r] = s;
  }
  return out;
}
