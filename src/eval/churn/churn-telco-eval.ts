import { ChurnModel } from '../../analytics/churn/index.js';
import { Dataset, GradientBoostingModel } from '../../analytics/ml/index.js';
import { DEFAULT_SEED, type EvalOptions, type EvalResult } from '../credit/eval-types.js';
import { StepTimer } from '../credit/step-timer.js';
import { stratifiedHoldout } from '../credit/stratified-split.js';
import { rocAuc } from '../metrics/index.js';
import { loadTelcoChurn, type TelcoChurn } from './telco-churn.js';

export const CHURN_TELCO_EVAL_NAME = 'churn-telco';
export const CHURN_TELCO_EVAL_DESCRIPTION =
  'Churn model on IBM telco churn (7,043 customers): standardised logistic regression with reason codes and the GBDT for comparison, ' +
  'ROC AUC on a stratified 25% hold-out, against a contract-type rule and a tenure-only baseline';

const MIN_AUC = 0.82;
const TEST_SHARE = 0.25;

const rows = (data: TelcoChurn, idx: Int32Array) => {
  const p = data.features.length;
  const values = new Float64Array(idx.length * p);
  idx.forEach((r, i) => values.set(data.values.subarray(r * p, (r + 1) * p), i * p));
  return { values, labels: Int32Array.from(idx, (r) => data.labels[r]) };
};

export async function runChurnTelcoEval(options: EvalOptions = {}): Promise<EvalResult> {
  const timer = new StepTimer();
  const seed = options.seed ?? DEFAULT_SEED;
  const data = await timer.runAsync('load', () => loadTelcoChurn(options.dataDir));
  const split = stratifiedHoldout(data.labels, TEST_SHARE, seed);
  const train = rows(data, split.train);
  const test = rows(data, split.test);
  const yTest = Array.from(test.labels);
  const model = timer.run('logistic', () => ChurnModel.fit(data.features, train.values, train.labels, { source: 'telco_churn_ibm training split' }));
  const lrAuc = rocAuc(yTest, Array.from(model.predict(test.values)));
  const gbdtAuc = timer.run('gbdt', () => gbdtAucOf(data, train, test, seed));
  const contractScore = Array.from(split.test, (r) => ({ 'Month-to-month': 2, 'One year': 1, 'Two year': 0 })[data.contract[r]] ?? 1);
  const contractAuc = rocAuc(yTest, contractScore);
  const tenureAuc = rocAuc(yTest, Array.from(split.test, (r) => -data.tenure[r]));
  const json = model.json;
  const effects = json.features.map((f, j) => ({ feature: f.name, perSd: json.coefficients[j] })).sort((a, b) => Math.abs(b.perSd) - Math.abs(a.perSd));
  const example = Array.from(model.predict(test.values)).reduce((best, s, i, all) => (s > all[best] ? i : best), 0);
  return {
    name: CHURN_TELCO_EVAL_NAME, description: CHURN_TELCO_EVAL_DESCRIPTION, passed: lrAuc >= MIN_AUC && lrAuc > contractAuc,
    metrics: { aucLogistic: lrAuc, aucGbdt: gbdtAuc, aucContractRule: contractAuc, aucTenureOnly: tenureAuc, trainRows: split.train.length, testRows: split.test.length, churnRate: data.labels.reduce((s, y) => s + y, 0) / data.labels.length },
    reference: { metric: 'ROC AUC of logistic regression on a hold-out', low: 0.84, high: 0.85, minimum: MIN_AUC, source: 'community figure for this data set (../shared/data/README.md), not peer reviewed' },
    checks: [
      { name: 'logistic AUC', passed: lrAuc >= MIN_AUC, detail: `${lrAuc.toFixed(4)} ≥ ${MIN_AUC} (reference about 0.84)` },
      { name: 'beats the contract-type rule', passed: lrAuc > contractAuc, detail: `${lrAuc.toFixed(4)} > ${contractAuc.toFixed(4)}` },
    ],
    details: { seed, testShare: TEST_SHARE, strongestEffectsPerSd: effects.slice(0, 8), exampleReasons: model.reasons(test.values, example) },
    timings: timer.timings,
  };
}

function gbdtAucOf(data: TelcoChurn, train: { values: Float64Array; labels: Int32Array }, test: { values: Float64Array; labels: Int32Array }, seed: number): number {
  const names = data.features.map((f) => f.name);
  const inner = stratifiedHoldout(train.labels, 0.2, seed + 1);
  const part = (idx: Int32Array) => {
    const p = names.length;
    const values = new Float64Array(idx.length * p);
    idx.forEach((r, i) => values.set(train.values.subarray(r * p, (r + 1) * p), i * p));
    return new Dataset({ featureNames: names, values, target: Float64Array.from(idx, (r) => train.labels[r]) });
  };
  const gbdt = new GradientBoostingModel({ objective: 'binary_logistic', nEstimators: 500, learningRate: 0.03, numLeaves: 8, minDataInLeaf: 40, seed })
    .fit(part(inner.train), { validation: part(inner.test) });
  return rocAuc(Array.from(test.labels), Array.from(gbdt.predict(new Dataset({ featureNames: names, values: test.values }))));
}
