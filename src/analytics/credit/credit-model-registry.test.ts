import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { createCreditModel, creditModelFromJSON, creditModelNames, registerCreditModel } from './credit-model-registry.js';
import { CreditScorecard } from './credit-scorecard.js';
import { syntheticCredit } from './credit.testkit.js';

describe('credit model registry', () => {
  it('creates models by name with validated parameters', () => {
    expect(creditModelNames()).toEqual(expect.arrayContaining(['scorecard', 'encoded']));
    expect(createCreditModel('scorecard', { reasonCount: 2 })).toBeInstanceOf(CreditScorecard);
    expect(() => createCreditModel('scorecard', { reasonCount: -1 })).toThrow(ValidationError);
    expect(() => createCreditModel('nope')).toThrow(/unknown credit model nope/);
  });

  it('restores a fitted model from its JSON by kind', () => {
    const data = syntheticCredit(1000, 4);
    const model = createCreditModel('scorecard').fit(data);
    expect(creditModelFromJSON(JSON.parse(JSON.stringify(model.toJSON()))).predict(data)).toEqual(model.predict(data));
  });

  it('refuses to register a name twice', () => {
    expect(() => registerCreditModel('scorecard', { create: () => new CreditScorecard(), fromJSON: CreditScorecard.fromJSON })).toThrow(ValidationError);
  });
});
