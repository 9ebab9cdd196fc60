import { MS_PER_DAY } from '../core/time/index.js';
import type { RowCollector } from './batches/row-collector.js';
import type { SynthBill } from './billing-run.js';
import type { CustomerSimulation } from './customer-simulation.js';
import type { Outage } from './outages.js';
import { generatePayments } from './payments/index.js';
import type { SynthArea, SynthCustomer } from './population.js';
import type { Rng } from './rng.js';
import { generateAppEvents, generateTickets } from './service/index.js';
import { SOURCE_HEAD_END } from './reference-rows.js';
import type { RunContext } from './run-context.js';

/** Local midnights (as UTC ms) of the days with an outage. */
function outageDays(outages: readonly Outage[], run: RunContext): number[] {
  const days = new Set<number>();
  for (const o of outages) days.add(run.ctx.dayIndex[o.startIndex]);
  return [...days].map((d) => run.ctx.startMs + d * MS_PER_DAY);
}

/** Months whose bill jumped by half or more over the average of the three before. */
function billShockMonths(bills: readonly SynthBill[]): string[] {
  const months: string[] = [];
  for (let i = 3; i < bills.length; i++) {
    const before = (bills[i - 1].amount + bills[i - 2].amount + bills[i - 3].amount) / 3;
    if (before > 0 && bills[i].amount > 1.5 * before) months.push(bills[i].periodStart.slice(0, 7));
  }
  return months;
}

function meterRows(c: SynthCustomer, sim: CustomerSimulation, outages: readonly Outage[], run: RunContext, records: RowCollector): void {
  const tsOf = (index: number) => new Date(run.ctx.startMs + index * run.stepMs);
  for (const e of sim.meterEvents) records.add('meter_events', { meter_id: c.meterId, ts: tsOf(e.index), event_type: e.kind, source_id: SOURCE_HEAD_END });
  for (const o of outages) {
    records.add('meter_events', { meter_id: c.meterId, ts: tsOf(o.startIndex), event_type: 'power_off', source_id: SOURCE_HEAD_END });
    records.add('meter_events', { meter_id: c.meterId, ts: tsOf(o.endIndex), event_type: 'power_on', source_id: SOURCE_HEAD_END });
  }
  let register = Math.round(c.params.contractKva * 300 + (c.index % 997) * 3);
  const spd = run.ctx.stepsPerDay;
  for (let d = 0; d <= run.ctx.days.count; d++) {
    records.add('register_reads', { meter_id: c.meterId, channel: 1, ts: tsOf(d * spd), register_kwh: Math.round(register * 1000) / 1000, source_id: SOURCE_HEAD_END });
    if (d === run.ctx.days.count) break;
    for (let i = d * spd; i < (d + 1) * spd; i++) register += sim.meteredKwh[i];
  }
}

function truthRows(c: SynthCustomer, sim: CustomerSimulation, run: RunContext, records: RowCollector): void {
  const tsOf = (index: number) => new Date(run.ctx.startMs + index * run.stepMs);
  records.add('truth.customers', {
    customer_id: c.customerId, archetype: c.archetype, credit_class: c.credit.creditClass, has_ev: Boolean(c.params.ev), has_pv: Boolean(c.params.pv),
    engagement: c.engagement, complaint_proneness: c.complaintProneness, size_factor: c.params.scaleKw,
  });
  if (c.theft) {
    records.add('truth.theft', {
      customer_id: c.customerId, meter_id: c.meterId, family: c.theft.family, start_ts: tsOf(c.theft.startIndex), end_ts: tsOf(c.theft.endIndex),
      params: c.theft.params, stolen_kwh: Math.round(sim.stolenKwh * 1000) / 1000,
    });
  }
  for (const label of sim.faultLabels) {
    records.add('truth.meter_faults', { meter_id: c.meterId, fault_type: label.faultType, start_ts: tsOf(label.startIndex), end_ts: tsOf(label.endIndex), detail: { detail: label.detail } });
    if (!label.trueValue) continue;
    label.trueValue.forEach((kwh, k) => records.add('truth.readings', {
      meter_id: c.meterId, channel: 1, ts: tsOf(label.startIndex + k), kwh: Math.round(kwh * 1000) / 1000, fault_type: label.faultType,
    }));
  }
  for (const s of sim.reported.superseded) records.add('truth.duplicate_deliveries', { meter_id: c.meterId, channel: 1, ts: tsOf(s.index), kwh: s.kwh, delivery: s.delivery });
}

function serviceRows(c: SynthCustomer, bills: readonly SynthBill[], outages: readonly Outage[], run: RunContext, rng: Rng, records: RowCollector): void {
  const openMs = Math.max(Date.parse(`${c.openDate}T00:00:00Z`), run.ctx.startMs);
  const days = outageDays(outages, run);
  const payments = generatePayments(bills.map((b) => ({ billId: b.billId, accountId: c.accountId, customerId: c.customerId, amount: b.amount, issueMs: b.issueMs, dueMs: b.dueMs })),
    c.credit, c.paymentMethod, rng.fork('payments'), { asOfMs: run.endMs });
  records.addAll('payments', payments.map((p) => ({
    payment_id: p.paymentId, bill_id: p.billId, account_id: p.accountId, customer_id: p.customerId, paid_at: p.paidAt, amount: p.amount,
    currency: p.currency, channel: p.channel, status: p.status,
  })));
  const tickets = generateTickets({
    customerId: c.customerId, customerType: c.customerType, archetypeFamily: c.archetype, district: c.district.code, openMs, endMs: run.endMs,
    outageDaysMs: days, billShockMonths: billShockMonths(bills), complaintProneness: c.complaintProneness,
  }, rng.fork('tickets'));
  records.addAll('tickets', tickets.map((t) => ({
    ticket_id: t.ticketId, customer_id: t.customerId, created_at: t.createdAt, channel: t.channel, category: t.category, topic: t.topic,
    language: t.language, text: t.text, status: t.status, resolved_at: t.resolvedAt, satisfaction: t.satisfaction,
  })));
  const events = generateAppEvents({ customerId: c.customerId, engagement: c.engagement, openMs, endMs: run.endMs, billDatesMs: bills.map((b) => b.issueMs), outageDaysMs: days }, rng.fork('events'));
  records.addAll('events', events.map((e) => ({ event_id: e.eventId, customer_id: e.customerId, ts: e.ts, event_type: e.eventType, channel: e.channel, properties: e.properties })));
}

/** Every record one customer leaves besides its interval readings. */
export function customerRecords(
  c: SynthCustomer, _area: SynthArea, sim: CustomerSimulation, bills: readonly SynthBill[], outages: readonly Outage[], run: RunContext, rng: Rng, records: RowCollector,
): void {
  meterRows(c, sim, outages, run, records);
  truthRows(c, sim, run, records);
  for (const b of bills) {
    records.add('bills', b.row);
    records.addAll('bill_lines', b.lines);
  }
  serviceRows(c, bills, outages, run, rng, records);
}
