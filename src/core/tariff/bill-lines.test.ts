import { describe, expect, it } from 'vitest';
import { amountLine, fmt, periodLabel, periodNamesOf, pricedLine, sumAmounts } from './bill-lines.js';

describe('bill lines', () => {
  it('formats numbers without float noise or trailing zeros', () => {
    expect([fmt(0.1 + 0.2), fmt(195), fmt(66.66666, 2), fmt(0.0000001)]).toEqual(['0.3', '195', '66.67', '0']);
  });

  it('labels named and unnamed periods', () => {
    expect(periodLabel('critical')).toEqual({ zh: '尖峰', en: 'Critical-peak' });
    expect(periodLabel('p3')).toEqual({ zh: '时段3', en: 'Period 3' });
    expect(periodNamesOf(1, undefined)).toEqual(['all']);
    expect(periodNamesOf(2, undefined)).toEqual(['p0', 'p1']);
    expect(periodNamesOf(2, ['peak', 'valley'])).toEqual(['peak', 'valley']);
  });

  it('rounds amounts to the fen, half away from zero', () => {
    const text = { zh: '说明', en: 'note' };
    expect(pricedLine({ code: 'X', quantity: 20.5, unit: 'kWh', rate: 0.5, text }).amount).toBe(10.25);
    expect(pricedLine({ code: 'X', quantity: 36, unit: 'kWh', rate: 0.568, text }).amount).toBe(20.45);
    expect(amountLine({ code: 'X', quantity: 1, unit: 'CNY', rate: 1, text }, -892.61055).amount).toBe(-892.61);
    expect(sumAmounts([pricedLine({ code: 'A', quantity: 1, unit: 'x', rate: 0.1, text }), pricedLine({ code: 'B', quantity: 1, unit: 'x', rate: 0.2, text })])).toBe(0.3);
  });
});
