import type { DesignMatrix } from './design-matrix.js';
import { addRidge, subtractRidgeGradient } from './linear-coefficients.js';
import { GramCholesky } from './gram-cholesky.js';

export interface NewtonSettings {
  readonly l2: number;
  readonly maxIterations: number;
  readonly tolerance: number;
  readonly rankTolerance: number;
}

export interface NewtonSolution {
  readonly beta: Float64Array;
  /** Factorised Hessian at `beta` (its inverse is the asymptotic covariance when unpenalised). */
  readonly factor: GramCholesky;
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Objective, gradient and Hessian of the penalised negative log-likelihood at one β. */
interface Point {
  readonly objective: number;
  readonly logLikelihood: number;
  readonly gradient: Float64Array;
  readonly factor: GramCholesky;
  /** Largest |y − p| over rows. */
  readonly maxResidual: number;
}

/**
 * Minimises Σ w·[log(1 + e^η) − yη] + λ/2‖β‖² (η = Xβ, intercept unpenalised) by Newton steps with
 * Armijo backtracking; stops when half the squared Newton decrement is below tolerance·(1 + |f|).
 */
export function newtonLogistic(design: DesignMatrix, y: Float64Array, w: Float64Array | undefined, s: NewtonSettings): NewtonSolution {
  let beta = startingPoint(design, y, w);
  let point = evaluate(design, y, w, beta, s);
  const basis = point.factor.kept;
  for (let iteration = 0; ; iteration++) {
    const step = point.factor.solve(point.gradient).map((v) => -v);
    const slope = dot(point.gradient, step);
    const scale = 1 + Math.abs(point.objective);
    const converged = -slope / 2 <= s.tolerance * scale;
    const next = converged || iteration >= s.maxIterations ? null : lineSearch(design, y, w, beta, step, slope, point.objective, s.l2);
    if (!next) {
      // A failed line search at a tiny decrement is rounding noise at the optimum.
      const done = converged || (iteration < s.maxIterations && -slope / 2 <= 1e-8 * scale);
      // Without a penalty, perfectly separated classes have no maximum-likelihood estimate.
      const separated = s.l2 === 0 && point.maxResidual < 1e-6;
      return { beta, factor: point.factor, logLikelihood: point.logLikelihood, iterations: iteration, converged: done && !separated };
    }
    beta = next;
    point = evaluate(design, y, w, beta, s, basis);
  }
}

/** β = 0 with the intercept at the log-odds of the mean label. */
function startingPoint(design: DesignMatrix, y: Float64Array, w: Float64Array | undefined): Float64Array {
  const beta = new Float64Array(design.width);
  if (!design.intercept) return beta;
  let sum = 0;
  let total = 0;
  for (let r = 0; r < y.length; r++) {
    sum += (w ? w[r] : 1) * y[r];
    total += w ? w[r] : 1;
  }
  const p = Math.min(Math.max(sum / total, 1e-10), 1 - 1e-10);
  beta[0] = Math.log(p / (1 - p));
  return beta;
}

function evaluate(
  design: DesignMatrix,
  y: Float64Array,
  w: Float64Array | undefined,
  beta: Float64Array,
  s: NewtonSettings,
  basis?: Uint8Array,
): Point {
  const eta = design.times(beta);
  const residual = new Float64Array(y.length);
  const curvature = new Float64Array(y.length);
  let logLikelihood = 0;
  let maxResidual = 0;
  for (let r = 0; r < y.length; r++) {
    const wr = w ? w[r] : 1;
    const p = 1 / (1 + Math.exp(-eta[r]));
    maxResidual = Math.max(maxResidual, Math.abs(y[r] - p));
    residual[r] = wr * (y[r] - p);
    curvature[r] = wr * p * (1 - p);
    logLikelihood -= wr * negativeLogLikelihood(y[r], eta[r]);
  }
  const gradient = design.transposeTimes(residual);
  subtractRidgeGradient(gradient, beta, design.intercept, s.l2);
  for (let i = 0; i < gradient.length; i++) gradient[i] = -gradient[i];
  const hessian = design.gram(curvature);
  addRidge(hessian, design.width, design.intercept, s.l2);
  const objective = -logLikelihood + penalty(beta, design.intercept, s.l2);
  return { objective, logLikelihood, gradient, maxResidual, factor: new GramCholesky(hessian, design.width, s.rankTolerance, basis) };
}

/** Halves the step until the objective decreases enough (Armijo, c = 1e-4); null if it never does. */
function lineSearch(
  design: DesignMatrix,
  y: Float64Array,
  w: Float64Array | undefined,
  beta: Float64Array,
  step: Float64Array,
  slope: number,
  objective: number,
  l2: number,
): Float64Array | null {
  for (let t = 1; t > 1e-10; t /= 2) {
    const candidate = beta.map((b, i) => b + t * step[i]);
    const eta = design.times(candidate);
    let value = penalty(candidate, design.intercept, l2);
    for (let r = 0; r < y.length; r++) value += (w ? w[r] : 1) * negativeLogLikelihood(y[r], eta[r]);
    if (value <= objective + 1e-4 * t * slope) return candidate;
  }
  return null;
}

/** −log p(y | η) = log(1 + e^η) − yη, without overflow. */
function negativeLogLikelihood(y: number, eta: number): number {
  const softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
  return softplus - y * eta;
}

function penalty(beta: Float64Array, intercept: boolean, l2: number): number {
  let sum = 0;
  for (let i = intercept ? 1 : 0; i < beta.length; i++) sum += beta[i] * beta[i];
  return (l2 / 2) * sum;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
