import type { Payment } from '../../core/schemas/billing.js';
import { MS_PER_DAY } from '../../core/time/index.js';
import type { BillDue } from './payment-generator.js';

/** Ground truth of one bill's settlement as of a date. */
export interface BillDelinquency {
  readonly billId: string;
  readonly accountId: string;
  readonly customerId: string;
  readonly amount: number;
  readonly dueMs: number;
  /** Sum of settled payments on or before the as-of date. */
  readonly paidAmount: number;
  /** When settled payments first covered the amount; null if not (yet). */
  readonly settledMs: number | null;
  /** Whole days past due: at settlement, or as of the date while unpaid; 0 if on time or not yet due. */
  readonly daysPastDue: number;
  readonly returnedCount: number;
}

/** Per-customer truth summary for label tables. */
export interface CreditTruth {
  readonly customerId: string;
  /** Bills due on or before the as-of date. */
  readonly maturedBills: number;
  readonly onTimeRate: number;
  readonly meanDaysPastDue: number;
  readonly maxDaysPastDue: number;
  readonly billsOver30: number;
  readonly billsOver90: number;
  readonly returnedPayments: number;
  readonly outstandingCny: number;
  /** Some bill is unpaid 90 or more days after its due date. */
  readonly defaulted: boolean;
}

/** Days past due of every bill, from the bills and their payments, as of a date. */
export function billDelinquencies(bills: readonly BillDue[], payments: readonly Payment[], asOfMs: number): BillDelinquency[] {
  const byBill = new Map<string, Payment[]>();
  for (const p of payments) {
    if (p.paidAt.getTime() > asOfMs) continue;
    const list = byBill.get(p.billId) ?? [];
    list.push(p);
    byBill.set(p.billId, list);
  }
  return bills.map((bill) => delinquencyOf(bill, byBill.get(bill.billId) ?? [], asOfMs));
}

function delinquencyOf(bill: BillDue, payments: readonly Payment[], asOfMs: number): BillDelinquency {
  const settled = payments.filter((p) => p.status === 'settled').sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime());
  let paid = 0;
  let settledMs: number | null = bill.amount <= 0 ? bill.issueMs : null;
  for (const p of settled) {
    paid += p.amount;
    if (settledMs === null && paid >= bill.amount - 0.005) settledMs = p.paidAt.getTime();
  }
  const until = settledMs ?? asOfMs;
  const daysPastDue = Math.max(0, Math.ceil((until - bill.dueMs) / MS_PER_DAY));
  return {
    billId: bill.billId, accountId: bill.accountId, customerId: bill.customerId, amount: bill.amount, dueMs: bill.dueMs,
    paidAmount: Math.round(paid * 100) / 100, settledMs, daysPastDue,
    returnedCount: payments.filter((p) => p.status === 'returned').length,
  };
}

/** Summaries per customer (in order of first appearance) over the bills due by the as-of date. */
export function creditTruth(bills: readonly BillDue[], payments: readonly Payment[], asOfMs: number): CreditTruth[] {
  const rows = billDelinquencies(bills.filter((b) => b.dueMs <= asOfMs), payments, asOfMs);
  const byCustomer = new Map<string, BillDelinquency[]>();
  for (const r of rows) {
    const list = byCustomer.get(r.customerId);
    if (list === undefined) byCustomer.set(r.customerId, [r]);
    else list.push(r);
  }
  return [...byCustomer].map(([customerId, list]) => summarize(customerId, list));
}

function summarize(customerId: string, rows: readonly BillDelinquency[]): CreditTruth {
  const dpd = rows.map((r) => r.daysPastDue);
  return {
    customerId,
    maturedBills: rows.length,
    onTimeRate: rows.filter((r) => r.settledMs !== null && r.daysPastDue === 0).length / rows.length,
    meanDaysPastDue: dpd.reduce((a, b) => a + b, 0) / rows.length,
    maxDaysPastDue: Math.max(...dpd),
    billsOver30: dpd.filter((d) => d > 30).length,
    billsOver90: dpd.filter((d) => d > 90).length,
    returnedPayments: rows.reduce((s, r) => s + r.returnedCount, 0),
    outstandingCny: Math.round(rows.reduce((s, r) => s + Math.max(0, r.amount - r.paidAmount), 0) * 100) / 100,
    defaulted: rows.some((r) => r.settledMs === null && r.daysPastDue >= 90),
  };
}
