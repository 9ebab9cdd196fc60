import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/errors.js';
import { Dataset } from '../dataset.js';
import { logisticFixture } from '../fixtures/fixtures.testkit.js';
import { LogisticRegressionModel } from './logistic-regression-model.js';

// Reference numbers from fixtures/reference.py: scikit-learn 1.2.1 LogisticRegression
// (solver='newton-cholesky', tol=1e-12) with penalty='none' and with C=0.1; standard errors
// √diag((XᵀWX)⁻¹) at the unpenalised optimum computed with numpy.
const NONE = {
  intercept: -0.5194704006520069,
  coef: [0.9016241624443049, -2.135009290180898, 0.4601302125290183, 0.05080243987663628],
  se: [0.09454416237083142, 0.10700065551894873, 0.14517002426953768, 0.03847291309711298, 0.09520173580620335],
  logLikelihood: -375.71431336986404,
};
const C_01 = { intercept: -0.46209065007553873, coef: [0.7360468936993476, -1.7728091442795468, 0.4101376837154458, 0.038658693355089174] };

const data = logisticFixture(1000, 11);

describe('LogisticRegressionModel', () => {
  it('unpenalised fit equals scikit-learn to 1e-8, with standard errors and log-likelihood', () => {
    const fit = new LogisticRegressionModel({ l2: 0 }).fit(data).result;
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.intercept - NONE.intercept)).toBeLessThan(1e-8);
    fit.coefficients.forEach((b, i) => expect(Math.abs(b - NONE.coef[i])).toBeLessThan(1e-8));
    expect(fit.standardErrors?.intercept).toBeCloseTo(NONE.se[0], 8);
    fit.standardErrors?.coefficients.forEach((se, i) => expect(se).toBeCloseTo(NONE.se[i + 1], 8));
    expect(fit.logLikelihood).toBeCloseTo(NONE.logLikelihood, 8);
  });

  it('L2 = 1/C equals scikit-learn C = 0.1 to 1e-6 and reports no standard errors', () => {
    const fit = new LogisticRegressionModel({ l2: 10 }).fit(data).result;
    expect(Math.abs(fit.intercept - C_01.intercept)).toBeLessThan(1e-6);
    fit.coefficients.forEach((b, i) => expect(Math.abs(b - C_01.coef[i])).toBeLessThan(1e-6));
    expect(fit.standardErrors).toBeUndefined();
  });

  it('predicts probabilities that are the logistic of the log-odds', () => {
    const model = new LogisticRegressionModel().fit(data);
    const p = model.predict(data);
    const eta = model.predictLogOdds(data);
    expect(p[3]).toBeCloseTo(1 / (1 + Math.exp(-eta[3])), 15);
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it('drops a duplicated column as aliased and still converges', () => {
    const x0 = data.column('x0');
    const twin = Dataset.fromColumns({ x0, twin: x0, x1: data.column('x1') }, { target: data.target });
    const fit = new LogisticRegressionModel({ l2: 0 }).fit(twin).result;
    expect(fit.converged).toBe(true);
    expect(fit.aliased).toEqual(['twin']);
    expect(fit.coefficients[1]).toBe(0);
  });

  it('reports non-convergence on separable data without a penalty', () => {
    const separable = Dataset.fromColumns({ x: [-2, -1, 1, 2] }, { target: [0, 0, 1, 1] });
    expect(new LogisticRegressionModel({ l2: 0, maxIterations: 30 }).fit(separable).result.converged).toBe(false);
    expect(new LogisticRegressionModel({ l2: 1 }).fit(separable).result.converged).toBe(true);
  });

  it('round-trips through JSON and predicts identically', () => {
    const model = new LogisticRegressionModel({ l2: 0 }).fit(data);
    const restored = LogisticRegressionModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.predict(data)).toEqual(model.predict(data));
  });

  it('rejects labels other than 0/1', () => {
    const bad = Dataset.fromColumns({ x: [1, 2] }, { target: [0, 2] });
    expect(() => new LogisticRegressionModel().fit(bad)).toThrow(ValidationError);
  });
});
