import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { scoredLabels } from './fixtures/metric-fixtures.testkit.js';
import { brierScore, confusionAtThreshold, logLoss } from './probability-metrics.js';

// Expected values: scikit-learn 1.2.1 on the same fixture, from fixtures/reference.py.
const { labels, scores, probabilities } = scoredLabels();

describe('logLoss and brierScore', () => {
  it('equal log_loss and brier_score_loss', () => {
    expect(logLoss(labels, probabilities)).toBeCloseTo(0.47318699084122917, 12);
    expect(brierScore(labels, probabilities)).toBeCloseTo(0.15663208240168727, 12);
  });

  it('clips certain wrong predictions instead of returning Infinity', () => {
    expect(logLoss([1], [0])).toBeCloseTo(-Math.log(1e-15), 9);
  });

  it('rejects probabilities outside [0, 1]', () => {
    expect(() => brierScore([1], [1.2])).toThrow(ValidationError);
  });
});

describe('confusionAtThreshold', () => {
  it('matches confusion_matrix, precision, recall and f1 at score >= 0.5', () => {
    const c = confusionAtThreshold(labels, scores, 0.5);
    expect([c.tn, c.fp, c.fn, c.tp]).toEqual([267, 85, 26, 122]);
    expect(c.precision).toBeCloseTo(0.5893719806763285, 12);
    expect(c.recall).toBeCloseTo(0.8243243243243243, 12);
    expect(c.f1).toBeCloseTo(0.6873239436619718, 12);
    expect(c.accuracy).toBeCloseTo((267 + 122) / 500, 12);
    expect(c.specificity).toBeCloseTo(267 / 352, 12);
  });

  it('reports zero rates rather than NaN when nothing is flagged', () => {
    const c = confusionAtThreshold([0, 1], [0.1, 0.2], 0.9);
    expect(c.precision).toBe(0);
    expect(c.f1).toBe(0);
  });
});
