import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { Dataset } from './dataset.js';
import { logisticFixture } from './fixtures/fixtures.testkit.js';
import { createModel, modelFromJSON, modelNames, registerModel } from './registry.js';

describe('model registry', () => {
  it('creates every built-in model by name, all with the same fit/predict/toJSON shape', () => {
    expect(modelNames()).toEqual(expect.arrayContaining(['gbdt', 'logistic', 'linear']));
    const data = logisticFixture(300, 3);
    for (const name of ['gbdt', 'logistic', 'linear']) {
      const model = createModel(name, name === 'gbdt' ? { nEstimators: 5 } : {}).fit(data);
      expect(model.kind).toBe(name);
      expect(model.featureNames).toEqual(data.featureNames);
      const restored = modelFromJSON(JSON.parse(JSON.stringify(model.toJSON())));
      expect(restored.predict(data)).toEqual(model.predict(data));
    }
  });

  it('validates parameters through the model schema and rejects unknown names', () => {
    expect(() => createModel('gbdt', { nEstimators: -1 })).toThrow(ValidationError);
    expect(() => createModel('prophet')).toThrow(/unknown model prophet/);
    expect(() => modelFromJSON({ kind: 'gbdt', version: 2 })).toThrow(ValidationError);
  });

  it('registers a new kind once', () => {
    const constant = {
      kind: 'constant',
      featureNames: ['x'],
      fit() { return this; },
      predict: (d: Dataset) => new Float64Array(d.nRows).fill(1),
      toJSON: () => ({ kind: 'constant', version: 1 }),
    };
    registerModel('constant', { create: () => constant, fromJSON: () => constant });
    expect(createModel('constant').predict(Dataset.fromColumns({ x: [5, 6] }))).toEqual(Float64Array.from([1, 1]));
    expect(() => registerModel('constant', { create: () => constant, fromJSON: () => constant })).toThrow(/already registered/);
  });
});
