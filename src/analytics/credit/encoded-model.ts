import { z } from 'zod';
import type { Model } from '../ml/model.js';
import { parseWith, requireFitted } from '../ml/model.js';
import { createModel, modelFromJSON } from '../ml/registry.js';
import type { CreditDataset } from './credit-dataset.js';
import type { CreditModel } from './credit-model.js';
import { EncodedColumn, encodeOneHot, fitOneHot } from './one-hot-encoder.js';

/** Hyper-parameters of {@link EncodedModel}. */
export const EncodedModelParams = z.object({
  /** Name of a binary model in the analytics/ml registry ('logistic', 'gbdt', ...). */
  model: z.string().min(1).default('logistic'),
  /** Its hyper-parameters (for 'gbdt' pass objective: 'binary_logistic'). */
  modelParams: z.record(z.string(), z.unknown()).default({}),
  /** Z-score numeric features before the model sees them. */
  standardize: z.boolean().default(true),
});
export type EncodedModelParams = z.output<typeof EncodedModelParams>;
export type EncodedModelParamsInput = z.input<typeof EncodedModelParams>;

const EncodedModelJson = z.object({
  kind: z.literal('encoded'),
  version: z.literal(1),
  params: z.record(z.string(), z.unknown()),
  columns: z.array(EncodedColumn),
  model: z.object({ kind: z.string(), version: z.number() }).loose(),
});
type EncodedModelJson = z.infer<typeof EncodedModelJson>;

/**
 * Any binary model of the ml registry on one-hot encoded credit data: the benchmark beside the
 * scorecard (plain logistic regression on one-hot features, gradient-boosted trees).
 */
export class EncodedModel implements CreditModel {
  readonly kind = 'encoded';
  readonly params: EncodedModelParams;
  private fitted: { columns: EncodedColumn[]; model: Model } | undefined;

  constructor(params: EncodedModelParamsInput = {}) {
    this.params = parseWith(EncodedModelParams, params, 'encoded model parameter');
  }

  fit(train: CreditDataset): this {
    train.requireTarget(`encoded ${this.params.model} model`);
    const columns = fitOneHot(train, this.params.standardize);
    const model = createModel(this.params.model, this.params.modelParams).fit(encodeOneHot(columns, train));
    this.fitted = { columns, model };
    return this;
  }

  /** The fitted ml model (e.g. for coefficients or feature importance). */
  get model(): Model {
    return this.state.model;
  }

  predict(data: CreditDataset): Float64Array {
    return this.state.model.predict(encodeOneHot(this.state.columns, data));
  }

  toJSON(): EncodedModelJson {
    return { kind: 'encoded', version: 1, params: { ...this.params }, columns: this.state.columns, model: this.state.model.toJSON() };
  }

  static fromJSON(json: unknown): EncodedModel {
    const parsed = parseWith(EncodedModelJson, json, 'encoded model JSON');
    const model = new EncodedModel(parsed.params as EncodedModelParamsInput);
    model.fitted = { columns: parsed.columns, model: modelFromJSON(parsed.model) };
    return model;
  }

  private get state() {
    return requireFitted(this.fitted, this.kind);
  }
}
