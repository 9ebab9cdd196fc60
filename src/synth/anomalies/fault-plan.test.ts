import { describe, expect, it } from 'vitest';
import { Channel } from '../../core/schemas/meter.js';
import { Rng } from '../rng.js';
import { defaultFaultRates, drawFaultPlan, faultGuardSteps, faultSpanSteps } from './fault-plan.js';
import { faultTypeNames, faultTypes, type FaultPlan, type FaultType } from './fault-types.js';

const spd = 96;
const days = 365;
const meters = 2000;
const plans: FaultPlan[] = Array.from({ length: meters }, (_, i) => drawFaultPlan(new Rng(21, 'faults', i), days, spd));

describe('faultTypes', () => {
  it('labels every type in both languages', () => {
    for (const name of faultTypeNames) {
      expect(faultTypes[name]['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(faultTypes[name].en.length).toBeGreaterThan(3);
    }
  });
});

describe('drawFaultPlan', () => {
  it('never overlaps faults and keeps a clean interval between them', () => {
    const violations = plans.flatMap(({ faults }) => faults.filter((f, k) => k > 0 && f.startIndex < faults[k - 1].endIndex + faultGuardSteps));
    expect(violations).toEqual([]);
  });

  it('keeps each fault inside the series and within its length range', () => {
    const violations = plans.flatMap(({ faults }) =>
      faults.filter((f) => {
        const [min, max] = faultSpanSteps(f.faultType, spd / 24);
        const steps = f.endIndex - f.startIndex;
        return f.startIndex < 0 || f.endIndex > days * spd || steps < min || steps > max;
      }),
    );
    expect(violations).toEqual([]);
    expect(plans.flatMap((p) => p.faults).length).toBeGreaterThan(meters * 20);
    expect(faultSpanSteps('gap', 4)).toEqual([1, 8]);
    expect(faultSpanSteps('stuck', 4)).toEqual([96, 288]);
  });

  it('draws counts that follow the rates per meter-year (within 4 Poisson standard deviations)', () => {
    const counts = countByType(plans);
    for (const type of faultTypeNames) {
      const expected = defaultFaultRates[type] * meters;
      expect(Math.abs(counts[type] - expected), type).toBeLessThan(4 * Math.sqrt(expected));
    }
  });

  it('scales counts with the series length and custom rates', () => {
    const twoYears = Array.from({ length: 500 }, (_, i) => drawFaultPlan(new Rng(4, i), 730, spd, { spike: 20, gap: 0 }));
    const counts = countByType(twoYears);
    expect(counts.spike / 500).toBeGreaterThan(36);
    expect(counts.spike / 500).toBeLessThan(44);
    expect(counts.gap).toBe(0);
  });

  it('draws sign errors only on the import channel', () => {
    const exportPlans = Array.from({ length: 300 }, (_, i) => drawFaultPlan(new Rng(5, i), days, spd, { negative: 10 }, { channel: Channel.export }));
    expect(countByType(exportPlans).negative).toBe(0);
  });

  it('draws parameters in range', () => {
    const all = plans.flatMap((p) => p.faults);
    const factors = all.flatMap((f) => (f.faultType === 'spike' ? [f.params.factor] : []));
    expect(Math.min(...factors)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...factors)).toBeLessThanOrEqual(50);
    const shifts = all.flatMap((f) => (f.faultType === 'clock_shift' ? [f.params.shiftSteps] : []));
    expect(new Set(shifts)).toEqual(new Set([4, -4]));
  });

  it('is deterministic', () => {
    expect(drawFaultPlan(new Rng(8), days, spd)).toEqual(drawFaultPlan(new Rng(8), days, spd));
    expect(drawFaultPlan(new Rng(8), days, spd)).not.toEqual(drawFaultPlan(new Rng(9), days, spd));
  });

  it('drops what does not fit instead of overlapping', () => {
    const { faults } = drawFaultPlan(new Rng(1), 2, 24, { stuck: 500, spike: 500 });
    for (let k = 1; k < faults.length; k++) expect(faults[k].startIndex).toBeGreaterThan(faults[k - 1].endIndex);
  });
});

function countByType(plans: readonly FaultPlan[]): Record<FaultType, number> {
  const counts = Object.fromEntries(faultTypeNames.map((t) => [t, 0])) as Record<FaultType, number>;
  for (const { faults } of plans) for (const f of faults) counts[f.faultType]++;
  return counts;
}
