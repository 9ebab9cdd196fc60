import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { LogisticRegressionModel } from '../ml/linear/logistic-regression-model.js';
import { syntheticCredit } from './credit.testkit.js';
import { EncodedModel } from './encoded-model.js';

const train = syntheticCredit(2000, 11);
const complete = train.subset(Array.from({ length: train.nRows }, (_, r) => r).filter((r) => !Number.isNaN(train.numeric('days_late')[r])));

describe('EncodedModel', () => {
  it('fits the named ml model on one-hot features and predicts probabilities of bad', () => {
    const model = new EncodedModel({ model: 'logistic', modelParams: { l2: 1 } }).fit(complete);
    expect(model.model).toBeInstanceOf(LogisticRegressionModel);
    const p = model.predict(complete);
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it('round-trips through JSON', () => {
    const model = new EncodedModel({ model: 'gbdt', modelParams: { objective: 'binary_logistic', nEstimators: 20 } }).fit(train);
    const restored = EncodedModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.predict(train)).toEqual(model.predict(train));
  });

  it('rejects an unknown ml model name', () => {
    expect(() => new EncodedModel({ model: 'no-such-model' }).fit(complete)).toThrow(ValidationError);
  });
});
