import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../../../core/errors.js';
import { Dataset } from '../dataset.js';
import { binaryFixture, friedman1 } from '../fixtures/fixtures.testkit.js';
import { GradientBoostingModel } from './gradient-boosting-model.js';

// Reference numbers: XGBoost 1.7.4 (tree_method='hist', the same hyper-parameters, base_score =
// mean label) on the same fixtures, from fixtures/reference.py.
const XGB_FRIEDMAN_RMSE = 1.3493767133718753;
const XGB_BINARY_AUC = 0.8307161093677948;
const xgbLike = {
  nEstimators: 200, learningRate: 0.1, maxDepth: 6, lambda: 1, minChildWeight: 1, minDataInLeaf: 1,
  growth: 'depthwise', earlyStoppingRounds: 0,
} as const;

const friedmanTrain = friedman1(2000, 1);
const friedmanTest = friedman1(2000, 2);
const binaryTrain = binaryFixture(3000, 5);
const binaryTest = binaryFixture(3000, 6);

function rmse(data: Dataset, predicted: Float64Array): number {
  const y = data.requireTarget('test');
  return Math.sqrt(predicted.reduce((s, p, i) => s + (p - y[i]) ** 2, 0) / y.length);
}

/** Mann–Whitney AUC (ties are not expected with continuous scores). */
function auc(data: Dataset, scores: Float64Array): number {
  const y = data.requireTarget('test');
  const order = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  order.forEach((row, rank) => (rankSum += y[row] === 1 ? rank + 1 : 0));
  const pos = y.reduce((s, v) => s + v, 0);
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * (y.length - pos));
}

const regression = new GradientBoostingModel(xgbLike).fit(friedmanTrain);
const binary = new GradientBoostingModel({ ...xgbLike, objective: 'binary_logistic' }).fit(binaryTrain);

describe('GradientBoostingModel accuracy against XGBoost hist', () => {
  it('regression on Friedman #1 reaches an RMSE within 10% of XGBoost', () => {
    const error = rmse(friedmanTest, regression.predict(friedmanTest));
    expect(error).toBeLessThan(1.1 * XGB_FRIEDMAN_RMSE);
  });

  it('binary logistic (with missing values) reaches an AUC within 0.01 of XGBoost, as probabilities', () => {
    const p = binary.predict(binaryTest);
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
    expect(Math.abs(auc(binaryTest, p) - XGB_BINARY_AUC)).toBeLessThan(0.01);
  });

  it('quantile 0.9 covers between 85% and 95% of held-out rows', () => {
    const train = friedman1(8000, 11);
    const test = friedman1(4000, 12);
    const model = new GradientBoostingModel({ objective: 'quantile', alpha: 0.9, nEstimators: 200, learningRate: 0.1, maxDepth: 3 }).fit(train);
    const q = model.predict(test);
    const covered = q.filter((v, i) => test.target![i] <= v).length / q.length;
    expect(covered).toBeGreaterThan(0.85);
    expect(covered).toBeLessThan(0.95);
  });
});

describe('GradientBoostingModel early stopping', () => {
  it('stops once the validation loss has not improved for earlyStoppingRounds and keeps the best trees', () => {
    const model = new GradientBoostingModel({ nEstimators: 2000, learningRate: 0.3, earlyStoppingRounds: 10 });
    model.fit(friedmanTrain, { validation: friedmanTest });
    const validation = model.history?.validation ?? [];
    expect(validation.length).toBeLessThan(2000);
    expect(validation.length).toBe(model.bestIteration + 1 + 10);
    expect(model.treeCount).toBe(model.bestIteration + 1);
    expect(Math.min(...validation)).toBe(validation[model.bestIteration]);
  });
});

describe('GradientBoostingModel persistence and explanations', () => {
  it('predicts identically after a JSON round trip (with and without missing values)', () => {
    for (const [model, data] of [[regression, friedmanTest], [binary, binaryTest]] as const) {
      const restored = GradientBoostingModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
      expect(restored.predict(data)).toEqual(model.predict(data));
    }
  });

  it('matches features by name, not position', () => {
    const names = [...friedmanTest.featureNames].reverse();
    const shuffled = Dataset.fromColumns(Object.fromEntries(names.map((n) => [n, friedmanTest.column(n)])));
    expect(regression.predict(shuffled)).toEqual(regression.predict(friedmanTest));
  });

  it('path contributions add up to the raw score, and gain importance finds the signal features', () => {
    const raw = binary.predictRaw(binaryTest);
    for (const row of [0, 1, 17, 2999]) {
      const c = binary.contributions(binaryTest, row);
      expect(c.bias + c.values.reduce((a, b) => a + b, 0)).toBeCloseTo(raw[row], 9);
    }
    const top = regression.featureImportance().slice(0, 5).map((f) => f.feature).sort();
    expect(top).toEqual(['x0', 'x1', 'x2', 'x3', 'x4']);
    expect(regression.featureImportance().reduce((s, f) => s + f.share, 0)).toBeCloseTo(1, 12);
  });

  it('is deterministic for a seed and varies with it under row and column subsampling', () => {
    const params = { nEstimators: 20, subsample: 0.7, colsample: 0.5 };
    const a = new GradientBoostingModel(params).fit(friedmanTrain).predict(friedmanTest);
    const b = new GradientBoostingModel(params).fit(friedmanTrain).predict(friedmanTest);
    const c = new GradientBoostingModel({ ...params, seed: 7 }).fit(friedmanTrain).predict(friedmanTest);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});

describe('GradientBoostingModel validation', () => {
  it('rejects bad parameters, unfitted use, missing features, bad labels and too few rows', () => {
    expect(() => new GradientBoostingModel({ learningRate: 0 })).toThrow(ValidationError);
    expect(() => new GradientBoostingModel({ maxBins: 256 })).toThrow(/maxBins/);
    expect(() => new GradientBoostingModel().predict(friedmanTest)).toThrow(/not fitted/);
    const narrow = Dataset.fromColumns({ x0: [1, 2] });
    expect(() => regression.predict(narrow)).toThrow(/no feature x1/);
    expect(() => new GradientBoostingModel({ objective: 'binary_logistic' }).fit(friedmanTrain)).toThrow(/0\/1 labels/);
    expect(() => new GradientBoostingModel().fit(friedmanTrain.subset([0, 1, 2]))).toThrow(InsufficientDataError);
    expect(() => regression.contributions(friedmanTest, 2000)).toThrow(ValidationError);
  });
});
