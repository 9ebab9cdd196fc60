import { MS_PER_DAY, MS_PER_MINUTE, localMidnightUtc, utcOffsetMinutes, type WorkCalendar } from '../core/time/index.js';
import { computeBill } from '../core/tariff/index.js';
import type { Tariff } from '../core/schemas/tariff.js';
import type { SimulationContext } from './load/index.js';
import type { SynthCustomer } from './population.js';

export interface SynthBill {
  readonly billId: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly issueMs: number;
  readonly dueMs: number;
  readonly amount: number;
  readonly kwhTotal: number;
  readonly row: Record<string, unknown>;
  readonly lines: Record<string, unknown>[];
}

const isoOf = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;

/** Calendar months lying wholly inside the run, as [start, end) local ISO dates. */
export function fullMonths(firstDay: string, days: number): [string, string][] {
  const start = new Date(`${firstDay}T00:00:00Z`);
  const endMs = start.getTime() + days * MS_PER_DAY;
  let y = start.getUTCFullYear(), m = start.getUTCMonth() + 1;
  if (start.getUTCDate() !== 1) [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  const months: [string, string][] = [];
  for (;;) {
    const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
    if (Date.parse(`${isoOf(ny, nm)}T00:00:00Z`) > endMs) break;
    months.push([isoOf(y, m), isoOf(ny, nm)]);
    [y, m] = [ny, nm];
  }
  return months;
}

/**
 * The billing system's monthly bills of one customer, priced on what the meter measured. Annual
 * tiers start from an estimate of the kWh consumed earlier in the first tier year.
 */
export function billCustomer(customer: SynthCustomer, tariff: Tariff, ctx: SimulationContext, meteredKwh: Float64Array, calendar: WorkCalendar): SynthBill[] {
  const stepMs = ctx.stepMinutes * 60_000;
  const localDate = (ms: number) => new Date(ms + utcOffsetMinutes(ctx.timeZone, ms) * MS_PER_MINUTE).toISOString().slice(0, 10);
  const firstDay = localDate(ctx.startMs);
  const bills: SynthBill[] = [];
  let tierYearKwh: number | undefined;
  for (const [periodStart, periodEnd] of fullMonths(firstDay, ctx.days.count)) {
    const from = (localMidnightUtc(periodStart, ctx.timeZone) - ctx.startMs) / stepMs;
    const to = (localMidnightUtc(periodEnd, ctx.timeZone) - ctx.startMs) / stepMs;
    const kwh = meteredKwh.subarray(from, to);
    if (tierYearKwh === undefined) tierYearKwh = priorYearEstimate(kwh, periodStart, ctx.stepsPerDay);
    if (periodStart.endsWith('-01-01')) tierYearKwh = 0;
    const result = computeBill(tariff, { startMs: ctx.startMs + from * stepMs, intervalMinutes: ctx.stepMinutes, kwh, timeZone: ctx.timeZone }, {
      periodStart, periodEnd, tierYearKwhBefore: tierYearKwh, contractKva: customer.params.contractKva, calendar,
    });
    tierYearKwh = result.tierYearKwhAfter;
    const billId = `B${customer.customerId.slice(1)}-${periodStart.slice(0, 7).replace('-', '')}`;
    const issueMs = localMidnightUtc(periodEnd, ctx.timeZone) + 2 * MS_PER_DAY;
    const dueMs = issueMs + 15 * MS_PER_DAY;
    bills.push({
      billId, periodStart, periodEnd, issueMs, dueMs, amount: result.total, kwhTotal: result.kwhTotal,
      row: {
        bill_id: billId, account_id: customer.accountId, customer_id: customer.customerId, tariff_id: tariff.tariffId,
        period_start: periodStart, period_end: periodEnd, kwh_total: Math.round(result.kwhTotal * 1000) / 1000, amount: result.total,
        currency: tariff.currency, issue_date: localDate(issueMs), due_date: localDate(dueMs),
      },
      lines: result.lines.map((line, i) => ({
        bill_id: billId, line_no: i + 1, code: line.code, quantity: line.quantity, unit: line.unit, rate: line.rate,
        amount: line.amount, explanation_zh: line.explanationZh, explanation_en: line.explanationEn,
      })),
    });
  }
  return bills;
}

/** kWh consumed in the tier year before the first bill: the first month's daily rate times the days elapsed. */
function priorYearEstimate(kwh: Float64Array, periodStart: string, stepsPerDay: number): number {
  let sum = 0;
  for (let i = 0; i < kwh.length; i++) sum += kwh[i];
  const daily = sum / Math.max(1, kwh.length / stepsPerDay);
  const yearStart = Date.parse(`${periodStart.slice(0, 4)}-01-01T00:00:00Z`);
  return Math.round(daily * ((Date.parse(`${periodStart}T00:00:00Z`) - yearStart) / MS_PER_DAY));
}
