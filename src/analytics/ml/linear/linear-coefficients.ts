import { z } from 'zod';
import type { Dataset } from '../dataset.js';
import type { DesignMatrix } from './design-matrix.js';
import type { GramCholesky } from './gram-cholesky.js';

/** The name under which the intercept is reported (e.g. in `aliased`). */
export const INTERCEPT = '(intercept)';

/** Fitted coefficients of a linear or logistic model. */
export interface LinearCoefficients {
  readonly featureNames: readonly string[];
  /** 0 when the model has no intercept. */
  readonly intercept: number;
  /** One per feature, in `featureNames` order; 0 for aliased features. */
  readonly coefficients: Float64Array;
  /** Asymptotic standard errors; only for unregularised fits, NaN for aliased terms. */
  readonly standardErrors?: { readonly intercept: number; readonly coefficients: Float64Array };
  /** Terms dropped as collinear with the others (coefficient 0). */
  readonly aliased: readonly string[];
  /** Number of estimated (non-aliased) terms, intercept included. */
  readonly rank: number;
}

export const LinearCoefficientsJson = z.object({
  featureNames: z.array(z.string()).min(1),
  intercept: z.number(),
  coefficients: z.array(z.number()),
  standardErrors: z.object({ intercept: z.number().nullable(), coefficients: z.array(z.number().nullable()) }).optional(),
  aliased: z.array(z.string()),
  rank: z.number().int().min(0),
}).refine((j) => j.coefficients.length === j.featureNames.length, 'one coefficient per feature is required');
export type LinearCoefficientsJson = z.infer<typeof LinearCoefficientsJson>;

/** Splits a design-space vector (intercept first when present) into intercept and coefficients. */
export function fromDesign(
  design: DesignMatrix,
  beta: Float64Array,
  factor: GramCholesky,
  variances: Float64Array | undefined,
): LinearCoefficients {
  const names = design.data.featureNames;
  const offset = design.intercept ? 1 : 0;
  const aliased = [...(design.intercept && !factor.kept[0] ? [INTERCEPT] : []), ...names.filter((_, f) => !factor.kept[f + offset])];
  const se = variances && Float64Array.from(variances, Math.sqrt);
  return {
    featureNames: names,
    intercept: design.intercept ? beta[0] : 0,
    coefficients: beta.slice(offset),
    standardErrors: se && { intercept: design.intercept ? se[0] : NaN, coefficients: se.slice(offset) },
    aliased,
    rank: factor.rank,
  };
}

/** Intercept + Σ coefficient × feature for every row of a dataset (features matched by name). */
export function linearPredictor(fit: LinearCoefficients, data: Dataset): Float64Array {
  const columns = data.columnsOf(fit.featureNames);
  const out = new Float64Array(data.nRows);
  const { values, nFeatures: p } = data;
  for (let r = 0; r < data.nRows; r++) {
    let s = fit.intercept;
    for (let f = 0; f < columns.length; f++) s += fit.coefficients[f] * values[r * p + columns[f]];
    out[r] = s;
  }
  return out;
}

/** Adds λ to the diagonal of the penalised (non-intercept) design columns. */
export function addRidge(gram: Float64Array, width: number, intercept: boolean, lambda: number): void {
  if (lambda === 0) return;
  for (let i = intercept ? 1 : 0; i < width; i++) gram[i * width + i] += lambda;
}

/** The penalty's gradient λβ on non-intercept terms, subtracted from `out`. */
export function subtractRidgeGradient(out: Float64Array, beta: Float64Array, intercept: boolean, lambda: number): void {
  for (let i = intercept ? 1 : 0; i < beta.length; i++) out[i] -= lambda * beta[i];
}

export function coefficientsToJson(fit: LinearCoefficients): LinearCoefficientsJson {
  const nullable = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    featureNames: [...fit.featureNames],
    intercept: fit.intercept,
    coefficients: Array.from(fit.coefficients),
    standardErrors: fit.standardErrors && {
      intercept: nullable(fit.standardErrors.intercept),
      coefficients: Array.from(fit.standardErrors.coefficients, nullable),
    },
    aliased: [...fit.aliased],
    rank: fit.rank,
  };
}

export function coefficientsFromJson(json: LinearCoefficientsJson): LinearCoefficients {
  const nan = (v: number | null) => v ?? NaN;
  return {
    featureNames: Object.freeze([...json.featureNames]),
    intercept: json.intercept,
    coefficients: Float64Array.from(json.coefficients),
    standardErrors: json.standardErrors && {
      intercept: nan(json.standardErrors.intercept),
      coefficients: Float64Array.from(json.standardErrors.coefficients, nan),
    },
    aliased: json.aliased,
    rank: json.rank,
  };
}
