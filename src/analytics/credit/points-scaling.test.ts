import { describe, expect, it } from 'vitest';
import { badProbabilityOfScore, binPoints, interceptPoints, scalingOf, ScalingParams, scoreOfBadLogOdds } from './points-scaling.js';

const scaling = scalingOf(ScalingParams.parse({}));

describe('points scaling (600 at 1:19 bad:good, 50 points to double)', () => {
  it('has factor 50 / ln 2 = 72.1348 and offset 600 − factor · ln 19 = 387.6036', () => {
    expect(scaling.factor).toBeCloseTo(72.134752, 6);
    expect(scaling.offset).toBeCloseTo(600 - 72.134752 * Math.log(19), 5);
    expect(scaling.offset).toBeCloseTo(387.6036, 4);
  });

  it('scores odds 1:19 (bad:good) at 600 and each doubling of the good odds 50 points higher', () => {
    expect(scoreOfBadLogOdds(Math.log(1 / 19), scaling)).toBeCloseTo(600, 10);
    expect(scoreOfBadLogOdds(Math.log(1 / 38), scaling)).toBeCloseTo(650, 10);
    expect(scoreOfBadLogOdds(Math.log(1 / 76), scaling)).toBeCloseTo(700, 10);
    expect(scoreOfBadLogOdds(Math.log(2 / 19), scaling)).toBeCloseTo(550, 10);
  });

  it('inverts: a score of 600 means a 5% bad probability', () => {
    expect(badProbabilityOfScore(600, scaling)).toBeCloseTo(0.05, 12);
    expect(badProbabilityOfScore(650, scaling)).toBeCloseTo(1 / 39, 12);
  });

  it('splits a score into intercept points plus −factor · β · WoE per feature', () => {
    const beta0 = -1.2;
    const terms = [
      { beta: -0.8, woe: 0.5 },
      { beta: -1.1, woe: -0.3 },
    ];
    const logit = beta0 + terms.reduce((s, t) => s + t.beta * t.woe, 0);
    const total = interceptPoints(beta0, scaling) + terms.reduce((s, t) => s + binPoints(t.beta, t.woe, scaling), 0);
    expect(total).toBeCloseTo(scoreOfBadLogOdds(logit, scaling), 10);
    expect(binPoints(-0.8, 0.5, scaling)).toBeGreaterThan(0);
  });

  it('takes other anchors', () => {
    const other = scalingOf(ScalingParams.parse({ basePoints: 500, baseOdds: 50, pdo: 20 }));
    expect(scoreOfBadLogOdds(-Math.log(50), other)).toBeCloseTo(500, 10);
    expect(scoreOfBadLogOdds(-Math.log(100), other)).toBeCloseTo(520, 10);
  });
});
