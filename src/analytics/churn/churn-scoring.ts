import { ChurnModel, type ChurnReason } from './churn-model.js';
import type { UtilityChurnData } from './utility-churn-features.js';
import { utilityChurnFeatures } from './utility-churn-features.js';
import { utilityChurnPrior } from './utility-churn-prior.js';

/** Customers who left needed on each side before the store's own outcomes are used for fitting. */
export const MIN_OUTCOMES = 30;

export interface ChurnScore {
  readonly customerId: string;
  readonly score: number;
  readonly band: 'high' | 'medium' | 'low';
  readonly reasons: readonly ChurnReason[];
}

export interface ChurnScoring {
  readonly model: ChurnModel;
  /** fitted on the store's outcomes, or the stated prior. */
  readonly mode: 'fitted' | 'prior';
  readonly scores: readonly ChurnScore[];
}

/**
 * Scores every customer: a model fitted on the store's own outcomes (customers whose status says they
 * left) when there are at least {@link MIN_OUTCOMES} on each side, else the prior. Bands: the top 10%
 * of scores is high, the next 20% medium.
 */
export function scoreChurn(data: UtilityChurnData): ChurnScoring {
  const leavers = data.left.reduce((s, v) => s + v, 0);
  const fitted = leavers >= MIN_OUTCOMES && data.left.length - leavers >= MIN_OUTCOMES;
  const model = fitted
    ? ChurnModel.fit(utilityChurnFeatures, data.values, data.left, { source: `fitted on ${data.left.length} customers of the store (${leavers} left)` })
    : utilityChurnPrior(data.values);
  const p = model.predict(data.values);
  const sorted = Float64Array.from(p).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 1;
  const high = at(0.9);
  const medium = at(0.7);
  const scores = data.customerIds.map((customerId, i) => ({
    customerId, score: p[i], band: p[i] >= high ? 'high' as const : p[i] >= medium ? 'medium' as const : 'low' as const,
    reasons: model.reasons(data.values, i),
  }));
  return { model, mode: fitted ? 'fitted' : 'prior', scores };
}
