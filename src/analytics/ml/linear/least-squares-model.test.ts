import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/errors.js';
import { Dataset } from '../dataset.js';
import { linearFixture, vanillaDesign } from '../fixtures/fixtures.testkit.js';
import { LeastSquaresModel } from './least-squares-model.js';

// Reference numbers from fixtures/reference.py: numpy 1.24 lstsq (weighted rows scaled by √w) with
// σ²(XᵀWX)⁻¹ standard errors, scikit-learn 1.2.1 Ridge(alpha=50, sample_weight=w).
const WLS = {
  beta: [3.008053231539857, 2.0100405887432844, -1.008739127046537, 0.49396728926249833],
  se: [0.0712905340729214, 0.007834465799194702, 0.007630714360383257, 0.007894993343178024],
  sigma: 0.5520424343110575,
};
const RIDGE_50 = { intercept: 3.1008993067453448, coef: [1.9900274614155318, -0.9992858241672276, 0.4863280687697237] };
// numpy lstsq on the rank-deficient GEFCom "vanilla" design (3,000 hours, with an intercept column).
const VANILLA = {
  rank: 257,
  rss: 1061264.1069881103,
  fittedHead: [1998.2923163250407, 3036.56409549798, 2842.6258525868006, 3146.692104299232, 2721.3221772940724],
};

const weighted = linearFixture(500, 7);

describe('LeastSquaresModel', () => {
  it('weighted OLS equals numpy lstsq, with its standard errors', () => {
    const fit = new LeastSquaresModel().fit(weighted).result;
    expect(fit.intercept).toBeCloseTo(WLS.beta[0], 10);
    fit.coefficients.forEach((b, i) => expect(b).toBeCloseTo(WLS.beta[i + 1], 10));
    expect(fit.standardErrors?.intercept).toBeCloseTo(WLS.se[0], 10);
    fit.standardErrors?.coefficients.forEach((se, i) => expect(se).toBeCloseTo(WLS.se[i + 1], 10));
    expect(fit.sigma).toBeCloseTo(WLS.sigma, 10);
    expect(fit.rank).toBe(4);
  });

  it('ridge equals scikit-learn Ridge with an unpenalised intercept, and has no standard errors', () => {
    const fit = new LeastSquaresModel({ l2: 50 }).fit(weighted).result;
    expect(fit.intercept).toBeCloseTo(RIDGE_50.intercept, 10);
    fit.coefficients.forEach((b, i) => expect(b).toBeCloseTo(RIDGE_50.coef[i], 10));
    expect(fit.standardErrors).toBeUndefined();
  });

  it('handles the rank-deficient vanilla design: same rank and fitted values as lstsq, aliased terms named', () => {
    const data = vanillaDesign(3000, 3);
    const model = new LeastSquaresModel().fit(data);
    const fitted = model.predict(data);
    expect(model.result.rank).toBe(VANILLA.rank);
    VANILLA.fittedHead.forEach((v, i) => expect(fitted[i]).toBeCloseTo(v, 6));
    const rss = fitted.reduce((s, f, i) => s + (data.target![i] - f) ** 2, 0);
    expect(rss / VANILLA.rss - 1).toBeLessThan(1e-9);
    expect(model.result.aliased).toContain('month11');
    expect(model.result.aliased.length).toBe(293 - 257);
  });

  it('fits 35,000 hours × 292 vanilla columns in under 2 s', () => {
    const data = vanillaDesign(35_000, 5);
    const start = performance.now();
    const model = new LeastSquaresModel().fit(data);
    const seconds = (performance.now() - start) / 1000;
    console.log(`least squares 35,000 × 292: ${seconds.toFixed(2)} s, rank ${model.result.rank}`);
    expect(model.result.rank).toBe(285);
    expect(seconds).toBeLessThan(2);
  });

  it('round-trips through JSON and predicts identically', () => {
    const model = new LeastSquaresModel().fit(weighted);
    const restored = LeastSquaresModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.predict(weighted)).toEqual(model.predict(weighted));
    expect(restored.result.standardErrors?.coefficients).toEqual(model.result.standardErrors?.coefficients);
  });

  it('fits without an intercept through the origin', () => {
    const data = Dataset.fromColumns({ x: [1, 2, 3, 4] }, { target: [2, 4, 6, 8.4] });
    const fit = new LeastSquaresModel({ fitIntercept: false }).fit(data).result;
    expect(fit.intercept).toBe(0);
    expect(fit.coefficients[0]).toBeCloseTo((2 + 8 + 18 + 33.6) / 30, 12);
  });

  it('rejects missing values, a missing target and bad parameters', () => {
    const holes = Dataset.fromColumns({ x: [1, NaN, 3] }, { target: [1, 2, 3] });
    expect(() => new LeastSquaresModel().fit(holes)).toThrow(/missing values/);
    expect(() => new LeastSquaresModel().fit(Dataset.fromColumns({ x: [1, 2] }))).toThrow(/target/);
    expect(() => new LeastSquaresModel({ l2: -1 })).toThrow(ValidationError);
  });
});
