import { z } from 'zod';
import { InsufficientDataError, ValidationError } from '../../../core/errors.js';
import type { Dataset } from '../dataset.js';
import { parseWith, requireFitted, type Model } from '../model.js';
import { DesignMatrix } from './design-matrix.js';
import {
  coefficientsFromJson,
  coefficientsToJson,
  fromDesign,
  LinearCoefficientsJson,
  linearPredictor,
  type LinearCoefficients,
} from './linear-coefficients.js';
import { newtonLogistic } from './logistic-newton.js';

/** Hyper-parameters of {@link LogisticRegressionModel}. */
export const LogisticParams = z.object({
  fitIntercept: z.boolean().default(true),
  /**
   * L2 penalty λ: minimises Σ w·logloss + λ/2‖β‖² (intercept not penalised), i.e. scikit-learn's
   * C = 1/λ. The default 1 is scikit-learn's default C = 1; use 0 for an unregularised fit with
   * standard errors (e.g. a scorecard on WoE features).
   */
  l2: z.number().min(0).default(1),
  maxIterations: z.number().int().min(1).max(1000).default(100),
  /** Stop when half the squared Newton decrement falls below this. */
  tolerance: z.number().gt(0).default(1e-12),
  /** Relative pivot below which a column is collinear and dropped (see LeastSquaresParams). */
  rankTolerance: z.number().gt(0).lt(1).default(1e-11),
});
export type LogisticParams = z.output<typeof LogisticParams>;
export type LogisticParamsInput = z.input<typeof LogisticParams>;

export interface LogisticFit extends LinearCoefficients {
  /** Log-likelihood Σ w·log p(y) at the solution (without the penalty). */
  readonly logLikelihood: number;
  readonly iterations: number;
  /** False when the iteration limit was hit, or when an unpenalised fit separates the classes perfectly (no MLE). */
  readonly converged: boolean;
}

const LogisticJson = z.object({
  kind: z.literal('logistic'),
  version: z.literal(1),
  params: z.record(z.string(), z.unknown()),
  fit: LinearCoefficientsJson,
  logLikelihood: z.number(),
  iterations: z.number().int(),
  converged: z.boolean(),
});
type LogisticJson = z.infer<typeof LogisticJson>;

/**
 * Binary logistic regression fitted by Newton's method (IRLS) with a backtracking line search.
 * `predict` returns probabilities; `predictLogOdds` the linear predictor for scorecard points.
 */
export class LogisticRegressionModel implements Model {
  readonly kind = 'logistic';
  readonly params: LogisticParams;
  private fitted: LogisticFit | undefined;

  constructor(params: LogisticParamsInput = {}) {
    this.params = parseWith(LogisticParams, params, 'logistic parameter');
  }

  get featureNames(): readonly string[] {
    return this.fitted?.featureNames ?? [];
  }

  get result(): LogisticFit {
    return requireFitted(this.fitted, this.kind);
  }

  fit(train: Dataset): this {
    const y = train.requireTarget('logistic regression');
    train.requireComplete('logistic regression');
    const bad = y.findIndex((v) => v !== 0 && v !== 1);
    if (bad >= 0) throw new ValidationError(`logistic regression needs 0/1 labels; row ${bad} is ${y[bad]}`, { row: bad });
    if (train.nRows === 0) throw new InsufficientDataError('logistic regression training rows', 0, 1);
    const design = new DesignMatrix(train, this.params.fitIntercept);
    const solution = newtonLogistic(design, y, train.weights, this.params);
    const variances = this.params.l2 === 0 ? solution.factor.inverseDiagonal() : undefined;
    this.fitted = {
      ...fromDesign(design, solution.beta, solution.factor, variances),
      logLikelihood: solution.logLikelihood,
      iterations: solution.iterations,
      converged: solution.converged,
    };
    return this;
  }

  /** Probability of the positive class (label 1) per row. */
  predict(data: Dataset): Float64Array {
    return this.predictLogOdds(data).map((eta) => 1 / (1 + Math.exp(-eta)));
  }

  /** Linear predictor (log-odds of label 1) per row. */
  predictLogOdds(data: Dataset): Float64Array {
    return linearPredictor(this.result, data);
  }

  toJSON(): LogisticJson {
    const { logLikelihood, iterations, converged } = this.result;
    return { kind: 'logistic', version: 1, params: { ...this.params }, fit: coefficientsToJson(this.result), logLikelihood, iterations, converged };
  }

  static fromJSON(json: unknown): LogisticRegressionModel {
    const parsed = parseWith(LogisticJson, json, 'logistic model JSON');
    const model = new LogisticRegressionModel(parsed.params as LogisticParamsInput);
    const { logLikelihood, iterations, converged } = parsed;
    model.fitted = { ...coefficientsFromJson(parsed.fit), logLikelihood, iterations, converged };
    return model;
  }
}
