import { describe, expect, it } from 'vitest';
import { epochDay } from '../../core/time/index.js';
import { meanKwByHour } from './load-statistics.js';
import { generateCustomers, hangzhouContext, meanWhere } from './simulation.testkit.js';

const ctx = hangzhouContext();
const hour = (t: number) => ctx.hourOfDay[t];
const isSunday = (t: number) => ctx.days.weekday[ctx.dayIndex[t]] === 0 && ctx.dayKind[t] !== 0;
const weekdayMidday = (t: number) => ctx.dayKind[t] === 0 && hour(t) >= 10 && hour(t) < 14;

describe('office', () => {
  it('sits near its base at night and on Sundays (< 35% of weekday midday)', () => {
    for (const { series } of generateCustomers('office', 10, ctx)) {
      const midday = meanWhere(series.consumptionKwh, weekdayMidday);
      expect(meanWhere(series.consumptionKwh, (t) => hour(t) < 5)).toBeLessThan(0.35 * midday);
      expect(meanWhere(series.consumptionKwh, isSunday)).toBeLessThan(0.35 * midday);
      expect(meanWhere(series.consumptionKwh, (t) => ctx.dayKind[t] === 2)).toBeLessThan(0.35 * midday);
    }
  });

  it('works on a 调休 make-up Sunday like on a weekday', () => {
    const [{ series }] = generateCustomers('office', 1, ctx, 3);
    const makeup = epochDay('2024-09-29');
    const middayOf = (day: number) => meanWhere(series.consumptionKwh, (t) => ctx.localEpochDay[t] === day && hour(t) >= 10 && hour(t) < 14);
    expect(middayOf(makeup)).toBeGreaterThan(2 * middayOf(epochDay('2024-09-22')));
  });

  it('runs its HVAC harder on hot days', () => {
    const [{ series }] = generateCustomers('office', 1, ctx, 5);
    const july = meanWhere(series.consumptionKwh, (t) => weekdayMidday(t) && ctx.month[t] === 7);
    const april = meanWhere(series.consumptionKwh, (t) => weekdayMidday(t) && ctx.month[t] === 4);
    expect(july).toBeGreaterThan(1.2 * april);
  });
});

describe('shop and restaurant', () => {
  it('shops trade 10:00–22:00 every day of the week', () => {
    const [{ series }] = generateCustomers('shop', 1, ctx);
    const open = (t: number) => hour(t) >= 11 && hour(t) < 21;
    expect(meanWhere(series.consumptionKwh, (t) => isSunday(t) && open(t))).toBeGreaterThan(0.9 * meanWhere(series.consumptionKwh, weekdayMidday));
    expect(meanWhere(series.consumptionKwh, (t) => hour(t) < 6)).toBeLessThan(0.3 * meanWhere(series.consumptionKwh, open));
  });

  it('restaurants peak at lunch (11–13) and dinner (17–21) above the afternoon lull and the kitchen base', () => {
    const [{ series }] = generateCustomers('restaurant', 1, ctx);
    const byHour = meanKwByHour(ctx, series.consumptionKwh);
    const lunch = Math.max(byHour[11], byHour[12]);
    const dinner = Math.max(...byHour.slice(17, 21));
    expect(lunch).toBeGreaterThan(1.5 * byHour[15]);
    expect(dinner).toBeGreaterThan(1.5 * byHour[15]);
    expect(byHour[3]).toBeLessThan(0.35 * Math.max(lunch, dinner));
  });
});

describe('school', () => {
  it('drops to a low load in the summer and winter vacations', () => {
    for (const { series } of generateCustomers('school', 5, ctx)) {
      const term = meanWhere(series.consumptionKwh, (t) => weekdayMidday(t) && (ctx.month[t] === 5 || ctx.month[t] === 11));
      const summer = meanWhere(series.consumptionKwh, (t) => weekdayMidday(t) && ctx.month[t] === 8);
      const winter = meanWhere(series.consumptionKwh, (t) => weekdayMidday(t) && ctx.daysFromLunarNewYear[t] >= -14 && ctx.daysFromLunarNewYear[t] <= 10);
      expect(summer).toBeLessThan(0.4 * term);
      expect(winter).toBeLessThan(0.4 * term);
    }
  });
});

describe('hospital', () => {
  it('keeps a high base around the clock with a daytime bump', () => {
    const [{ series }] = generateCustomers('hospital', 1, ctx);
    const night = meanWhere(series.consumptionKwh, (t) => hour(t) >= 1 && hour(t) < 5);
    const day = meanWhere(series.consumptionKwh, weekdayMidday);
    expect(night).toBeGreaterThan(0.45 * day);
    expect(night).toBeLessThan(0.8 * day);
  });
});
