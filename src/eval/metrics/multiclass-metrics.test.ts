import { describe, expect, it } from 'vitest';
import { multiclassPairs } from './fixtures/metric-fixtures.testkit.js';
import { accuracy, macroF1 } from './multiclass-metrics.js';

// Expected values: scikit-learn 1.2.1 accuracy_score and f1_score(average='macro'), fixtures/reference.py.
const { actual, predicted } = multiclassPairs();

describe('multi-class metrics', () => {
  it('equal scikit-learn on the fixture', () => {
    expect(accuracy(actual, predicted)).toBeCloseTo(0.688, 15);
    expect(macroF1(actual, predicted)).toBeCloseTo(0.5676349231115966, 12);
  });

  it('count a class that is only predicted, with F1 0', () => {
    expect(macroF1(['a', 'a'], ['a', 'b'])).toBeCloseTo((2 / 3 + 0) / 2, 15);
  });
});
