import type { LocalizedText } from '../credit/index.js';
import type { BillBook } from './bill-book.js';

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

/** Money overdue on a day. */
export interface ArrearsPosition {
  readonly outstandingCny: number;
  readonly daysPastDue: number;
  /** Position (in the book) of the oldest overdue bill; -1 when nothing is overdue. */
  readonly oldestOverdue: number;
}

/** What customer `c` owes on `day`: overdue bills among those issued by then. */
export function arrearsPosition(book: BillBook, c: number, day: number): ArrearsPosition {
  let outstandingCny = 0;
  let oldestOverdue = -1;
  for (let i = book.billStart[c], end = book.knownEnd(c, day); i < end; i++) {
    if (!book.overdueAt(i, day)) continue;
    outstandingCny += book.amount[i];
    if (oldestOverdue < 0) oldestOverdue = i;
  }
  return { outstandingCny, daysPastDue: oldestOverdue < 0 ? 0 : day - book.dueDay[oldestOverdue], oldestOverdue };
}

/** Late-payment counts over the bills of customer `c` due before `day` (issued by then). */
interface LateSummary {
  due: number;
  onTime: number;
  sumDaysLate: number;
  maxDaysLate: number;
  lateRecent: number;
  /** Late flags of the last three due bills, most recent in `last`. */
  last: number;
  lastButOne: number;
  lastButTwo: number;
}

function lateSummary(book: BillBook, from: number, known: number, day: number): LateSummary {
  const s: LateSummary = { due: 0, onTime: 0, sumDaysLate: 0, maxDaysLate: -Infinity, lateRecent: 0, last: 0, lastButOne: 0, lastButTwo: 0 };
  for (let i = from; i < known; i++) {
    if (!(book.dueDay[i] < day)) continue;
    const late = book.daysLateAt(i, day);
    s.due++;
    if (late === 0) s.onTime++;
    s.sumDaysLate += late;
    if (late > s.maxDaysLate) s.maxDaysLate = late;
    if (late > 0 && book.dueDay[i] >= day - YEAR) s.lateRecent++;
    s.lastButTwo = s.lastButOne;
    s.lastButOne = s.last;
    s.last = Number(late > 0);
  }
  return s;
}

function returnedWithinYear(book: BillBook, c: number, day: number): number {
  let n = 0;
  for (let k = book.returnedStart[c]; k < book.returnedStart[c + 1]; k++) {
    const d = book.returnedDay[k];
    if (book.returnedIssueDay[k] <= day && d <= day && d > day - YEAR) n++;
  }
  return n;
}

/**
 * The feature vector of customer `c` on `day`, in {@link PAYMENT_FEATURE_NAMES} order, written to
 * `out` from `at`. Uses only bills issued and payments made on or before `day`; NaN where there is
 * nothing to measure. No allocation per call beyond a few numbers: it runs once per bill snapshot.
 */
export function paymentFeaturesInto(book: BillBook, c: number, day: number, theftConfirmed: boolean, out: Float64Array, at = 0): void {
  const from = book.billStart[c];
  const known = book.knownEnd(c, day);
  const late = lateSummary(book, from, known, day);
  const yearFrom = book.issuedFrom(from, known, day - YEAR);
  const avgBill = book.meanAmount(yearFrom, known);
  const position = arrearsPosition(book, c, day);
  const hasDue = late.due > 0;
  out[at] = known - yearFrom;
  out[at + 1] = hasDue ? late.onTime / late.due : NaN;
  out[at + 2] = hasDue ? late.sumDaysLate / late.due : NaN;
  out[at + 3] = hasDue ? late.maxDaysLate : NaN;
  out[at + 4] = late.lateRecent;
  out[at + 5] = hasDue ? late.last : NaN;
  out[at + 6] = late.last + late.lastButOne + late.lastButTwo;
  out[at + 7] = returnedWithinYear(book, c, day);
  out[at + 8] = avgBill > 0 ? position.outstandingCny / avgBill : 0;
  out[at + 9] = position.daysPastDue;
  out[at + 10] = avgBill;
  out[at + 11] = kwhVariation(book, yearFrom, known);
  out[at + 12] = (day - book.openDay[c]) / YEAR;
  out[at + 13] = avgBill > 0 ? book.depositCny[c] / avgBill : 0;
  out[at + 14] = Number(theftConfirmed);
}

/** {@link paymentFeaturesInto} as a new vector. */
export function paymentFeatures(book: BillBook, c: number, day: number, theftConfirmed = false): Float64Array {
  const out = new Float64Array(PAYMENT_FEATURES.length);
  paymentFeaturesInto(book, c, day, theftConfirmed, out);
  return out;
}

/** Coefficient of variation of the kWh of bills [from, to); NaN under three bills or a non-positive mean. */
function kwhVariation(book: BillBook, from: number, to: number): number {
  const n = to - from;
  if (n < 3) return NaN;
  let sum = 0;
  for (let i = from; i < to; i++) sum += book.kwh[i];
  const m = sum / n;
  if (!(m > 0)) return NaN;
  let squares = 0;
  for (let i = from; i < to; i++) squares += (book.kwh[i] - m) ** 2;
  return Math.sqrt(squares / (n - 1)) / m;
}
