import type { BinnedMatrix } from './binning.js';

/**
 * Gradient histograms: for every (feature, bin) slot the sums of gradients, hessians and row counts
 * of a node's rows, interleaved as [g, h, count] at 3 * slot. A split scan then costs a pass over
 * ≤ 256 slots per feature instead of a sort of the node's rows.
 */
export const SLOT = 3;

export function histogramSize(matrix: BinnedMatrix): number {
  return matrix.totalBins * SLOT;
}

/**
 * Fills `hist` with the sums over rows[start, end) for the given features (other features' slots
 * are left untouched and must not be read). With `unitHessian` every hessian is 1 (unweighted
 * squared error or quantile loss): the hessian sums are then the counts, and one of the three
 * additions per value is saved.
 */
export function buildHistogram(
  hist: Float64Array,
  matrix: BinnedMatrix,
  rows: Uint32Array,
  start: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
  features: Int32Array,
  unitHessian = false,
): void {
  const { offsets, valueBins } = matrix;
  for (let j = 0; j < features.length; j++) {
    const f = features[j];
    hist.fill(0, offsets[f] * SLOT, (offsets[f] + valueBins[f] + 1) * SLOT);
  }
  if (!unitHessian) {
    accumulate(hist, matrix, rows, start, end, grad, hess, features);
    return;
  }
  accumulateUnitHessian(hist, matrix, rows, start, end, grad, features);
  for (let j = 0; j < features.length; j++) {
    const f = features[j];
    for (let k = offsets[f] * SLOT; k < (offsets[f] + valueBins[f] + 1) * SLOT; k += SLOT) hist[k + 1] = hist[k + 2];
  }
}

function accumulate(
  hist: Float64Array,
  matrix: BinnedMatrix,
  rows: Uint32Array,
  start: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
  features: Int32Array,
): void {
  const { bins, nFeatures: p, offsets } = matrix;
  const nf = features.length;
  for (let i = start; i < end; i++) {
    const r = rows[i];
    const g = grad[r];
    const h = hess[r];
    const base = r * p;
    for (let j = 0; j < nf; j++) {
      const f = features[j];
      const k = (offsets[f] + bins[base + f]) * SLOT;
      hist[k] += g;
      hist[k + 1] += h;
      hist[k + 2] += 1;
    }
  }
}

function accumulateUnitHessian(
  hist: Float64Array,
  matrix: BinnedMatrix,
  rows: Uint32Array,
  start: number,
  end: number,
  grad: Float64Array,
  features: Int32Array,
): void {
  const { bins, nFeatures: p, offsets } = matrix;
  const nf = features.length;
  for (let i = start; i < end; i++) {
    const r = rows[i];
    const g = grad[r];
    const base = r * p;
    for (let j = 0; j < nf; j++) {
      const f = features[j];
      const k = (offsets[f] + bins[base + f]) * SLOT;
      hist[k] += g;
      hist[k + 2] += 1;
    }
  }
}

/** The histogram subtraction trick: parent -= child leaves the sibling's histogram in `parent`. */
export function subtractHistogram(parent: Float64Array, child: Float64Array, matrix: BinnedMatrix, features: Int32Array): void {
  for (let j = 0; j < features.length; j++) {
    const f = features[j];
    const from = matrix.offsets[f] * SLOT;
    const to = (matrix.offsets[f] + matrix.valueBins[f] + 1) * SLOT;
    for (let k = from; k < to; k++) parent[k] -= child[k];
  }
}

/** A small pool so that a tree reuses histogram buffers instead of allocating one per node. */
export class HistogramPool {
  private readonly free: Float64Array[] = [];

  constructor(private readonly size: number) {}

  take(): Float64Array {
    return this.free.pop() ?? new Float64Array(this.size);
  }

  release(hist: Float64Array | null): void {
    if (hist) this.free.push(hist);
  }
}
