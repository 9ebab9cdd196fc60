import { describe, expect, it } from 'vitest';
import { agingAccelerationFactor, equivalentAgingHours, hotSpotRise, REFERENCE_HOT_SPOT_C, riseTable, stepTopOilRise, ultimateTopOilRise } from './transformer-thermal.js';

describe('IEEE C57.91 thermal model', () => {
  it('has F_AA = 1 at a 110 °C hot spot, roughly doubling per 6–7 K', () => {
    expect(agingAccelerationFactor(REFERENCE_HOT_SPOT_C)).toBeCloseTo(1, 12);
    expect(agingAccelerationFactor(117)).toBeGreaterThan(1.9);
    expect(agingAccelerationFactor(117)).toBeLessThan(2.3);
    expect(agingAccelerationFactor(98)).toBeLessThan(0.3);
    expect(equivalentAgingHours([110, 110, 110])).toBeCloseTo(3, 10);
  });

  it('gives the rated rises at rated load: 55 K top oil, 80 K hot spot, 110 °C at 30 °C ambient', () => {
    expect(ultimateTopOilRise(1)).toBeCloseTo(55, 10);
    expect(30 + ultimateTopOilRise(1) + hotSpotRise(1)).toBeCloseTo(110, 10);
    expect(ultimateTopOilRise(0)).toBeCloseTo(55 * (1 / 6) ** 0.8, 10);
    expect(ultimateTopOilRise(1.3)).toBeGreaterThan(ultimateTopOilRise(1));
  });

  it('follows a load step with the oil time constant (63% after τ = 3 h)', () => {
    let rise = 0;
    for (let h = 0; h < 3; h++) rise = stepTopOilRise(rise, 50, 1);
    expect(rise / 50).toBeCloseTo(1 - Math.exp(-1), 10);
  });
});

describe('riseTable', () => {
  it('matches the exact formulas within 1e-4 K, including beyond the table', () => {
    const table = riseTable();
    for (const k of [0, 0.123456, 0.5, 0.99999, 1, 1.7, 2.9999, 3.5]) {
      expect(Math.abs(table.topOil(k) - ultimateTopOilRise(k))).toBeLessThan(1e-4);
      expect(Math.abs(table.hotSpot(k) - hotSpotRise(k))).toBeLessThan(1e-4);
    }
    expect(riseTable()).toBe(table);
  });
});
