import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { Mulberry32 } from '../ml/random.js';
import { CreditDataset } from './credit-dataset.js';
import { gradeOf } from './credit-grades.js';
import { CreditScorecard } from './credit-scorecard.js';
import { syntheticCredit } from './credit.testkit.js';
import { scalingOf, ScalingParams, scoreOfBadLogOdds } from './points-scaling.js';

const train = syntheticCredit(6000, 1);
const test = syntheticCredit(2000, 2);
const card = new CreditScorecard().fit(train);

describe('CreditScorecard', () => {
  it('keeps the informative features and leaves out noise for low IV', () => {
    const decisions = Object.fromEntries(card.ivTable.map((r) => [r.feature, r.decision]));
    expect(decisions).toEqual({ days_late: 'selected', tenure: 'selected', industry: 'selected', noise: 'low-iv' });
    expect(card.state.features.every((f) => f.coefficient < 0)).toBe(true);
  });

  it('gives fewer points to more days late (monotone numeric bins)', () => {
    const daysLate = card.state.features.find((f) => f.binning.feature === 'days_late')!;
    const numericPoints = daysLate.points.slice(0, -1);
    for (let i = 1; i < numericPoints.length; i++) expect(numericPoints[i]).toBeLessThan(numericPoints[i - 1]);
  });

  it('ranks held-out bads above goods', () => {
    const p = card.predict(test);
    const mean = (bad: number) => p.filter((_, r) => test.target![r] === bad).reduce((s, v, _, a) => s + v / a.length, 0);
    expect(mean(1)).toBeGreaterThan(mean(0) + 0.15);
  });

  it('scores as base points plus bin points, near the unrounded log-odds score, with grade and policy', () => {
    const row = test.row(7);
    const explained = card.explain(row);
    const sum = explained.basePoints + explained.contributions.reduce((s, c) => s + c.points, 0);
    expect(explained.score).toBe(sum);
    const logOdds = Math.log(explained.badProbability / (1 - explained.badProbability));
    const exact = scoreOfBadLogOdds(logOdds, scalingOf(ScalingParams.parse({})));
    expect(Math.abs(explained.score - exact)).toBeLessThanOrEqual(0.5 * (card.state.features.length + 1));
    expect(explained.grade).toBe(gradeOf(explained.score).grade);
    expect(card.score([row])[0]).toEqual({ score: explained.score, badProbability: explained.badProbability, grade: explained.grade, gradeName: explained.gradeName, policy: explained.policy });
    expect(card.score(test.subset([7]))[0].score).toBe(explained.score);
  });

  it('names the costliest features as reason codes', () => {
    const risky = card.explain({ days_late: 60, tenure: 20, industry: 'mining', noise: 0.5 });
    expect(risky.reasons.map((r) => r.feature)).toEqual(['days_late', 'industry']);
    expect(risky.reasons[0].code).toBe('RC_DAYS_LATE');
    expect(risky.reasons[0].text['zh-CN']).toContain('平均逾期天数');
    const best = card.explain({ days_late: 0, tenure: 20, industry: 'residential', noise: 0.5 });
    expect(best.reasons).toEqual([]);
    expect(best.score).toBeGreaterThan(risky.score + 100);
    const noDaysLate = card.explain({ tenure: 20, industry: 'residential' }).contributions.find((c) => c.feature === 'days_late');
    expect(noDaysLate?.binLabel).toBe('missing');
  });

  it('round-trips through JSON and scores identically', () => {
    const restored = CreditScorecard.fromJSON(JSON.parse(JSON.stringify(card.toJSON())));
    expect(restored.predict(test)).toEqual(card.predict(test));
    expect(restored.explain(test.row(3))).toEqual(card.explain(test.row(3)));
    expect(() => CreditScorecard.fromJSON({ kind: 'scorecard', version: 1, params: {}, state: { features: [] } })).toThrow(ValidationError);
  });

  it('drops a feature whose coefficient has the wrong sign (a suppressor) and refits', () => {
    const data = suppressorData(3000);
    const kept = new CreditScorecard({ dropWrongSign: false, selection: { maxCorrelation: 1 } }).fit(data);
    expect(kept.state.features.find((f) => f.binning.feature === 'z')!.coefficient).toBeGreaterThan(0);
    const fixed = new CreditScorecard({ selection: { maxCorrelation: 1 } }).fit(data);
    expect(fixed.state.features.map((f) => f.binning.feature)).toEqual(['x', 'w']);
    expect(fixed.ivTable.find((r) => r.feature === 'z')!.decision).toBe('wrong-sign');
  });

  it('validates parameters and refuses to score before fitting', () => {
    expect(() => new CreditScorecard({ binning: { maxBins: 1 } })).toThrow(ValidationError);
    expect(() => new CreditScorecard({ scaling: { pdo: 0 } })).toThrow(ValidationError);
    expect(new CreditScorecard().params).toMatchObject({ l2: 0, binning: { minBinShare: 0.05, method: 'monotone' }, scaling: { basePoints: 600, baseOdds: 19, pdo: 50 } });
    expect(() => new CreditScorecard().score([{}])).toThrow(/not fitted/);
  });
});

/** z = x + noise is marginally risky but, given x, protective: its WoE coefficient comes out positive. */
function suppressorData(n: number): CreditDataset {
  const rng = new Mulberry32(9);
  const x = Array.from({ length: n }, () => rng.next());
  const z = x.map((v) => v + 0.3 * rng.next());
  const w = Array.from({ length: n }, () => rng.next());
  const target = x.map((v, i) => (rng.next() < 1 / (1 + Math.exp(-(-2 + 6 * v - 3.5 * z[i] + w[i]))) ? 1 : 0));
  const features = ['x', 'z', 'w'].map((name) => ({ name, kind: 'numeric' as const }));
  return new CreditDataset({ features, columns: { x, z, w }, target });
}
