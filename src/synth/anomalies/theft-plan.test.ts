import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { Rng } from '../rng.js';
import { only } from './synthetic-load.fixture.js';
import { theftFamilies, theftFamilyNames, type TheftFamily } from './theft-families.js';
import { defaultTheftOptions, drawTheft } from './theft-plan.js';

const spd = 96;
const days = 730;

describe('theftFamilies', () => {
  it('labels every family in both languages', () => {
    expect(theftFamilyNames).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'bypass']);
    for (const name of theftFamilyNames) {
      expect(theftFamilies[name]['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(theftFamilies[name].en.length).toBeGreaterThan(3);
    }
  });
});

describe('drawTheft', () => {
  const plans = Array.from({ length: 5000 }, (_, i) => drawTheft(new Rng(11, 'theft', i), days, spd));

  it('starts on a day boundary inside the configured share and ends on or before the last day', () => {
    for (const p of plans) {
      expect(p.startIndex % spd).toBe(0);
      expect(p.endIndex % spd).toBe(0);
      expect(p.startIndex / spd).toBeGreaterThanOrEqual(Math.floor(0.15 * days));
      expect(p.startIndex / spd).toBeLessThanOrEqual(Math.floor(0.85 * days));
      expect(p.endIndex).toBeGreaterThan(p.startIndex);
      expect(p.endIndex).toBeLessThanOrEqual(days * spd);
    }
  });

  it('runs to the end about as often as configured, otherwise for a long window', () => {
    const toEnd = plans.filter((p) => p.endIndex === days * spd).length / plans.length;
    expect(toEnd).toBeGreaterThan(0.7);
    expect(toEnd).toBeLessThan(0.8);
    for (const p of plans.filter((q) => q.endIndex < days * spd)) expect((p.endIndex - p.startIndex) / spd).toBeGreaterThanOrEqual(60);
  });

  it('draws families in proportion to their weights', () => {
    const total = theftFamilyNames.reduce((s, f) => s + defaultTheftOptions.familyWeights[f], 0);
    for (const family of theftFamilyNames) {
      const share = plans.filter((p) => p.family === family).length / plans.length;
      expect(share).toBeCloseTo(defaultTheftOptions.familyWeights[family] / total, 1);
    }
  });

  it('keeps parameters in their ranges so thieves steal 30-80% (h1) or 50-90% (bypass)', () => {
    for (const p of plans) {
      if (p.family === 'h1') expectWithin(p.params.alpha, 0.2, 0.7);
      if (p.family === 'bypass') expectWithin(p.params.share, 0.5, 0.9);
      if (p.family === 'h2') expect(p.params.windowHours).toEqual([4, 10]);
    }
  });

  it('honours overrides', () => {
    const family: TheftFamily = 'h6';
    const p = drawTheft(new Rng(1), days, spd, { familyWeights: only(family), untilEndProbability: 1 });
    expect(p.family).toBe('h6');
    expect(p.endIndex).toBe(days * spd);
  });

  it('is deterministic and handles a one-day series', () => {
    expect(drawTheft(new Rng(9), days, spd)).toEqual(drawTheft(new Rng(9), days, spd));
    const p = drawTheft(new Rng(9), 1, 24);
    expect([p.startIndex, p.endIndex]).toEqual([0, 24]);
  });

  it('rejects bad shapes', () => {
    expect(() => drawTheft(new Rng(1), 0, spd)).toThrow(ValidationError);
    expect(() => drawTheft(new Rng(1), days, 100)).toThrow(ValidationError);
  });
});

function expectWithin(value: number, min: number, max: number): void {
  expect(value).toBeGreaterThanOrEqual(min);
  expect(value).toBeLessThanOrEqual(max);
}
