import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { Channel } from '../../core/schemas/meter.js';
import { MeterSeries, type MeterSeriesInput } from './meter-series.js';
import { monday } from './series.testkit.js';

const base: MeterSeriesInput = { meterId: 7, channel: Channel.import, startMs: monday, intervalMinutes: 15, values: new Float64Array([1, Number.NaN, 2]), timeZone: 'Asia/Shanghai' };

function rejection(input: MeterSeriesInput): string {
  try {
    new MeterSeries(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('MeterSeries', () => {
  it('accepts a valid series and derives its interval facts', () => {
    const s = new MeterSeries(base);
    expect([s.length, s.stepsPerHour, s.intervalHours, s.slotStartMs(2) - s.startMs]).toEqual([3, 4, 0.25, 30 * 60_000]);
    expect(s.allowsNegative).toBe(false);
    expect(new MeterSeries({ ...base, channel: Channel.export }).allowsNegative).toBe(true);
    expect(new MeterSeries({ ...base, context: { netMetered: true } }).allowsNegative).toBe(true);
  });

  it('rejects bad input naming the field', () => {
    expect(rejection({ ...base, startMs: monday + 60_000 })).toMatch(/startMs: must be on the 15-minute grid/);
    expect(rejection({ ...base, values: new Float64Array([1, Number.POSITIVE_INFINITY]) })).toMatch(/values\[1\]/);
    expect(rejection({ ...base, values: new Float64Array(0) })).toMatch(/values: must hold/);
    expect(rejection({ ...base, intervalMinutes: 10 as 15 })).toMatch(/intervalMinutes/);
    expect(rejection({ ...base, timeZone: 'Mars/Olympus' })).toMatch(/timeZone/);
    expect(rejection({ ...base, context: { contractKva: -1 } })).toMatch(/context\.contractKva/);
    expect(rejection({ ...base, context: { registerReads: [{ tsMs: monday + 1, kwh: 1 }, { tsMs: monday, kwh: 2 }] } })).toMatch(/registerReads\[1\]\.tsMs/);
    const deliveries = { tsMs: new Float64Array(2), values: new Float64Array(1), arrival: new Float64Array(2) };
    expect(rejection({ ...base, context: { deliveries } })).toMatch(/context\.deliveries/);
  });

  it('withValues keeps the meter and checks only the new values', () => {
    const s = new MeterSeries({ ...base, context: { contractKva: 10 } });
    const t = s.withValues(new Float64Array([3, 4, 5]));
    expect([t.meterId, t.context.contractKva, t.values[2]]).toEqual([7, 10, 5]);
    expect(() => s.withValues(new Float64Array(2))).toThrow(/length/);
  });
});
