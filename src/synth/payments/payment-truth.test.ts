import { describe, expect, it } from 'vitest';
import type { Payment } from '../../core/schemas/billing.js';
import { MS_PER_DAY } from '../../core/time/index.js';
import type { BillDue } from './payment-generator.js';
import { billDelinquencies, creditTruth } from './payment-truth.js';

const day = (d: number) => Date.UTC(2024, 0, 1) + d * MS_PER_DAY;
const bill = (id: string, customerId: string, issue: number, amount = 100): BillDue => ({ billId: id, accountId: `A-${customerId}`, customerId, amount, issueMs: day(issue), dueMs: day(issue + 20) });
const pay = (billId: string, d: number, amount: number, status: Payment['status'] = 'settled'): Payment => ({
  paymentId: `${billId}-${d}-${status}`, billId, accountId: 'A', customerId: 'C', paidAt: new Date(day(d)), amount, currency: 'CNY', channel: 'bank_debit', status,
});

describe('billDelinquencies', () => {
  it('counts days past due at settlement, ignores returned payments and sums partial ones', () => {
    const bills = [bill('b1', 'C', 0), bill('b2', 'C', 30), bill('b3', 'C', 60)];
    const payments = [pay('b1', 10, 100), pay('b2', 45, 100, 'returned'), pay('b2', 55, 100), pay('b3', 70, 40), pay('b3', 100, 60)];
    const rows = billDelinquencies(bills, payments, day(200));
    expect(rows.map((r) => r.daysPastDue)).toEqual([0, 5, 20]);
    expect(rows[1].returnedCount).toBe(1);
    expect(rows[2].paidAmount).toBe(100);
  });

  it('counts unpaid bills as past due up to the as-of date', () => {
    const [row] = billDelinquencies([bill('b1', 'C', 0)], [pay('b1', 150, 100)], day(120));
    expect(row.settledMs).toBeNull();
    expect(row.daysPastDue).toBe(100);
  });
});

describe('creditTruth', () => {
  it('summarises matured bills per customer and flags defaults', () => {
    const bills = [bill('x1', 'X', 0), bill('x2', 'X', 30), bill('y1', 'Y', 0), bill('y2', 'Y', 300)];
    const payments = [pay('x1', 5, 100), pay('y1', 5, 100)];
    const [x, y] = creditTruth(bills, payments, day(200));
    expect(x).toMatchObject({ customerId: 'X', maturedBills: 2, onTimeRate: 0.5, billsOver90: 1, outstandingCny: 100, defaulted: true });
    expect(y).toMatchObject({ customerId: 'Y', maturedBills: 1, onTimeRate: 1, maxDaysPastDue: 0, defaulted: false });
  });
});
