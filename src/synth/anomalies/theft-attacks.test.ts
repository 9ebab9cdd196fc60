import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { Rng } from '../rng.js';
import { only, sum, syntheticLoad } from './synthetic-load.fixture.js';
import { applyTheft } from './theft-attacks.js';
import { theftFamilyNames, type TheftFamily, type TheftParamsByFamily, type TheftPlan } from './theft-families.js';
import { drawTheft } from './theft-plan.js';

const spd = 96;
const days = 30;
const start = 10 * spd;
const end = 25 * spd;
const load = syntheticLoad(1, days, spd);

function attack<F extends TheftFamily>(family: F, params: TheftParamsByFamily[F], range: [number, number] = [start, end]): Float64Array {
  const plan = { family, startIndex: range[0], endIndex: range[1], params } as TheftPlan;
  return applyTheft(load, plan, spd, new Rng(7, family));
}

function expectUntouchedOutside(out: Float64Array, [s, e]: [number, number] = [start, end]): void {
  for (let i = 0; i < out.length; i++) if (i < s || i >= e) expect(out[i]).toBe(load[i]);
}

function forEachDay(fn: (dayStart: number) => void): void {
  for (let d = start; d < end; d += spd) fn(d);
}

describe('applyTheft', () => {
  it('h1 scales every reading in range by alpha', () => {
    const out = attack('h1', { alpha: 0.35 });
    for (let i = start; i < end; i++) expect(out[i] / load[i]).toBeCloseTo(0.35, 12);
    expectUntouchedOutside(out);
  });

  it('h2 zeroes one window per day of 4-10 h and nothing else', () => {
    const out = attack('h2', { windowHours: [4, 10] });
    forEachDay((d) => {
      const zeros: number[] = [];
      for (let i = d; i < d + spd; i++) {
        if (out[i] === 0) zeros.push(i);
        else expect(out[i]).toBe(load[i]);
      }
      expect(zeros.length).toBeGreaterThanOrEqual(16);
      expect(zeros.length).toBeLessThanOrEqual(40);
      expect(zeros[zeros.length - 1] - zeros[0] + 1).toBe(zeros.length);
    });
    expectUntouchedOutside(out);
  });

  it('h2 draws a different window per day', () => {
    const out = attack('h2', { windowHours: [4, 10] });
    const firstZero = new Set<number>();
    forEachDay((d) => firstZero.add(out.subarray(d, d + spd).indexOf(0)));
    expect(firstZero.size).toBeGreaterThan(5);
  });

  it('h3 scales each reading by its own factor in range', () => {
    const out = attack('h3', { factor: [0.1, 0.8] });
    const ratios = new Set<number>();
    for (let i = start; i < end; i++) {
      const r = out[i] / load[i];
      expect(r).toBeGreaterThanOrEqual(0.1 - 1e-12);
      expect(r).toBeLessThanOrEqual(0.8 + 1e-12);
      ratios.add(r);
    }
    expect(ratios.size).toBeGreaterThan((end - start) * 0.9);
    expectUntouchedOutside(out);
  });

  it('h4 replaces readings by random shares of the day mean', () => {
    const out = attack('h4', { share: [0.1, 0.8] });
    forEachDay((d) => {
      const dayMean = sum(load, d, d + spd) / spd;
      for (let i = d; i < d + spd; i++) {
        expect(out[i] / dayMean).toBeGreaterThanOrEqual(0.1 - 1e-12);
        expect(out[i] / dayMean).toBeLessThanOrEqual(0.8 + 1e-12);
      }
    });
    expectUntouchedOutside(out);
  });

  it('h5 makes each day constant at its mean', () => {
    const out = attack('h5', {});
    forEachDay((d) => {
      const dayMean = sum(load, d, d + spd) / spd;
      for (let i = d; i < d + spd; i++) expect(out[i]).toBe(out[d]);
      expect(out[d]).toBeCloseTo(dayMean, 12);
    });
    expectUntouchedOutside(out);
  });

  it('h6 reverses each day', () => {
    const out = attack('h6', {});
    forEachDay((d) => {
      for (let k = 0; k < spd; k++) expect(out[d + k]).toBe(load[d + spd - 1 - k]);
    });
    expectUntouchedOutside(out);
  });

  it('bypass reports (1 - share) of the true load', () => {
    const out = attack('bypass', { share: 0.6 });
    expect(sum(out, start, end) / sum(load, start, end)).toBeCloseTo(0.4, 12);
    for (let i = start; i < end; i++) expect(out[i] / load[i]).toBeCloseTo(0.4, 12);
    expectUntouchedOutside(out);
  });

  it('day-wise families respect a range that does not start at midnight', () => {
    const range: [number, number] = [start + 37, end - 5];
    expectUntouchedOutside(attack('h6', {}, range), range);
    expectUntouchedOutside(attack('h5', {}, range), range);
    expectUntouchedOutside(attack('h2', { windowHours: [4, 10] }, range), range);
    const h6 = attack('h6', {}, range);
    expect(h6[range[0]]).toBe(load[start + spd - 1]);
  });

  it('never increases reported energy, per day, for drawn plans of every family', () => {
    for (let seed = 0; seed < 200; seed++) {
      const family = theftFamilyNames[seed % theftFamilyNames.length];
      const plan = drawTheft(new Rng(seed, 'plan'), days, spd, { familyWeights: only(family) });
      const out = applyTheft(load, plan, spd, new Rng(seed, 'apply'));
      for (let d = 0; d < days * spd; d += spd) {
        expect(sum(out, d, d + spd)).toBeLessThanOrEqual(sum(load, d, d + spd) * (1 + 1e-12));
      }
    }
  });

  it('leaves the true series unchanged and is deterministic', () => {
    const copy = load.slice();
    const plan = drawTheft(new Rng(3), days, spd, { familyWeights: only('h3') });
    const a = applyTheft(load, plan, spd, new Rng(5));
    const b = applyTheft(load, plan, spd, new Rng(5));
    expect(load).toEqual(copy);
    expect(a).toEqual(b);
    expect(applyTheft(load, plan, spd, new Rng(6))).not.toEqual(a);
  });

  it('writes into a supplied buffer', () => {
    const out = new Float64Array(load.length);
    expect(applyTheft(load, { family: 'h1', startIndex: 0, endIndex: spd, params: { alpha: 0.5 } }, spd, new Rng(1), out)).toBe(out);
    expect(out[0]).toBeCloseTo(load[0] / 2, 12);
  });

  it('rejects a range outside the series', () => {
    const plan: TheftPlan = { family: 'h5', startIndex: 0, endIndex: load.length + 1, params: {} };
    expect(() => applyTheft(load, plan, spd, new Rng(1))).toThrow(ValidationError);
  });
});
