import { describe, expect, it } from 'vitest';
import { archetypeNames, type ArchetypeName } from './archetypes.js';
import { dailyLoadFactors } from './load-statistics.js';
import { loadModels } from './load-models.js';
import { generateCustomers, hangzhouContext, meanWhere } from './simulation.testkit.js';

/**
 * Daily load factor (日负荷率 = mean ÷ maximum of the day's interval load, 15-minute data), averaged
 * over the working days of a year. Ranges are what a grid analyst expects for each customer class;
 * irrigation is judged on the days it pumps.
 */
const loadFactorRanges: Record<ArchetypeName, readonly [number, number]> = {
  residential_working: [0.15, 0.45],
  residential_retired: [0.15, 0.45],
  residential_night_shift: [0.15, 0.45],
  residential_ev: [0.1, 0.35],
  residential_pv: [0.15, 0.45],
  residential_ac_heavy: [0.15, 0.45],
  office: [0.35, 0.55],
  shop: [0.4, 0.65],
  restaurant: [0.35, 0.6],
  school: [0.4, 0.7],
  hospital: [0.6, 0.85],
  factory_one_shift: [0.3, 0.55],
  factory_two_shift: [0.5, 0.8],
  factory_three_shift: [0.75, 0.97],
  cold_storage: [0.5, 0.85],
  irrigation: [0.1, 0.6],
  street_lighting: [0.4, 0.65],
};

const ctx = hangzhouContext();

describe('load model registry', () => {
  it('has a model for every archetype, with 24-value templates', () => {
    for (const name of archetypeNames) {
      const model = loadModels[name];
      expect(model.profiles.length).toBeGreaterThan(0);
      for (const profile of model.profiles) {
        expect(profile.base).toHaveLength(24);
        expect(profile.thermal).toHaveLength(24);
        expect([...profile.base, ...profile.thermal].every((x) => x >= 0)).toBe(true);
      }
    }
  });

  it.each(archetypeNames)('%s: mean working-day load factor over a year inside its plausible range', (name) => {
    const [low, high] = loadFactorRanges[name];
    for (const { series } of generateCustomers(name, 5, ctx)) {
      const factors = dailyLoadFactors(ctx, series.consumptionKwh);
      const daily = new Float64Array(ctx.days.count);
      series.consumptionKwh.forEach((kwh, t) => { daily[ctx.dayIndex[t]] += kwh; });
      const median = [...daily].sort((a, b) => a - b)[Math.floor(daily.length / 2)];
      const counted = name === 'irrigation'
        ? (d: number) => daily[d] > 10 * median
        : (d: number) => ctx.days.dayKind[d] === 0;
      const mean = meanWhere(factors, (d) => counted(d) && !Number.isNaN(factors[d]));
      expect(mean).toBeGreaterThan(low);
      expect(mean).toBeLessThan(high);
    }
  });
});
