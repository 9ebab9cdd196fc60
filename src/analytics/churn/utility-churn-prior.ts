import { ChurnModel, type ChurnModelJson } from './churn-model.js';
import { utilityChurnFeatures } from './utility-churn-features.js';

/**
 * Log-odds per standard deviation of the utility churn features when the store has no churn
 * outcomes to fit on (the demo utility has none: nobody leaves). Signs and sizes follow the
 * logistic model fitted on telco_churn_ibm (`gridlens eval churn-telco`), mapped to the nearest
 * utility analogue: tenure −1.5/sd there → −1.2 here; monthly charges and bill rises → +0.4 and
 * +0.3; manual payment (telco's electronic check) +0.3; complaints, late payment and tickets are
 * utility-only signals with moderate weights; digital engagement (telco's paperless billing) +0.1.
 * It ranks customers; its probabilities are not calibrated. Replace it by fitting on real outcomes.
 */
const PRIOR_PER_SD = [-1.2, 0.4, 0.3, 0.3, 0.3, 0.5, 0.2, 0.1];

/** Base rate the intercept reproduces for the average customer (annual switching of eligible customers). */
export const PRIOR_BASE_RATE = 0.08;

/** The prior model, standardised on the population being scored. */
export function utilityChurnPrior(values: Float64Array): ChurnModel {
  const p = utilityChurnFeatures.length;
  const n = values.length / p;
  const means = Array.from({ length: p }, (_, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[i * p + j];
    return n ? s / n : 0;
  });
  const scales = means.map((m, j) => {
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (values[i * p + j] - m) ** 2;
    return Math.sqrt(n ? ss / n : 0) || 1;
  });
  const json: ChurnModelJson = {
    kind: 'churn-logistic', version: 1, features: utilityChurnFeatures, means, scales,
    intercept: Math.log(PRIOR_BASE_RATE / (1 - PRIOR_BASE_RATE)), coefficients: PRIOR_PER_SD,
    source: 'prior: telco_churn_ibm effects mapped to utility analogues (no churn outcomes in the store)',
  };
  return ChurnModel.fromJSON(json);
}
