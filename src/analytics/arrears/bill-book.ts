import { ValidationError } from '../../core/errors.js';

/** One bill of a customer with what the payments made of it (days are local epoch days). */
export interface BillFact {
  readonly issueDay: number;
  readonly dueDay: number;
  readonly amount: number;
  readonly kwh: number;
  /** Day on which settled payments first covered the amount (within one fen); null while unpaid. */
  readonly settledDay: number | null;
  /** Days of returned (bounced) payments against the bill. */
  readonly returnedDays?: readonly number[];
}

/** Static facts of a customer that credit and arrears features use. */
export interface CustomerFacts {
  readonly customerId: string;
  readonly openDay: number;
  readonly depositCny: number;
}

/** The columns a {@link BillBook} is made of: one entry per customer, per bill and per returned payment. */
export interface BillBookColumns {
  readonly customerIds: readonly string[];
  readonly openDay: ArrayLike<number>;
  readonly depositCny: ArrayLike<number>;
  /** Position (in `customerIds`) of each bill's customer: bills are grouped by customer, in customer order. */
  readonly billCustomer: ArrayLike<number>;
  readonly issueDay: ArrayLike<number>;
  readonly dueDay: ArrayLike<number>;
  readonly amount: ArrayLike<number>;
  readonly kwh: ArrayLike<number>;
  /** NaN while unpaid. */
  readonly settledDay: ArrayLike<number>;
  /** Returned payments: their customer's position, the issue day of their bill, and their local day. */
  readonly returnedCustomer: ArrayLike<number>;
  readonly returnedIssueDay: ArrayLike<number>;
  readonly returnedDay: ArrayLike<number>;
}

/**
 * Every customer's bills in issue order, column by column (no object per bill), checked once so
 * feature code can trust them: the constructor rejects bills not grouped by customer, out of issue
 * order, due before they are issued, or without an amount. Customer `c` owns bills
 * [billStart[c], billStart[c + 1]) and returned payments [returnedStart[c], returnedStart[c + 1]).
 */
export class BillBook {
  readonly customerIds: readonly string[];
  readonly openDay: Int32Array;
  readonly depositCny: Float64Array;
  readonly billStart: Int32Array;
  readonly issueDay: Int32Array;
  readonly dueDay: Int32Array;
  readonly amount: Float64Array;
  readonly kwh: Float64Array;
  readonly settledDay: Float64Array;
  readonly returnedStart: Int32Array;
  /** Day of each returned payment, grouped by customer. */
  readonly returnedDay: Int32Array;
  /** Issue day of the bill each returned payment was made against (it is known from then on). */
  readonly returnedIssueDay: Int32Array;

  constructor(columns: BillBookColumns) {
    this.customerIds = columns.customerIds;
    this.openDay = Int32Array.from(columns.openDay);
    this.depositCny = Float64Array.from(columns.depositCny);
    this.issueDay = Int32Array.from(columns.issueDay);
    this.dueDay = Int32Array.from(columns.dueDay);
    this.amount = Float64Array.from(columns.amount);
    this.kwh = Float64Array.from(columns.kwh);
    this.settledDay = Float64Array.from(columns.settledDay);
    this.billStart = groupStarts(columns.billCustomer, this.nCustomers, 'bills');
    this.checkBills();
    this.returnedStart = groupStarts(columns.returnedCustomer, this.nCustomers, 'returned payments');
    this.returnedDay = Int32Array.from(columns.returnedDay);
    this.returnedIssueDay = Int32Array.from(columns.returnedIssueDay);
  }

  /** A book of a few customers given bill by bill (tests, single-customer views). */
  static fromCustomers(customers: readonly { facts: CustomerFacts; bills: readonly BillFact[] }[]): BillBook {
    const bills = customers.flatMap(({ bills: list }, c) => list.map((b) => ({ b, c })));
    const returned = bills.flatMap(({ b, c }) => (b.returnedDays ?? []).map((day) => ({ c, issueDay: b.issueDay, day })));
    return new BillBook({
      customerIds: customers.map((x) => x.facts.customerId), openDay: customers.map((x) => x.facts.openDay), depositCny: customers.map((x) => x.facts.depositCny),
      billCustomer: bills.map((x) => x.c), issueDay: bills.map((x) => x.b.issueDay), dueDay: bills.map((x) => x.b.dueDay), amount: bills.map((x) => x.b.amount),
      kwh: bills.map((x) => x.b.kwh), settledDay: bills.map((x) => x.b.settledDay ?? Number.NaN),
      returnedCustomer: returned.map((r) => r.c), returnedIssueDay: returned.map((r) => r.issueDay), returnedDay: returned.map((r) => r.day),
    });
  }

  get nCustomers(): number {
    return this.customerIds.length;
  }

  get nBills(): number {
    return this.issueDay.length;
  }

  /** One past the last bill of customer `c` issued on or before `day` (bills are in issue order). */
  knownEnd(c: number, day: number): number {
    let end = this.billStart[c];
    const stop = this.billStart[c + 1];
    while (end < stop && this.issueDay[end] <= day) end++;
    return end;
  }

  /** The first of bills [from, to) issued on or after `day`, or `to`. */
  issuedFrom(from: number, to: number, day: number): number {
    let i = from;
    while (i < to && this.issueDay[i] < day) i++;
    return i;
  }

  /** Mean amount of bills [from, to); NaN when empty. */
  meanAmount(from: number, to: number): number {
    let sum = 0;
    for (let i = from; i < to; i++) sum += this.amount[i];
    return to > from ? sum / (to - from) : Number.NaN;
  }

  /** Days after the due date that bill `i` was paid, as known on `day` (still unpaid: days so far, censored). */
  daysLateAt(i: number, day: number): number {
    const settled = this.settledDay[i];
    if (settled <= day) return Math.max(0, settled - this.dueDay[i]);
    return Math.max(0, day - this.dueDay[i]);
  }

  /** Whether bill `i` was unpaid at the end of its due date (known once the due date has passed). */
  paidLate(i: number): boolean {
    return !(this.settledDay[i] <= this.dueDay[i]);
  }

  /** Bill `i` is unpaid on `day` and past due. */
  overdueAt(i: number, day: number): boolean {
    return this.dueDay[i] < day && !(this.settledDay[i] <= day);
  }

  private checkBills(): void {
    for (let c = 0; c < this.nCustomers; c++) {
      for (let i = this.billStart[c]; i < this.billStart[c + 1]; i++) {
        const where = { customerId: this.customerIds[c], bill: i - this.billStart[c] };
        if (i > this.billStart[c] && this.issueDay[i] < this.issueDay[i - 1]) throw new ValidationError(`bills of ${where.customerId} are not in issue order`, where);
        if (!(this.dueDay[i] >= this.issueDay[i])) throw new ValidationError(`a bill of ${where.customerId} is due before it is issued`, where);
        if (!Number.isFinite(this.amount[i])) throw new ValidationError(`a bill of ${where.customerId} has no amount`, where);
      }
    }
  }
}

/** Start offsets (length groups + 1) of rows already grouped by an ascending group index. */
function groupStarts(group: ArrayLike<number>, groups: number, what: string): Int32Array {
  const starts = new Int32Array(groups + 1);
  for (let i = 0; i < group.length; i++) {
    const g = group[i];
    if (!(g >= 0 && g < groups && Number.isInteger(g))) throw new ValidationError(`${what}: customer position ${g} out of range`, { row: i });
    if (i > 0 && g < group[i - 1]) throw new ValidationError(`${what} are not grouped by customer`, { row: i });
    starts[g + 1]++;
  }
  for (let g = 0; g < groups; g++) starts[g + 1] += starts[g];
  return starts;
}
