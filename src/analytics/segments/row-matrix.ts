import { ValidationError } from '../../core/errors.js';

/** A dense row-major matrix of `rows` points with `cols` coordinates each (no per-point objects). */
export interface RowMatrix {
  readonly values: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** Wraps row-major values as a matrix, rejecting a ragged length or non-finite values (naming the row). */
export function rowMatrix(values: Float64Array, cols: number): RowMatrix {
  if (!Number.isInteger(cols) || cols < 1) throw new ValidationError(`a matrix needs at least one column, got ${cols}`, { cols });
  if (values.length % cols !== 0) throw new ValidationError(`matrix values (${values.length}) are not a multiple of ${cols} columns`, { cols });
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      const row = Math.floor(i / cols);
      throw new ValidationError(`matrix row ${row} column ${i % cols} is not a finite number (${values[i]})`, { row, col: i % cols });
    }
  }
  return { values, rows: values.length / cols, cols };
}

/** Squared Euclidean distance between row `i` of `a` and row `j` of `b` (same column count). */
export function squaredDistance(a: Float64Array, i: number, b: Float64Array, j: number, cols: number): number {
  let s = 0;
  const oa = i * cols;
  const ob = j * cols;
  for (let c = 0; c < cols; c++) {
    const d = a[oa + c] - b[ob + c];
    s += d * d;
  }
  return s;
}

/** Sum of squared distances of the rows to their mean row: the inertia of a single cluster. */
export function totalSumOfSquares(m: RowMatrix): number {
  const { values, rows, cols } = m;
  let total = 0;
  for (let j = 0; j < cols; j++) {
    let s = 0;
    let ss = 0;
    for (let i = 0; i < rows; i++) {
      const v = values[i * cols + j];
      s += v;
      ss += v * v;
    }
    total += ss - (s * s) / rows;
  }
  return total;
}

/** The rows of `m` at the given positions, as a new matrix. */
export function selectRows(m: RowMatrix, positions: ArrayLike<number>): RowMatrix {
  const out = new Float64Array(positions.length * m.cols);
  for (let r = 0; r < positions.length; r++) out.set(m.values.subarray(positions[r] * m.cols, (positions[r] + 1) * m.cols), r * m.cols);
  return { values: out, rows: positions.length, cols: m.cols };
}

/** Index of the nearest of `k` centroids to row `i` of `data`, and its squared distance. */
export function nearestCentroid(data: Float64Array, i: number, centroids: Float64Array, k: number, cols: number): { index: number; distance: number } {
  let best = 0;
  let bestD = Infinity;
  for (let c = 0; c < k; c++) {
    const d = squaredDistance(data, i, centroids, c, cols);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return { index: best, distance: bestD };
}
