import { ValidationError } from '../../../core/errors.js';
import type { GbdtParams } from './gbdt-params.js';

/**
 * A boosting objective: the loss whose gradients the trees fit, in raw (margin) space.
 * Newton objectives leave leaf values to −G/(H+λ); an objective with `leafValue` recomputes each
 * leaf from the residuals of its rows (LightGBM's RenewTreeOutput for the quantile loss).
 */
export interface Objective {
  readonly name: string;
  /** The hessian is 1 for every row when there are no weights (lets histograms skip summing it). */
  readonly unitHessian: boolean;
  /** Throws a ValidationError if the target cannot be used (e.g. labels other than 0/1). */
  checkTarget(y: Float64Array): void;
  /** The constant raw score that minimises the loss: the first "tree". */
  initScore(y: Float64Array, w: Float64Array | undefined): number;
  /** Fills per-row gradients and hessians of the loss at the current raw scores. */
  gradients(y: Float64Array, raw: Float64Array, w: Float64Array | undefined, grad: Float64Array, hess: Float64Array): void;
  /** Raw score to prediction scale (identity, or the logistic function). */
  transform(raw: number): number;
  /** Mean loss on a dataset, used for early stopping (lower is better). */
  loss(y: Float64Array, raw: Float64Array, w: Float64Array | undefined): number;
  /** Optional leaf value from the residuals y − raw of the leaf's rows (before shrinkage). */
  leafValue?(residuals: Float64Array, weights: Float64Array | undefined): number;
}

const squaredError = (): Objective => ({
  name: 'squared_error',
  unitHessian: true,
  checkTarget: () => undefined,
  initScore: (y, w) => weightedMean(y, w),
  gradients(y, raw, w, grad, hess) {
    for (let i = 0; i < y.length; i++) {
      const wi = w ? w[i] : 1;
      grad[i] = (raw[i] - y[i]) * wi;
      hess[i] = wi;
    }
  },
  transform: (raw) => raw,
  loss: (y, raw, w) => meanOf(y.length, w, (i) => (raw[i] - y[i]) ** 2),
});

const binaryLogistic = (): Objective => ({
  name: 'binary_logistic',
  unitHessian: false,
  checkTarget(y) {
    const bad = y.findIndex((v) => v !== 0 && v !== 1);
    if (bad >= 0) throw new ValidationError(`binary_logistic needs 0/1 labels; row ${bad} is ${y[bad]}`, { row: bad });
  },
  initScore(y, w) {
    const p = Math.min(Math.max(weightedMean(y, w), 1e-12), 1 - 1e-12);
    return Math.log(p / (1 - p));
  },
  gradients(y, raw, w, grad, hess) {
    for (let i = 0; i < y.length; i++) {
      const wi = w ? w[i] : 1;
      const p = sigmoid(raw[i]);
      grad[i] = (p - y[i]) * wi;
      hess[i] = Math.max(p * (1 - p), 1e-16) * wi;
    }
  },
  transform: sigmoid,
  loss: (y, raw, w) => meanOf(y.length, w, (i) => logLoss(y[i], raw[i])),
});

const quantile = (alpha: number): Objective => ({
  name: 'quantile',
  unitHessian: true,
  checkTarget: () => undefined,
  initScore: (y, w) => weightedQuantile(Float64Array.from(y), w && Float64Array.from(w), alpha),
  gradients(y, raw, w, grad, hess) {
    for (let i = 0; i < y.length; i++) {
      const wi = w ? w[i] : 1;
      grad[i] = (raw[i] >= y[i] ? 1 - alpha : -alpha) * wi;
      hess[i] = wi;
    }
  },
  transform: (raw) => raw,
  loss: (y, raw, w) => meanOf(y.length, w, (i) => pinball(y[i] - raw[i], alpha)),
  leafValue: (residuals, weights) => weightedQuantile(residuals, weights, alpha),
});

/** Objectives by name; `GbdtParams.objective` picks one. */
export const objectiveRegistry: Readonly<Record<GbdtParams['objective'], (params: GbdtParams) => Objective>> = {
  squared_error: () => squaredError(),
  binary_logistic: () => binaryLogistic(),
  quantile: (params) => quantile(params.alpha),
};

export function sigmoid(raw: number): number {
  return 1 / (1 + Math.exp(-raw));
}

/** Log loss of one label at a raw log-odds score, computed without overflow. */
function logLoss(y: number, raw: number): number {
  const softplus = raw > 0 ? raw + Math.log1p(Math.exp(-raw)) : Math.log1p(Math.exp(raw));
  return softplus - y * raw;
}

function pinball(residual: number, alpha: number): number {
  return residual >= 0 ? alpha * residual : (alpha - 1) * residual;
}

function weightedMean(y: Float64Array, w: Float64Array | undefined): number {
  return meanOf(y.length, w, (i) => y[i]);
}

function meanOf(n: number, w: Float64Array | undefined, term: (i: number) => number): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    sum += wi * term(i);
    total += wi;
  }
  return total > 0 ? sum / total : 0;
}

/**
 * The alpha-quantile of values (sorted in place): linear interpolation between order statistics
 * without weights (numpy's default); with weights, the smallest value whose cumulative weight
 * reaches alpha of the total.
 */
export function weightedQuantile(values: Float64Array, weights: Float64Array | undefined, alpha: number): number {
  const n = values.length;
  if (n === 0) return 0;
  if (!weights) {
    values.sort();
    const pos = alpha * (n - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, n - 1);
    return values[lo] + (pos - lo) * (values[hi] - values[lo]);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i];
    if (cumulative >= alpha * total) return values[i];
  }
  return values[order[n - 1]];
}
