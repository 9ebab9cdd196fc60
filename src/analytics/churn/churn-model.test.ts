import { describe, expect, it } from 'vitest';
import { Mulberry32 } from '../ml/random.js';
import { ChurnModel } from './churn-model.js';
import { utilityChurnPrior } from './utility-churn-prior.js';

const features = [
  { name: 'tenure', labelZh: '年限短', labelEn: 'short tenure' },
  { name: 'complaints', labelZh: '投诉', labelEn: 'complaints' },
  { name: 'noise', labelZh: '噪声', labelEn: 'noise' },
];

/** Labels from a known logistic model: −1.5 per sd of tenure, +1 per complaint sd, noise 0. */
function data(n: number, seed: number): { values: Float64Array; labels: Int32Array } {
  const rng = new Mulberry32(seed);
  const values = new Float64Array(n * 3);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const tenure = rng.normal();
    const complaints = rng.normal();
    values.set([tenure * 30 + 60, complaints, rng.normal()], i * 3);
    labels[i] = rng.next() < 1 / (1 + Math.exp(-(-1 - 1.5 * tenure + complaints))) ? 1 : 0;
  }
  return { values, labels };
}

describe('ChurnModel', () => {
  it('recovers per-sd effects of a known logistic model and gives reason codes for a risky row', () => {
    const { values, labels } = data(4000, 1);
    const model = ChurnModel.fit(features, values, labels, { source: 'test', l2: 0.1 });
    const [tenure, complaints, noise] = model.json.coefficients;
    expect(tenure).toBeCloseTo(-1.5, 0);
    expect(complaints).toBeCloseTo(1, 0);
    expect(Math.abs(noise)).toBeLessThan(0.15);
    const row = Float64Array.from([10, 3, 0]);
    const reasons = model.reasons(row, 0);
    // complaints z = 3 → about +3; tenure z = (10 − 60) / 30 → about +2.5
    expect(reasons.map((r) => r.feature)).toEqual(['complaints', 'tenure']);
    expect(model.predict(row)[0]).toBeGreaterThan(0.9);
  });

  it('rejects non-finite features, naming the row', () => {
    const { values, labels } = data(200, 2);
    const model = ChurnModel.fit(features, values, labels, { source: 'test' });
    expect(() => model.predict(Float64Array.from([1, Number.NaN, 0]))).toThrow(/row 0/);
  });

  it('the utility prior scores a new short-tenure complaining customer above a long-standing quiet one', () => {
    const rows = Float64Array.from([
      2, 300, 1.4, 1, 3, 2, 4, 1,
      200, 100, 1, 0, 0, 0, 0, 1,
      120, 150, 1, 0.2, 0, 0, 1, 2,
    ]);
    const prior = utilityChurnPrior(rows);
    const p = prior.predict(rows);
    expect(p[0]).toBeGreaterThan(p[1]);
    expect(prior.reasons(rows, 0).length).toBeGreaterThan(0);
  });
});
