import { arrearsPosition, type BillHistory } from '../analytics/arrears/index.js';
import { recommendDeposit } from '../analytics/deposits/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { CustomerRating } from './risk-types.js';
import { loadListEntries } from './lists.js';

export interface DepositSummary {
  readonly customers: number;
  /** Customers whose recommendation exceeds the deposit held. */
  readonly topUps: number;
  readonly topUpCny: number;
  readonly prepaymentRequired: number;
}

const YEAR = 365;

/** Recommends a deposit or prepayment for every customer from its grade, lists and exposure; stores the explanation. */
export async function refreshDeposits(wh: Warehouse, input: { runId: number; histories: readonly BillHistory[]; ratings: readonly CustomerRating[]; asOfDay: number }): Promise<DepositSummary> {
  const lists = await loadListEntries(wh);
  const byCustomer = new Map<string, typeof lists>();
  for (const e of lists) byCustomer.set(e.customerId, [...(byCustomer.get(e.customerId) ?? []), e]);
  const recs = input.histories.map((h, c) => {
    const bills = h.knownAt(input.asOfDay).filter((b) => b.issueDay > input.asOfDay - YEAR);
    const average = bills.length ? bills.reduce((s, b) => s + b.amount, 0) / bills.length : 0;
    const rating = input.ratings[c];
    const rec = recommendDeposit({
      grade: rating.band.grade, gradePolicy: rating.band.policy, averageBillCny: average, heldCny: h.customer.depositCny,
      lists: byCustomer.get(h.customer.customerId) ?? [], outstandingCny: arrearsPosition(h, input.asOfDay).outstandingCny,
    });
    return { h, rating, average, rec };
  });
  const n = recs.length;
  await wh.append('deposit_recommendations', {
    rowCount: n,
    columns: {
      customer_id: recs.map((r) => r.h.customer.customerId), run_id: new Int32Array(n).fill(input.runId), grade: recs.map((r) => r.rating.band.grade),
      average_bill_cny: Float64Array.from(recs, (r) => r.average), months: Float64Array.from(recs, (r) => r.rec.months),
      deposit_cny: Float64Array.from(recs, (r) => r.rec.depositCny), held_cny: Float64Array.from(recs, (r) => r.h.customer.depositCny),
      prepayment_required: recs.map((r) => r.rec.prepaymentRequired), explanation: recs.map((r) => r.rec.explanation),
    },
  });
  const ups = recs.filter((r) => r.rec.topUpCny > 0.005);
  return { customers: n, topUps: ups.length, topUpCny: Math.round(ups.reduce((s, r) => s + r.rec.topUpCny, 0) * 100) / 100, prepaymentRequired: recs.filter((r) => r.rec.prepaymentRequired).length };
}
