import { describe, expect, it } from 'vitest';
import { Payment } from '../../core/schemas/billing.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../core/time/index.js';
import { Rng } from '../rng.js';
import { drawCreditProfile, type CreditClass, type CreditProfile } from './credit-profile.js';
import { generatePayments, type BillDue } from './payment-generator.js';
import { billDelinquencies } from './payment-truth.js';

const asOfMs = Date.UTC(2026, 0, 1);

function billsOf(customer: number): BillDue[] {
  return Array.from({ length: 24 }, (_, m) => {
    const issueMs = Date.UTC(2023, m, 5) - 8 * MS_PER_HOUR;
    return { billId: `B${customer}-${m}`, accountId: `A${customer}`, customerId: `C${customer}`, amount: 150 + 10 * (m % 5), issueMs, dueMs: issueMs + 20 * MS_PER_DAY };
  });
}

function profileOf(creditClass: CreditClass, seed: number): CreditProfile {
  const rng = new Rng(seed, 'profile');
  for (;;) {
    const p = drawCreditProfile(rng, 'residential');
    if (p.creditClass === creditClass) return p;
  }
}

function simulate(creditClass: CreditClass, channel: Payment['channel'], n = 300) {
  const rows = [];
  const payments: Payment[] = [];
  for (let c = 0; c < n; c++) {
    const bills = billsOf(c);
    const paid = generatePayments(bills, profileOf(creditClass, c), channel, new Rng(c, 'pay'), { asOfMs });
    payments.push(...paid);
    rows.push(...billDelinquencies(bills, paid, asOfMs).map((r) => ({ ...r, customer: c })));
  }
  return { rows, payments };
}

describe('generatePayments', () => {
  it('always_on_time pays ≥ 97% of bills by the due date, bank debits on the debit day', () => {
    const { rows, payments } = simulate('always_on_time', 'bank_debit');
    expect(rows.filter((r) => r.settledMs !== null && r.daysPastDue === 0).length / rows.length).toBeGreaterThanOrEqual(0.97);
    for (const p of payments.slice(0, 500)) Payment.parse(p);
    const debits = payments.filter((p) => p.channel === 'bank_debit');
    expect(debits.every((p) => p.paidAt.getTime() <= rows.find((r) => r.billId === p.billId)!.dueMs)).toBe(true);
    const localDayOfMonth = (d: Date) => new Date(d.getTime() + 8 * MS_PER_HOUR).getUTCDate();
    const debitDay = (p: Payment) => profileOf('always_on_time', Number(p.customerId.slice(1))).debitDay;
    expect(debits.every((p) => localDayOfMonth(p.paidAt) === debitDay(p))).toBe(true);
  });

  it('occasionally_late pays 10–25% of bills 5–30 days late', () => {
    const { rows } = simulate('occasionally_late', 'wechat');
    const late = rows.filter((r) => r.daysPastDue > 0);
    expect(late.length / rows.length).toBeGreaterThan(0.08);
    expect(late.length / rows.length).toBeLessThan(0.27);
    expect(late.filter((r) => r.daysPastDue >= 5 && r.daysPastDue <= 31).length / late.length).toBeGreaterThan(0.9);
  });

  it('chronic_arrears is often 30–90 days late and sometimes pays in part', () => {
    const { rows, payments } = simulate('chronic_arrears', 'counter');
    expect(rows.filter((r) => r.daysPastDue >= 30).length / rows.length).toBeGreaterThan(0.4);
    const perBill = new Map<string, number>();
    for (const p of payments) perBill.set(p.billId, (perBill.get(p.billId) ?? 0) + 1);
    expect([...perBill.values()].filter((k) => k > 1).length).toBeGreaterThan(0.1 * perBill.size);
  });

  it('defaulters pay for a while, then stop for good', () => {
    const { rows } = simulate('defaulter', 'alipay', 200);
    for (let c = 0; c < 200; c++) {
      const mine = rows.filter((r) => r.customer === c);
      const firstUnpaid = mine.findIndex((r) => r.paidAmount === 0);
      expect(firstUnpaid).toBeGreaterThan(0);
      expect(mine.slice(firstUnpaid).every((r) => r.paidAmount === 0)).toBe(true);
      expect(mine.at(-1)!.daysPastDue).toBeGreaterThan(90);
    }
  });

  it('follows a returned bank debit with a settled re-payment through another channel', () => {
    const { payments } = simulate('chronic_arrears', 'bank_debit');
    const returned = payments.filter((p) => p.status === 'returned');
    expect(returned.length).toBeGreaterThan(100);
    for (const r of returned) {
      const retry = payments.find((p) => p.billId === r.billId && p.status === 'settled');
      expect(retry).toBeDefined();
      expect(retry!.paidAt.getTime()).toBeGreaterThan(r.paidAt.getTime());
      expect(retry!.channel).not.toBe('bank_debit');
    }
  });

  it('leaves out payments after the as-of date and is deterministic', () => {
    const bills = billsOf(1);
    const profile = profileOf('chronic_arrears', 1);
    const cut = Date.UTC(2024, 0, 1);
    const early = generatePayments(bills, profile, 'wechat', new Rng(5), { asOfMs: cut });
    expect(early.every((p) => p.paidAt.getTime() <= cut)).toBe(true);
    expect(generatePayments(bills, profile, 'wechat', new Rng(5))).toEqual(generatePayments(bills, profile, 'wechat', new Rng(5)));
  });
});
