import { describe, expect, it } from 'vitest';
import { parseDrProgram } from './dr-program.js';
import { settleCustomer } from './settlement.js';

const base = parseDrProgram({ programId: 'P1', name: 'Peak', nameZh: '削峰' });

describe('settlement', () => {
  // Four 15-minute intervals: reductions 1, 2, −1 (consumption above baseline), 0.
  const input = { baseline: [3, 4, 2, 1], actual: [2, 2, 3, 1], intervalMinutes: 15, committedKw: 4 };

  it('floors each interval at zero and pays per kWh (interval settlement)', () => {
    const s = settleCustomer(input, base);
    expect(s).toMatchObject({ baselineKwh: 10, actualKwh: 8, reductionKwh: 3, reductionKw: 3, paymentCny: 6, penaltyCny: 0, netCny: 6 });
  });

  it('nets over the event for event settlement, and pays per kW of average reduction', () => {
    const s = settleCustomer(input, { ...base, settlement: 'event', priceUnit: 'kw', priceCny: 5 });
    expect(s.reductionKwh).toBe(2);
    expect(s.reductionKw).toBe(2);
    expect(s.paymentCny).toBe(10);
  });

  it('never pays for consumption above the baseline', () => {
    const s = settleCustomer({ ...input, actual: [5, 5, 5, 5] }, { ...base, settlement: 'event' });
    expect(s.reductionKwh).toBe(0);
    expect(s.paymentCny).toBe(0);
  });

  it('penalises a shortfall below the minimum performance when configured', () => {
    // Committed 10 kW, 50% minimum → 5 kW; delivered 3 kW → 2 kW short at 20 CNY/kW.
    const s = settleCustomer({ ...input, committedKw: 10 }, { ...base, penaltyCnyPerKw: 20 });
    expect(s).toMatchObject({ paymentCny: 6, penaltyCny: 40, netCny: -34 });
  });

  it('rejects a programme with an unknown baseline or negative price, naming the field', () => {
    expect(() => parseDrProgram({ programId: 'P2', name: 'x', nameZh: 'x', baselineMethod: 'nope' })).toThrow(/baselineMethod[\s\S]*unknown baseline method/);
    expect(() => parseDrProgram({ programId: 'P2', name: 'x', nameZh: 'x', priceCny: -1 })).toThrow(/priceCny/);
  });
});
