import { z } from 'zod';
import { InsufficientDataError } from '../../../core/errors.js';
import type { Dataset } from '../dataset.js';
import { parseWith, requireFitted, type Model } from '../model.js';
import { DesignMatrix } from './design-matrix.js';
import {
  addRidge,
  coefficientsFromJson,
  coefficientsToJson,
  fromDesign,
  LinearCoefficientsJson,
  linearPredictor,
  subtractRidgeGradient,
  type LinearCoefficients,
} from './linear-coefficients.js';
import { GramCholesky } from './gram-cholesky.js';

/** Hyper-parameters of {@link LeastSquaresModel}. */
export const LeastSquaresParams = z.object({
  fitIntercept: z.boolean().default(true),
  /** Ridge penalty λ: minimises Σ w(y − ŷ)² + λ‖β‖² (intercept not penalised); 0 = ordinary least squares. */
  l2: z.number().min(0).default(0),
  /**
   * Relative pivot (on the unit-diagonal Gram matrix) below which a column counts as collinear and
   * is dropped. 1e-11 keeps columns of X with a condition number up to about 3·10⁵ against the rest.
   */
  rankTolerance: z.number().gt(0).lt(1).default(1e-11),
  /** Iterative-refinement steps on the normal equations (recover accuracy lost to conditioning). */
  refinementSteps: z.number().int().min(0).max(10).default(1),
});
export type LeastSquaresParams = z.output<typeof LeastSquaresParams>;
export type LeastSquaresParamsInput = z.input<typeof LeastSquaresParams>;

/** A least-squares fit: coefficients plus residual facts (σ and degrees of freedom). */
export interface LeastSquaresFit extends LinearCoefficients {
  /** √(weighted RSS / residual degrees of freedom); rows with weight 0 are not observations. */
  readonly sigma: number;
  readonly dfResidual: number;
}

const LeastSquaresJson = z.object({
  kind: z.literal('linear'),
  version: z.literal(1),
  params: z.record(z.string(), z.unknown()),
  fit: LinearCoefficientsJson,
  sigma: z.number().nullable(),
  dfResidual: z.number().int(),
});
type LeastSquaresJson = z.infer<typeof LeastSquaresJson>;

/**
 * Ordinary or ridge least squares by the normal equations: a sparse-aware Gram matrix, a
 * Cholesky factorisation that drops collinear columns (full dummy sets plus an intercept are
 * fine), and iterative refinement against the original rows. Standard errors for OLS.
 */
export class LeastSquaresModel implements Model {
  readonly kind = 'linear';
  readonly params: LeastSquaresParams;
  private fitted: LeastSquaresFit | undefined;

  constructor(params: LeastSquaresParamsInput = {}) {
    this.params = parseWith(LeastSquaresParams, params, 'linear parameter');
  }

  get featureNames(): readonly string[] {
    return this.fitted?.featureNames ?? [];
  }

  get result(): LeastSquaresFit {
    return requireFitted(this.fitted, this.kind);
  }

  fit(train: Dataset): this {
    const y = train.requireTarget('least squares');
    train.requireComplete('least squares');
    if (train.nRows === 0) throw new InsufficientDataError('least squares training rows', 0, 1);
    const design = new DesignMatrix(train, this.params.fitIntercept);
    const w = train.weights;
    const { beta, factor, residuals } = solveRefined(design, y, w, this.params);
    const rss = residuals.reduce((s, e, r) => s + (w ? w[r] : 1) * e * e, 0);
    const observations = w ? w.filter((v) => v > 0).length : train.nRows;
    const dfResidual = observations - factor.rank;
    const sigma = dfResidual > 0 ? Math.sqrt(rss / dfResidual) : NaN;
    const variances = this.params.l2 === 0 && dfResidual > 0 ? factor.inverseDiagonal().map((v) => v * sigma * sigma) : undefined;
    this.fitted = { ...fromDesign(design, beta, factor, variances), sigma, dfResidual };
    return this;
  }

  predict(data: Dataset): Float64Array {
    return linearPredictor(this.result, data);
  }

  toJSON(): LeastSquaresJson {
    const { sigma, dfResidual } = this.result;
    return {
      kind: 'linear',
      version: 1,
      params: { ...this.params },
      fit: coefficientsToJson(this.result),
      sigma: Number.isFinite(sigma) ? sigma : null,
      dfResidual,
    };
  }

  static fromJSON(json: unknown): LeastSquaresModel {
    const parsed = parseWith(LeastSquaresJson, json, 'linear model JSON');
    const model = new LeastSquaresModel(parsed.params as LeastSquaresParamsInput);
    model.fitted = { ...coefficientsFromJson(parsed.fit), sigma: parsed.sigma ?? NaN, dfResidual: parsed.dfResidual };
    return model;
  }
}

/**
 * Solves the (ridge) normal equations, then refines: each step solves for the correction from the
 * residuals of the original rows, recovering accuracy lost to the squared conditioning of XᵀWX.
 */
function solveRefined(design: DesignMatrix, y: Float64Array, w: Float64Array | undefined, params: LeastSquaresParams) {
  const { fitIntercept, l2, rankTolerance, refinementSteps } = params;
  const gram = design.gram(w);
  addRidge(gram, design.width, fitIntercept, l2);
  const factor = new GramCholesky(gram, design.width, rankTolerance);
  const beta = new Float64Array(design.width);
  let residuals = Float64Array.from(y);
  for (let step = 0; step <= refinementSteps; step++) {
    const rhs = design.transposeTimes(w ? residuals.map((v, r) => v * w[r]) : residuals);
    subtractRidgeGradient(rhs, beta, fitIntercept, l2);
    const delta = factor.solve(rhs);
    for (let i = 0; i < beta.length; i++) beta[i] += delta[i];
    residuals = design.times(beta).map((v, r) => y[r] - v);
  }
  return { beta, factor, residuals };
}
