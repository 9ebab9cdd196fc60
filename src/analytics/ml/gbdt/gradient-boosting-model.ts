import { ValidationError } from '../../../core/errors.js';
import type { Dataset } from '../dataset.js';
import { parseWith, requireFitted, type FitOptions, type Model } from '../model.js';
import { trainBoosting, type TrainingHistory } from './boosting-trainer.js';
import { GbdtJson, treeFromJson, treeToJson } from './gbdt-json.js';
import { GbdtParams, type GbdtParamsInput } from './gbdt-params.js';
import { objectiveRegistry, type Objective } from './objectives.js';
import { TreeEnsemble } from './tree-ensemble.js';
import { gainImportance, pathContributions, type Contributions, type FeatureImportance } from './tree-explainer.js';

interface Fitted {
  readonly featureNames: readonly string[];
  readonly ensemble: TreeEnsemble;
  readonly bestIteration: number;
  readonly history: TrainingHistory | undefined;
}

/**
 * Histogram-based gradient-boosted decision trees (in the manner of LightGBM and XGBoost "hist"):
 * ≤255 quantile bins per feature with a missing-value bin and a learned default direction,
 * leaf-wise or depth-wise growth, Newton leaves with L2 regularisation, shrinkage, seeded row and
 * column subsampling, and early stopping on a validation set.
 *
 * @example
 * const model = new GradientBoostingModel({ objective: 'binary_logistic' }).fit(train, { validation });
 * const probabilities = model.predict(test);
 */
export class GradientBoostingModel implements Model {
  readonly kind = 'gbdt';
  readonly params: GbdtParams;
  private readonly objective: Objective;
  private fitted: Fitted | undefined;

  constructor(params: GbdtParamsInput = {}) {
    this.params = parseWith(GbdtParams, params, 'gbdt parameter');
    this.objective = objectiveRegistry[this.params.objective](this.params);
  }

  get featureNames(): readonly string[] {
    return this.fitted?.featureNames ?? [];
  }

  /** Trees kept: all of them, or up to the best validation round when early stopping is on (validation given, earlyStoppingRounds > 0). */
  get treeCount(): number {
    return this.state.ensemble.trees.length;
  }

  /** Zero-based boosting round with the best validation loss (the last round without validation). */
  get bestIteration(): number {
    return this.state.bestIteration;
  }

  /** Per-round losses of the last `fit` (undefined on a restored model). */
  get history(): TrainingHistory | undefined {
    return this.state.history;
  }

  fit(train: Dataset, options: FitOptions = {}): this {
    const result = trainBoosting(this.params, this.objective, train, options.validation);
    this.fitted = { featureNames: train.featureNames, ...result };
    return this;
  }

  /** Predictions on the objective's scale: values, probabilities (binary) or quantiles. */
  predict(data: Dataset): Float64Array {
    const raw = this.predictRaw(data);
    const transform = this.objective.transform;
    for (let i = 0; i < raw.length; i++) raw[i] = transform(raw[i]);
    return raw;
  }

  /** Raw scores (log-odds for binary_logistic). */
  predictRaw(data: Dataset): Float64Array {
    const { ensemble, featureNames } = this.state;
    return ensemble.predictRaw(data, data.columnsOf(featureNames));
  }

  featureImportance(): FeatureImportance[] {
    return gainImportance(this.state.ensemble, this.state.featureNames);
  }

  /** Saabas path contributions of one row, in raw units (bias + Σ values = predictRaw). */
  contributions(data: Dataset, row: number): Contributions {
    if (!Number.isInteger(row) || row < 0 || row >= data.nRows) {
      throw new ValidationError(`row ${row} is outside the dataset (${data.nRows} rows)`, { row });
    }
    const { ensemble, featureNames } = this.state;
    return pathContributions(ensemble, featureNames, data.values, row * data.nFeatures, data.columnsOf(featureNames));
  }

  toJSON(): GbdtJson {
    const { ensemble, featureNames, bestIteration } = this.state;
    return {
      kind: 'gbdt',
      version: 1,
      params: { ...this.params },
      featureNames: [...featureNames],
      baseScore: ensemble.baseScore,
      bestIteration,
      trees: ensemble.trees.map(treeToJson),
    };
  }

  static fromJSON(json: unknown): GradientBoostingModel {
    const parsed = parseWith(GbdtJson, json, 'gbdt model JSON');
    const model = new GradientBoostingModel(parsed.params as GbdtParamsInput);
    const trees = parsed.trees.map((tree, i) => treeFromJson(tree, parsed.featureNames.length, i));
    model.fitted = {
      featureNames: Object.freeze([...parsed.featureNames]),
      ensemble: new TreeEnsemble(trees, parsed.baseScore),
      bestIteration: parsed.bestIteration,
      history: undefined,
    };
    return model;
  }

  private get state(): Fitted {
    return requireFitted(this.fitted, this.kind);
  }
}
