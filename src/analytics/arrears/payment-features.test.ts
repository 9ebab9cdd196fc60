import { describe, expect, it } from 'vitest';
import { bill, history } from './arrears.testkit.js';
import { BillBook } from './bill-book.js';
import { arrearsPosition, PAYMENT_FEATURE_NAMES, paymentFeatures, paymentFeaturesInto } from './payment-features.js';

const at = (x: Float64Array, name: string) => x[PAYMENT_FEATURE_NAMES.indexOf(name)];

describe('paymentFeatures', () => {
  const h = history([bill(1000, 0), bill(1030, 10), bill(1060, null, 200, [1070]), bill(1090, 0)], 'C1', 0, 150);

  it('uses only what is known on the day: a bill paid later counts as unpaid so far', () => {
    const x = paymentFeatures(h, 0, 1080);
    expect(at(x, 'bills_12m')).toBe(3);
    expect(at(x, 'on_time_rate')).toBeCloseTo(1 / 3);
    expect(at(x, 'avg_days_late')).toBeCloseTo((0 + 10 + 5) / 3);
    expect(at(x, 'max_days_late')).toBe(10);
    expect(at(x, 'late_12m')).toBe(2);
    expect(at(x, 'late_last')).toBe(1);
    expect(at(x, 'late_last3')).toBe(2);
    expect(at(x, 'returned_12m')).toBe(1);
    expect(at(x, 'days_past_due')).toBe(5);
    expect(at(x, 'outstanding_ratio')).toBeCloseTo(200 / (400 / 3));
    expect(at(x, 'avg_bill_cny')).toBeCloseTo(400 / 3);
    expect(at(x, 'usage_cv')).toBeCloseTo(Math.sqrt(((150 - 200) ** 2 * 2 + (300 - 200) ** 2) / 2) / 200);
    expect(at(x, 'deposit_months')).toBeCloseTo(150 / (400 / 3));
    expect(at(x, 'tenure_years')).toBeCloseTo(1080 / 365);
    expect(at(x, 'theft_history')).toBe(0);
  });

  it('gives NaN where nothing can be measured yet', () => {
    const x = paymentFeatures(h, 0, 1001);
    expect(at(x, 'on_time_rate')).toBeNaN();
    expect(at(x, 'late_last')).toBeNaN();
    expect(at(x, 'usage_cv')).toBeNaN();
    expect(at(x, 'days_past_due')).toBe(0);
  });

  it('counts a returned payment only once its bill is issued and within the last year', () => {
    const book = history([bill(0, 0, 100, [10]), bill(30, 0)]);
    expect(at(paymentFeatures(book, 0, 20), 'returned_12m')).toBe(1);
    expect(at(paymentFeatures(book, 0, 9), 'returned_12m')).toBe(0);
    expect(at(paymentFeatures(book, 0, 10 + 365), 'returned_12m')).toBe(0);
  });

  it('reads each customer of a book from its own bills, writing at an offset', () => {
    const book = BillBook.fromCustomers([
      { facts: { customerId: 'A', openDay: 0, depositCny: 0 }, bills: [bill(0, 0), bill(30, 0)] },
      { facts: { customerId: 'B', openDay: 0, depositCny: 0 }, bills: [bill(0, 40, 100, [20]), bill(30, null)] },
    ]);
    const p = PAYMENT_FEATURE_NAMES.length;
    const out = new Float64Array(2 * p);
    paymentFeaturesInto(book, 0, 80, false, out, 0);
    paymentFeaturesInto(book, 1, 80, true, out, p);
    expect(Array.from(out.subarray(p))).toEqual(Array.from(paymentFeatures(book, 1, 80, true)));
    expect(at(out.subarray(0, p), 'late_12m')).toBe(0);
    expect(at(out.subarray(p), 'late_12m')).toBe(2);
    expect(at(out.subarray(p), 'returned_12m')).toBe(1);
  });
});

describe('arrearsPosition', () => {
  it('sums the overdue bills and points at the oldest', () => {
    const book = history([bill(0, null, 50), bill(30, null, 70), bill(60, 0)]);
    const p = arrearsPosition(book, 0, 80);
    expect(p.oldestOverdue).toBe(0);
    expect(p.outstandingCny).toBe(120);
    expect(p.daysPastDue).toBe(65);
    expect(arrearsPosition(book, 0, 10)).toEqual({ outstandingCny: 0, daysPastDue: 0, oldestOverdue: -1 });
  });
});
