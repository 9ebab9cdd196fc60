import { ValidationError } from '../../core/errors.js';
import { Dataset } from '../ml/dataset.js';
import { LogisticRegressionModel } from '../ml/linear/index.js';

/** A feature of a churn model, with its plain-language wording for reason codes. */
export interface ChurnFeature {
  readonly name: string;
  readonly labelZh: string;
  readonly labelEn: string;
}

/** One reason behind a customer's score: a feature that pushes the log-odds up. */
export interface ChurnReason {
  readonly feature: string;
  readonly value: number;
  /** β·z: contribution to the log-odds relative to the average customer of the training data. */
  readonly contribution: number;
  readonly zh: string;
  readonly en: string;
}

/** The persisted form: standardisation and coefficients on standardised features. */
export interface ChurnModelJson {
  readonly kind: 'churn-logistic';
  readonly version: 1;
  readonly features: readonly ChurnFeature[];
  readonly means: readonly number[];
  readonly scales: readonly number[];
  readonly intercept: number;
  readonly coefficients: readonly number[];
  /** Where the coefficients come from (fitted on labels in the store, a data set, or a stated prior). */
  readonly source: string;
}

/**
 * Churn / switching risk as a logistic regression on standardised features (z = (x − mean) / sd), so
 * each coefficient is the change in log-odds per standard deviation and β·z is a reason code: how
 * far this customer's value moves the risk above the average customer's. L2-penalised.
 */
export class ChurnModel {
  private constructor(readonly json: ChurnModelJson) {}

  static fit(features: readonly ChurnFeature[], values: Float64Array, labels: ArrayLike<number>, options: { l2?: number; source: string }): ChurnModel {
    const p = features.length;
    const n = values.length / p;
    if (!Number.isInteger(n) || n !== labels.length) throw new ValidationError(`churn training data: ${values.length} values for ${p} features and ${labels.length} labels`);
    const means = new Array<number>(p).fill(0);
    const scales = new Array<number>(p).fill(0);
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += values[i * p + j];
      means[j] = s / n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (values[i * p + j] - means[j]) ** 2;
      scales[j] = Math.sqrt(ss / n) || 1;
    }
    const z = standardise(values, p, means, scales);
    const lr = new LogisticRegressionModel({ l2: options.l2 ?? 1 }).fit(new Dataset({ featureNames: features.map((f) => f.name), values: z, target: Float64Array.from(labels) }));
    const fit = lr.result;
    return new ChurnModel({ kind: 'churn-logistic', version: 1, features, means, scales, intercept: fit.intercept, coefficients: Array.from(fit.coefficients), source: options.source });
  }

  static fromJSON(json: ChurnModelJson): ChurnModel {
    const p = json.features.length;
    if (json.means.length !== p || json.scales.length !== p || json.coefficients.length !== p) throw new ValidationError(`churn model JSON: ${p} features but ${json.coefficients.length} coefficients`);
    return new ChurnModel(json);
  }

  /** Churn probability per row of `values` (row-major, the model's feature order). */
  predict(values: Float64Array): Float64Array {
    const p = this.json.features.length;
    const z = standardise(values, p, this.json.means, this.json.scales);
    const out = new Float64Array(values.length / p);
    for (let i = 0; i < out.length; i++) {
      let eta = this.json.intercept;
      for (let j = 0; j < p; j++) eta += this.json.coefficients[j] * z[i * p + j];
      out[i] = 1 / (1 + Math.exp(-eta));
    }
    return out;
  }

  /** The `top` largest positive contributions β·z of row `row`, largest first. */
  reasons(values: Float64Array, row: number, top = 3): ChurnReason[] {
    const { features, means, scales, coefficients } = this.json;
    const p = features.length;
    return features
      .map((f, j) => {
        const value = values[row * p + j];
        return { feature: f.name, value, contribution: coefficients[j] * ((value - means[j]) / scales[j]), zh: f.labelZh, en: f.labelEn };
      })
      .filter((r) => r.contribution > 0)
      .sort((a, b) => b.contribution - a.contribution)
      .slice(0, top);
  }
}

function standardise(values: Float64Array, p: number, means: readonly number[], scales: readonly number[]): Float64Array {
  const z = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const j = i % p;
    if (!Number.isFinite(values[i])) throw new ValidationError(`churn features: row ${Math.floor(i / p)} feature ${j} is not a finite number`);
    z[i] = (values[i] - means[j]) / scales[j];
  }
  return z;
}
