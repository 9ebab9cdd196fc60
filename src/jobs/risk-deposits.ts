import { arrearsPosition, type BillBook } from '../analytics/arrears/index.js';
import { recommendDeposit } from '../analytics/deposits/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { CustomerRating } from './risk-types.js';
import { loadListMemberships } from './lists.js';

export interface DepositSummary {
  readonly customers: number;
  /** Customers whose recommendation exceeds the deposit held. */
  readonly topUps: number;
  readonly topUpCny: number;
  readonly prepaymentRequired: number;
}

const YEAR = 365;

/** Recommends a deposit or prepayment for every customer from its grade, lists and exposure; stores the explanation. */
export async function refreshDeposits(wh: Warehouse, input: { runId: number; book: BillBook; ratings: readonly CustomerRating[]; asOfDay: number }): Promise<DepositSummary> {
  const { book, asOfDay } = input;
  const byCustomer = await loadListMemberships(wh);
  const recs = input.ratings.map((rating, c) => {
    const known = book.knownEnd(c, asOfDay);
    const average = book.meanAmount(book.issuedFrom(book.billStart[c], known, asOfDay - YEAR + 1), known) || 0;
    const rec = recommendDeposit({
      grade: rating.band.grade, gradePolicy: rating.band.policy, averageBillCny: average, heldCny: book.depositCny[c],
      lists: byCustomer.get(rating.customerId) ?? [], outstandingCny: arrearsPosition(book, c, asOfDay).outstandingCny,
    });
    return { customerId: rating.customerId, held: book.depositCny[c], rating, average, rec };
  });
  const n = recs.length;
  await wh.append('deposit_recommendations', {
    rowCount: n,
    columns: {
      customer_id: recs.map((r) => r.customerId), run_id: new Int32Array(n).fill(input.runId), grade: recs.map((r) => r.rating.band.grade),
      average_bill_cny: Float64Array.from(recs, (r) => r.average), months: Float64Array.from(recs, (r) => r.rec.months),
      deposit_cny: Float64Array.from(recs, (r) => r.rec.depositCny), held_cny: Float64Array.from(recs, (r) => r.held),
      prepayment_required: recs.map((r) => r.rec.prepaymentRequired), explanation: recs.map((r) => r.rec.explanation),
    },
  });
  const ups = recs.filter((r) => r.rec.topUpCny > 0.005);
  return { customers: n, topUps: ups.length, topUpCny: Math.round(ups.reduce((s, r) => s + r.rec.topUpCny, 0) * 100) / 100, prepaymentRequired: recs.filter((r) => r.rec.prepaymentRequired).length };
}
