import { describe, expect, it } from 'vitest';
import { FestivalCode } from './day-table.js';
import type { ArchetypeName } from './archetypes.js';
import { generateCustomers, hangzhouContext, meanWhere } from './simulation.testkit.js';

const ctx = hangzhouContext();
const days = ctx.days;
const factories: ArchetypeName[] = ['factory_one_shift', 'factory_two_shift', 'factory_three_shift'];

function dailyKwh(kwh: Float64Array): Float64Array {
  const daily = new Float64Array(days.count);
  kwh.forEach((x, t) => { daily[ctx.dayIndex[t]] += x; });
  return daily;
}

describe('Spring Festival dip', () => {
  it.each(factories)('%s: holiday week below 40% of the 4 weeks before the ramp-down, then recovers', (name) => {
    for (const { series } of generateCustomers(name, 10, ctx)) {
      const daily = dailyKwh(series.consumptionKwh);
      const offset = (d: number) => days.daysFromLunarNewYear[d];
      const before = meanWhere(daily, (d) => offset(d) >= -40 && offset(d) <= -13);
      const holiday = meanWhere(daily, (d) => days.festival[d] === FestivalCode.spring_festival);
      const restart = meanWhere(daily, (d) => offset(d) >= 16 && offset(d) <= 22);
      const recovered = meanWhere(daily, (d) => offset(d) >= 45 && offset(d) <= 72);
      expect(holiday).toBeLessThan(0.4 * before);
      expect(restart).toBeLessThan(0.97 * recovered);
      expect(recovered).toBeGreaterThan(0.85 * before);
    }
  });

  it('cold storage keeps its compressors running through the festival', () => {
    const [{ series }] = generateCustomers('cold_storage', 1, ctx);
    const daily = dailyKwh(series.consumptionKwh);
    const before = meanWhere(daily, (d) => days.daysFromLunarNewYear[d] >= -40 && days.daysFromLunarNewYear[d] <= -13);
    const holiday = meanWhere(daily, (d) => days.festival[d] === FestivalCode.spring_festival);
    expect(holiday).toBeGreaterThan(0.5 * before);
    expect(holiday).toBeLessThan(before);
  });
});

describe('shift patterns', () => {
  const byHourOnWorkdays = (name: ArchetypeName) => {
    const [{ series }] = generateCustomers(name, 1, ctx, 8);
    const byHour = new Array<number>(24).fill(0);
    for (let t = 0; t < ctx.steps; t++) if (ctx.dayKind[t] === 0) byHour[Math.floor(ctx.hourOfDay[t])] += series.consumptionKwh[t];
    const peak = Math.max(...byHour);
    return byHour.map((x) => x / peak);
  };

  it('one shift works 08–17, two shifts 08–24, three shifts around the clock', () => {
    const one = byHourOnWorkdays('factory_one_shift');
    const two = byHourOnWorkdays('factory_two_shift');
    const three = byHourOnWorkdays('factory_three_shift');
    expect(one[10]).toBeGreaterThan(0.9);
    expect(one[20]).toBeLessThan(0.25);
    expect(two[20]).toBeGreaterThan(0.85);
    expect(two[3]).toBeLessThan(0.25);
    expect(Math.min(...three)).toBeGreaterThan(0.8);
  });

  it('two-shift factories work Saturdays but not Sundays; golden weeks are lower', () => {
    const [{ series }] = generateCustomers('factory_two_shift', 1, ctx, 9);
    const daily = dailyKwh(series.consumptionKwh);
    const ordinary = (d: number, weekday: number) => days.dayKind[d] !== 2 && days.weekday[d] === weekday && days.month[d] >= 4 && days.month[d] <= 11;
    const saturday = meanWhere(daily, (d) => ordinary(d, 6));
    expect(saturday).toBeGreaterThan(0.9 * meanWhere(daily, (d) => ordinary(d, 3)));
    expect(meanWhere(daily, (d) => ordinary(d, 0) && days.dayKind[d] === 1)).toBeLessThan(0.3 * saturday);
    expect(meanWhere(daily, (d) => days.festival[d] === FestivalCode.national_day)).toBeLessThan(0.7 * saturday);
  });

  it('cold-storage compressors cycle and work harder in summer', () => {
    const [{ series }] = generateCustomers('cold_storage', 1, ctx);
    const daily = dailyKwh(series.consumptionKwh);
    expect(meanWhere(daily, (d) => days.month[d] === 7)).toBeGreaterThan(1.25 * meanWhere(daily, (d) => days.month[d] === 1));
    let jumps = 0;
    for (let t = 1; t < ctx.steps; t++) jumps += Math.abs(series.consumptionKwh[t] - series.consumptionKwh[t - 1]);
    const mean = series.consumptionKwh.reduce((s, x) => s + x, 0) / ctx.steps;
    expect(jumps / ctx.steps / mean).toBeGreaterThan(0.08);
  });
});
