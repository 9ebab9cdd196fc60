import type { Payment } from '../../core/schemas/billing.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../core/time/index.js';
import { roundFen } from '../../core/units.js';
import type { Rng } from '../rng.js';
import type { CreditProfile } from './credit-profile.js';

/** What a payment generator needs of a bill. */
export interface BillDue {
  readonly billId: string;
  readonly accountId: string;
  readonly customerId: string;
  /** CNY; bills of zero or negative amount (credits) need no payment. */
  readonly amount: number;
  readonly issueMs: number;
  readonly dueMs: number;
}

type PaymentChannel = Payment['channel'];

export interface PaymentOptions {
  /** Payments after this instant have not happened yet and are left out. */
  readonly asOfMs?: number;
}

const LOCAL_OFFSET_MS = 8 * MS_PER_HOUR;
const FALLBACK_CHANNELS: readonly PaymentChannel[] = ['counter', 'wechat', 'alipay'];

/**
 * Payments of one account's bills by a customer of the given profile. Bank debits run on the
 * profile's debit day; a debit that finds no funds takes nothing and the customer pays late through
 * another channel; a bounced debit is recorded as `returned` and followed by a payment through
 * another channel. Prepaid accounts are charged at issue and are never late.
 */
export function generatePayments(bills: readonly BillDue[], profile: CreditProfile, preferredChannel: Payment['channel'], rng: Rng, options: PaymentOptions = {}): Payment[] {
  const sorted = [...bills].sort((a, b) => a.issueMs - b.issueMs);
  const stopAt = profile.stopFraction === null ? Infinity : Math.floor(profile.stopFraction * sorted.length);
  const payments: Payment[] = [];
  sorted.forEach((bill, i) => {
    if (bill.amount <= 0 || i >= stopAt) return;
    payments.push(...payBill(bill, profile, preferredChannel, rng));
  });
  const asOf = options.asOfMs ?? Infinity;
  return payments.filter((p) => p.paidAt.getTime() <= asOf);
}

function payBill(bill: BillDue, profile: CreditProfile, channel: PaymentChannel, rng: Rng): Payment[] {
  const record = (paidMs: number, amount: number, ch: PaymentChannel, status: Payment['status'], k: number): Payment => ({
    paymentId: `${bill.billId}-P${k}`, billId: bill.billId, accountId: bill.accountId, customerId: bill.customerId,
    paidAt: new Date(paidMs), amount: roundFen(amount), currency: 'CNY', channel: ch, status,
  });
  if (channel === 'prepaid') return [record(bill.issueMs, bill.amount, channel, 'settled', 1)];
  const late = rng.chance(profile.lateProbability);
  let paidMs = late ? lateMs(bill, profile, rng) : onTimeMs(bill, profile, channel, rng);
  // A debit run that finds no funds takes nothing; the customer pays late by another channel.
  let payChannel: PaymentChannel = late && channel === 'bank_debit' ? rng.pick(FALLBACK_CHANNELS) : channel;
  const out: Payment[] = [];
  if (payChannel === 'bank_debit' && rng.chance(profile.returnProbability)) {
    out.push(record(paidMs, bill.amount, channel, 'returned', 1));
    paidMs += rng.int(3, 20) * MS_PER_DAY + rng.int(1, 10) * MS_PER_HOUR;
    payChannel = rng.pick(FALLBACK_CHANNELS);
  }
  if (rng.chance(profile.partialProbability)) {
    const part = roundFen(bill.amount * rng.uniform(0.3, 0.8));
    out.push(record(paidMs, part, payChannel, 'settled', out.length + 1));
    if (rng.chance(0.7) && bill.amount - part >= 0.01) {
      out.push(record(paidMs + rng.int(15, 60) * MS_PER_DAY, bill.amount - part, payChannel, 'settled', out.length + 1));
    }
    return out;
  }
  out.push(record(paidMs, bill.amount, payChannel, 'settled', out.length + 1));
  return out;
}

/** A timely payment: the bank debit run, or when the customer gets round to it before the due date. */
function onTimeMs(bill: BillDue, profile: CreditProfile, channel: PaymentChannel, rng: Rng): number {
  const earliest = bill.issueMs + MS_PER_HOUR;
  const latest = Math.max(earliest, bill.dueMs - MS_PER_HOUR);
  if (channel === 'bank_debit') return clamp(nextDayOfMonth(bill.issueMs, profile.debitDay) + 2 * MS_PER_HOUR, earliest, latest);
  const position = clamp(profile.promptness + rng.uniform(-0.2, 0.2), 0, 1);
  const day = bill.issueMs + position * (bill.dueMs - bill.issueMs);
  return clamp(localDayStart(day) + rng.int(8, 22) * MS_PER_HOUR + rng.int(0, 3599) * 1000, earliest, latest);
}

function lateMs(bill: BillDue, profile: CreditProfile, rng: Rng): number {
  const [min, max] = profile.lateDays;
  return localDayStart(bill.dueMs) + rng.int(min, max) * MS_PER_DAY + rng.int(8, 22) * MS_PER_HOUR;
}

/** Local midnight of the first day on or after `fromMs` whose day of month is `day`. */
function nextDayOfMonth(fromMs: number, day: number): number {
  const local = new Date(fromMs + LOCAL_OFFSET_MS);
  let candidate = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), day) - LOCAL_OFFSET_MS;
  if (candidate < localDayStart(fromMs)) candidate = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, day) - LOCAL_OFFSET_MS;
  return candidate;
}

function localDayStart(ms: number): number {
  return Math.floor((ms + LOCAL_OFFSET_MS) / MS_PER_DAY) * MS_PER_DAY - LOCAL_OFFSET_MS;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
