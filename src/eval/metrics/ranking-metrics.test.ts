import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { scoredLabels } from './fixtures/metric-fixtures.testkit.js';
import { averagePrecision, ksStatistic, precisionAtK, rocAuc } from './ranking-metrics.js';

// Expected values: scikit-learn 1.2.1 / scipy on the same fixture, from fixtures/reference.py.
const { labels, scores, probabilities } = scoredLabels();

describe('rocAuc', () => {
  it('equals roc_auc_score on tied scores (average ranks) and on continuous ones', () => {
    expect(rocAuc(labels, scores)).toBeCloseTo(0.906451550982801, 12);
    expect(rocAuc(labels, probabilities)).toBeCloseTo(0.8605843058968059, 12);
  });

  it('is 0.5 when every score ties and 1 for a perfect ranking', () => {
    expect(rocAuc([0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3])).toBe(0.5);
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
  });

  it('rejects a single class and non-binary labels', () => {
    expect(() => rocAuc([1, 1], [0.2, 0.3])).toThrow(ValidationError);
    expect(() => rocAuc([0, 2], [0.2, 0.3])).toThrow(/0\/1 labels/);
    expect(() => rocAuc([0, 1], [0.2, NaN])).toThrow(/score 1 is NaN/);
  });
});

describe('averagePrecision', () => {
  it('equals average_precision_score with and without ties', () => {
    expect(averagePrecision(labels, scores)).toBeCloseTo(0.8156955883891646, 12);
    expect(averagePrecision(labels, probabilities)).toBeCloseTo(0.7913021056240188, 12);
  });
});

describe('ksStatistic', () => {
  it('equals scipy ks_2samp between positive and negative scores', () => {
    expect(ksStatistic(labels, scores)).toBeCloseTo(0.5840755528255528, 12);
  });
});

describe('precisionAtK', () => {
  it('counts positives among the top k, ties in input order', () => {
    expect(precisionAtK(labels, scores, 50)).toBe(1);
    expect(precisionAtK(labels, scores, 120)).toBeCloseTo(0.7833333333333333, 12);
    expect(precisionAtK([0, 1, 1], [0.9, 0.9, 0.1], 1)).toBe(0);
  });

  it('rejects k outside 1..n', () => {
    expect(() => precisionAtK(labels, scores, 0)).toThrow(ValidationError);
    expect(() => precisionAtK(labels, scores, 501)).toThrow(ValidationError);
  });
});
