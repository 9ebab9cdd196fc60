import type { LocalizedText } from '../credit/index.js';
import { daysLateAt, overdueAt, type BillHistory } from './bill-history.js';

const YEAR = 365;

/** A numeric payment-behaviour feature with its display name (reason codes, reports). */
export interface PaymentFeature {
  readonly name: string;
  readonly label: LocalizedText;
}

const f = (name: string, zh: string, en: string): PaymentFeature => ({ name, label: { 'zh-CN': zh, en } });

/** Features of a customer on a day, from the bills and payments known on that day (DOMAIN.md section 6). */
export const PAYMENT_FEATURES: readonly PaymentFeature[] = [
  f('bills_12m', '近12个月账单数', 'bills in 12 months'),
  f('on_time_rate', '按时缴费率', 'on-time payment rate'),
  f('avg_days_late', '平均逾期天数', 'average days late'),
  f('max_days_late', '最长逾期天数', 'maximum days late'),
  f('late_12m', '近12个月逾期次数', 'late payments in 12 months'),
  f('late_last', '上期是否逾期', 'last bill paid late'),
  f('late_last3', '近3期逾期次数', 'late bills of the last 3'),
  f('returned_12m', '近12个月退票次数', 'returned payments in 12 months'),
  f('outstanding_ratio', '欠费与月均电费之比', 'arrears in months of bills'),
  f('days_past_due', '当前欠费天数', 'days past due'),
  f('avg_bill_cny', '月均电费', 'average bill (CNY)'),
  f('usage_cv', '月用电量变异系数', 'monthly kWh variation'),
  f('tenure_years', '用电年限', 'tenure (years)'),
  f('deposit_months', '保证金月数', 'deposit in months of bills'),
  f('theft_history', '窃电记录', 'confirmed theft'),
];

export const PAYMENT_FEATURE_NAMES: readonly string[] = PAYMENT_FEATURES.map((p) => p.name);

/** Outstanding money and the oldest overdue bill on a day. */
export interface ArrearsPosition {
  readonly outstandingCny: number;
  readonly daysPastDue: number;
  /** Overdue bills, oldest first. */
  readonly overdue: readonly { billId: string; dueDay: number; amount: number }[];
}

export function arrearsPosition(history: BillHistory, day: number): ArrearsPosition {
  const overdue = history.knownAt(day).filter((b) => overdueAt(b, day));
  const outstandingCny = overdue.reduce((s, b) => s + b.amount, 0);
  const daysPastDue = overdue.length ? day - overdue[0].dueDay : 0;
  return { outstandingCny, daysPastDue, overdue: overdue.map((b) => ({ billId: b.billId, dueDay: b.dueDay, amount: b.amount })) };
}

/**
 * The feature vector of a customer on `day`, in {@link PAYMENT_FEATURE_NAMES} order. Uses only
 * bills issued and payments made on or before `day`; NaN where there is nothing to measure.
 */
export function paymentFeatures(history: BillHistory, day: number, theftConfirmed = false): Float64Array {
  const known = history.knownAt(day);
  const due = known.filter((b) => b.dueDay < day);
  const recent = due.filter((b) => b.dueDay >= day - YEAR);
  const late = due.map((b) => daysLateAt(b, day));
  const lateRecent = recent.map((b) => daysLateAt(b, day));
  const last3 = late.slice(-3);
  const bills = known.filter((b) => b.issueDay >= day - YEAR);
  const avgBill = mean(bills.map((b) => b.amount));
  const position = arrearsPosition(history, day);
  const returned = known.reduce((s, b) => s + b.returnedDays.filter((d) => d <= day && d > day - YEAR).length, 0);
  const out = new Float64Array(PAYMENT_FEATURES.length);
  out.set([
    bills.length,
    due.length ? late.filter((d) => d === 0).length / due.length : NaN,
    due.length ? mean(late) : NaN,
    due.length ? Math.max(...late) : NaN,
    lateRecent.filter((d) => d > 0).length,
    late.length ? Number(late[late.length - 1] > 0) : NaN,
    last3.filter((d) => d > 0).length,
    returned,
    avgBill > 0 ? position.outstandingCny / avgBill : 0,
    position.daysPastDue,
    avgBill,
    coefficientOfVariation(bills.map((b) => b.kwh)),
    (day - history.customer.openDay) / YEAR,
    avgBill > 0 ? history.customer.depositCny / avgBill : 0,
    Number(theftConfirmed),
  ]);
  return out;
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : NaN;
}

function coefficientOfVariation(values: readonly number[]): number {
  if (values.length < 3) return NaN;
  const m = mean(values);
  if (!(m > 0)) return NaN;
  const variance = values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / m;
}
