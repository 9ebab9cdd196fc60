import { ValidationError } from '../../core/errors.js';

/** One bill of a customer with what the payments made of it (days are local epoch days). */
export interface BillFact {
  readonly billId: string;
  readonly issueDay: number;
  readonly dueDay: number;
  readonly amount: number;
  readonly kwh: number;
  /** Day on which settled payments first covered the amount (within one fen); null while unpaid. */
  readonly settledDay: number | null;
  /** Returned (bounced) payments against the bill, with the day of each. */
  readonly returnedDays: readonly number[];
}

/** Static facts of a customer that credit and arrears features use. */
export interface CustomerFacts {
  readonly customerId: string;
  readonly customerType: string;
  readonly openDay: number;
  readonly depositCny: number;
  readonly prepaid: boolean;
}

/** A customer's bills in issue order, checked once so feature code can trust them. */
export class BillHistory {
  readonly bills: readonly BillFact[];

  constructor(readonly customer: CustomerFacts, bills: readonly BillFact[]) {
    const sorted = [...bills].sort((a, b) => a.issueDay - b.issueDay || a.billId.localeCompare(b.billId));
    for (const b of sorted) {
      if (!(b.dueDay >= b.issueDay)) throw new ValidationError(`bill ${b.billId} of ${customer.customerId} is due before it is issued`, { billId: b.billId });
      if (!Number.isFinite(b.amount)) throw new ValidationError(`bill ${b.billId} has no amount`, { billId: b.billId });
    }
    this.bills = sorted;
  }

  /** Bills issued on or before `day`. */
  knownAt(day: number): BillFact[] {
    return this.bills.filter((b) => b.issueDay <= day);
  }

  /** The first bill issued after `day`, or undefined. */
  nextAfter(day: number): BillFact | undefined {
    return this.bills.find((b) => b.issueDay > day);
  }
}

/** Days after the due date that the bill was paid, as known on `day` (still unpaid: days so far, censored). */
export function daysLateAt(bill: BillFact, day: number): number {
  if (bill.settledDay !== null && bill.settledDay <= day) return Math.max(0, bill.settledDay - bill.dueDay);
  return Math.max(0, day - bill.dueDay);
}

/** Whether the bill was unpaid at the end of its due date (known once the due date has passed). */
export function paidLate(bill: BillFact): boolean {
  return bill.settledDay === null || bill.settledDay > bill.dueDay;
}

/** Unpaid on `day` and past due. */
export function overdueAt(bill: BillFact, day: number): boolean {
  return bill.dueDay < day && (bill.settledDay === null || bill.settledDay > day);
}
