import { describe, expect, it } from 'vitest';
import { demoTariff } from '../../core/tariff/index.js';
import { localMidnightUtc } from '../../core/time/index.js';
import { isTimeOfUse, loadShiftAdvice } from './load-shift.js';
import { billingMonths, slotUsageOf } from './slot-usage.js';

/** 2025 hourly: 0.15 kWh an hour, 1 kWh an hour from 18:00 to 22:00 (7 kWh a day, all in tier 1). */
function eveningSlots() {
  const startMs = localMidnightUtc('2025-01-01', 'Asia/Shanghai');
  const kwh = Float64Array.from({ length: 8760 }, (_, i) => (i % 24 >= 18 && i % 24 < 22 ? 1 : 0.15));
  return slotUsageOf({ startMs, intervalMinutes: 60, kwh, timeZone: 'Asia/Shanghai' }, billingMonths('2025-12-31'));
}

describe('load-shift advice', () => {
  it('values moving half the evening excess to after 22:00 at the peak-valley difference', () => {
    const advice = loadShiftAdvice(eveningSlots(), demoTariff('ZJ-RES-TOU'))!;
    // (1 - 0.15) x 0.5 x 4 h = 1.7 kWh a day moved from peak (0.568) to valley (0.288): 1.7 x 365 x 0.28 = 173.74
    expect(advice.kwhPerDay).toBeCloseTo(1.7, 9);
    expect(advice.toHour).toBe(22);
    expect(Math.abs(advice.savings - 173.74)).toBeLessThanOrEqual(0.12);
    expect(advice.costAfter).toBeLessThan(advice.costBefore);
  });

  it('gives no advice on a tariff without time-of-use prices', () => {
    expect(isTimeOfUse(demoTariff('ZJ-RES-TIER'))).toBe(false);
    expect(loadShiftAdvice(eveningSlots(), demoTariff('ZJ-RES-TIER'))).toBeNull();
  });
});
