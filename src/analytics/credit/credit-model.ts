import type { ModelJson } from '../ml/model.js';
import type { CreditDataset } from './credit-dataset.js';

/**
 * The shape every credit model shares (STYLE.md item 5, on mixed numeric and categorical data):
 * hyper-parameters fixed at construction, `fit` on a validated {@link CreditDataset} whose target
 * is 1 for bad, `predict` the probability of bad per row, and a persisted JSON form.
 */
export interface CreditModel {
  readonly kind: string;
  fit(train: CreditDataset): this;
  /** Probability of bad (default, arrears) per row. */
  predict(data: CreditDataset): Float64Array;
  toJSON(): ModelJson;
}
