import { describe, expect, it } from 'vitest';
import { bill, history } from './arrears.testkit.js';
import { arrearsPosition, PAYMENT_FEATURE_NAMES, paymentFeatures } from './payment-features.js';

const at = (x: Float64Array, name: string) => x[PAYMENT_FEATURE_NAMES.indexOf(name)];

describe('paymentFeatures', () => {
  const h = history([bill('b1', 1000, 0), bill('b2', 1030, 10), bill('b3', 1060, null, 200, [1070]), bill('b4', 1090, 0)], 'C1', 0, 150);

  it('uses only what is known on the day: a bill paid later counts as unpaid so far', () => {
    const x = paymentFeatures(h, 1080);
    expect(at(x, 'bills_12m')).toBe(3);
    expect(at(x, 'on_time_rate')).toBeCloseTo(1 / 3);
    expect(at(x, 'max_days_late')).toBe(10);
    expect(at(x, 'late_last')).toBe(1);
    expect(at(x, 'returned_12m')).toBe(1);
    expect(at(x, 'days_past_due')).toBe(5);
    expect(at(x, 'outstanding_ratio')).toBeCloseTo(200 / (400 / 3));
    expect(at(x, 'deposit_months')).toBeCloseTo(150 / (400 / 3));
    expect(at(x, 'tenure_years')).toBeCloseTo(1080 / 365);
  });

  it('gives NaN where nothing can be measured yet', () => {
    const x = paymentFeatures(h, 1001);
    expect(at(x, 'on_time_rate')).toBeNaN();
    expect(at(x, 'late_last')).toBeNaN();
    expect(at(x, 'days_past_due')).toBe(0);
  });

  it('lists overdue bills oldest first with the money owed', () => {
    const p = arrearsPosition(history([bill('a', 0, null, 50), bill('b', 30, null, 70), bill('c', 60, 0)]), 80);
    expect(p.overdue.map((b) => b.billId)).toEqual(['a', 'b']);
    expect(p.outstandingCny).toBe(120);
    expect(p.daysPastDue).toBe(65);
  });
});
