import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { bill, history } from './arrears.testkit.js';
import { BillBook, type BillBookColumns } from './bill-book.js';

const columns = (over: Partial<BillBookColumns> = {}): BillBookColumns => ({
  customerIds: ['A', 'B'], openDay: [0, 0], depositCny: [0, 50], billCustomer: [0, 0, 1], issueDay: [0, 30, 0], dueDay: [15, 45, 15],
  amount: [10, 20, 30], kwh: [1, 2, 3], settledDay: [15, Number.NaN, 40], returnedCustomer: [0, 1], returnedIssueDay: [0, 0], returnedDay: [10, 12], ...over,
});

describe('BillBook', () => {
  it('groups bills and returned payments by customer', () => {
    const book = new BillBook(columns());
    expect(Array.from(book.billStart)).toEqual([0, 2, 3]);
    expect(Array.from(book.returnedStart)).toEqual([0, 1, 2]);
    expect(Array.from(book.returnedDay)).toEqual([10, 12]);
    expect(Array.from(book.returnedIssueDay)).toEqual([0, 0]);
    expect(book.knownEnd(0, 29)).toBe(1);
    expect(book.knownEnd(1, 100)).toBe(3);
  });

  it('rejects bills out of customer or issue order, due before issue, or without an amount', () => {
    expect(() => new BillBook(columns({ billCustomer: [1, 0, 0] }))).toThrow(ValidationError);
    expect(() => new BillBook(columns({ issueDay: [10, 0, 0] }))).toThrow(/issue order/);
    expect(() => new BillBook(columns({ dueDay: [15, 20, 15] }))).toThrow(/due before/);
    expect(() => new BillBook(columns({ amount: [10, Number.NaN, 30] }))).toThrow(/no amount/);
    expect(() => new BillBook(columns({ returnedCustomer: [1, 0] }))).toThrow(/returned payments are not grouped/);
    expect(() => new BillBook(columns({ returnedCustomer: [0, 2] }))).toThrow(/out of range/);
  });

  it('knows when a bill was late, overdue, and how late so far', () => {
    const book = history([bill(0, 5), bill(30, null), bill(60, 0)]);
    expect([0, 1, 2].map((i) => book.paidLate(i))).toEqual([true, true, false]);
    expect(book.daysLateAt(0, 17)).toBe(2);
    expect(book.daysLateAt(0, 100)).toBe(5);
    expect(book.overdueAt(1, 46)).toBe(true);
    expect(book.overdueAt(0, 21)).toBe(false);
    expect(book.meanAmount(0, 3)).toBe(100);
    expect(book.meanAmount(1, 1)).toBeNaN();
  });
});
