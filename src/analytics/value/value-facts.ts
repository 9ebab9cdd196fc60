import type { SqlParam, Warehouse } from '../../warehouse/warehouse.js';
import { withLocalTime } from '../segments/local-time-sql.js';
import { periodOfHour, type ValueParams } from './value-params.js';

/** What a customer brought in and cost over the window. */
export interface ValueFacts {
  readonly customerId: string;
  readonly customerType: string;
  readonly tenureMonths: number;
  readonly revenueCny: number;
  readonly kwh: { readonly peak: number; readonly flat: number; readonly valley: number };
  readonly bills: number;
  readonly tickets: number;
  readonly complaints: number;
  readonly hallVisits: number;
  readonly paperBills: number;
  readonly collections: number;
  readonly appEvents: number;
  readonly latePayments: number;
  readonly payments: number;
  readonly returnedPayments: number;
}

export interface ValueWindow {
  readonly from: string;
  readonly to: string;
  readonly days: number;
}

/** The window: the given dates, or the store's billed period (first bill start to last bill end). */
export async function valueWindow(wh: Warehouse, from?: string, to?: string): Promise<ValueWindow> {
  const [row] = await wh.query<{ f: string | null; t: string | null }>('SELECT CAST(min(period_start) AS VARCHAR) AS f, CAST(max(period_end) AS VARCHAR) AS t FROM bills');
  const f = from ?? row.f ?? '1970-01-01';
  const t = to ?? row.t ?? f;
  return { from: f, to: t, days: Math.max(1, Math.round((Date.parse(t) - Date.parse(f)) / 86_400_000) + 1) };
}

/** Reads revenue, energy by time-of-use period and service items per customer, aggregated in the warehouse. */
export async function readValueFacts(wh: Warehouse, params: ValueParams, window: ValueWindow, defaultTimeZone = 'Asia/Shanghai'): Promise<ValueFacts[]> {
  const hours = Array.from({ length: 24 }, (_, h) => periodOfHour(params, h));
  const caseSql = `CASE ${hours.map((p, h) => `WHEN hr = ${h} THEN '${p}'`).join(' ')} END`;
  const w: SqlParam[] = [window.from, window.to];
  const rows = await wh.query<Record<string, unknown>>(`
    WITH e AS (
      SELECT customer_id, CASE WHEN daily THEN -1 ELSE hour(t) END AS hr, sum(kwh) AS kwh FROM ${withLocalTime(`
        SELECT m.customer_id, coalesce(c.time_zone, ?) AS tz, r.ts, r.kwh, m.interval_minutes >= 1440 AS daily
        FROM readings r JOIN meters m USING (meter_id) JOIN customers c USING (customer_id)
        WHERE r.channel = 1 AND r.kwh IS NOT NULL AND r.ts BETWEEN CAST(? AS DATE) - INTERVAL 1 DAY AND CAST(? AS DATE) + INTERVAL 2 DAY`)}
      WHERE CAST(t AS DATE) BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
      GROUP BY ALL),
    ep AS (SELECT customer_id, sum(kwh) FILTER (WHERE ${caseSql} = 'peak') AS peak, sum(kwh) FILTER (WHERE ${caseSql} = 'flat') AS flat,
      sum(kwh) FILTER (WHERE ${caseSql} = 'valley') AS valley, sum(kwh) FILTER (WHERE hr = -1) AS unshaped FROM e GROUP BY customer_id),
    b AS (SELECT customer_id, sum(amount) AS revenue, count(*) AS bills FROM bills WHERE period_start >= CAST(? AS DATE) AND period_end <= CAST(? AS DATE) GROUP BY customer_id),
    as_of_day AS (SELECT greatest(coalesce(max(CAST(paid_at AS DATE)), CAST(? AS DATE)), CAST(? AS DATE)) AS d FROM payments),
    wb AS (SELECT * FROM bills WHERE period_start >= CAST(? AS DATE) AND period_end <= CAST(? AS DATE)),
    p AS (SELECT wb.customer_id, count(p.payment_id) AS payments, count(*) FILTER (WHERE p.channel = 'counter') AS counter,
        count(*) FILTER (WHERE CAST(p.paid_at AS DATE) > wb.due_date
          OR (p.payment_id IS NULL AND wb.due_date < (SELECT d FROM as_of_day))) AS late,
        count(*) FILTER (WHERE p.status = 'returned') AS returned,
        count(*) FILTER (WHERE CAST(p.paid_at AS DATE) > wb.due_date + INTERVAL 15 DAY OR p.status = 'returned'
          OR (p.payment_id IS NULL AND wb.due_date + INTERVAL 15 DAY < (SELECT d FROM as_of_day))) AS collections
      FROM wb LEFT JOIN payments p USING (bill_id) GROUP BY wb.customer_id),
    t AS (SELECT customer_id, count(*) AS tickets, count(*) FILTER (WHERE category = 'complaint') AS complaints,
        count(*) FILTER (WHERE channel = 'service_hall') AS hall
      FROM tickets WHERE CAST(created_at AS DATE) BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY customer_id),
    ev AS (SELECT customer_id, count(*) AS events FROM events WHERE CAST(ts AS DATE) BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY customer_id)
    SELECT c.customer_id, c.customer_type, date_diff('day', c.open_date, CAST(? AS DATE)) / 30.44 AS tenure,
      coalesce(b.revenue, 0) AS revenue, coalesce(b.bills, 0) AS bills, coalesce(ep.peak, 0) AS peak, coalesce(ep.flat, 0) AS flat, coalesce(ep.valley, 0) AS valley, coalesce(ep.unshaped, 0) AS unshaped,
      coalesce(t.tickets, 0) AS tickets, coalesce(t.complaints, 0) AS complaints, coalesce(t.hall, 0) + coalesce(p.counter, 0) AS hall,
      coalesce(p.payments, 0) AS payments, coalesce(p.late, 0) AS late, coalesce(p.returned, 0) AS returned, coalesce(p.collections, 0) AS collections,
      coalesce(ev.events, 0) AS events
    FROM customers c LEFT JOIN ep USING (customer_id) LEFT JOIN b USING (customer_id) LEFT JOIN p USING (customer_id)
      LEFT JOIN t USING (customer_id) LEFT JOIN ev USING (customer_id)
    ORDER BY c.customer_id`, [defaultTimeZone, ...w, ...w, ...w, window.to, window.to, ...w, ...w, ...w, window.to]);
  const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  return rows.map((r) => {
    const events = num(r.events);
    const bills = num(r.bills);
    // Daily meters have no hours: their energy is split over the periods by the periods' hours.
    const unshaped = num(r.unshaped);
    const share = (p: string) => hours.filter((x) => x === p).length / 24;
    return {
      customerId: String(r.customer_id), customerType: String(r.customer_type), tenureMonths: Math.max(0, num(r.tenure)), revenueCny: num(r.revenue),
      kwh: { peak: num(r.peak) + unshaped * share('peak'), flat: num(r.flat) + unshaped * share('flat'), valley: num(r.valley) + unshaped * share('valley') }, bills, tickets: num(r.tickets), complaints: num(r.complaints),
      hallVisits: num(r.hall), paperBills: events === 0 ? bills : 0, collections: num(r.collections), appEvents: events,
      latePayments: num(r.late), payments: num(r.payments), returnedPayments: num(r.returned),
    };
  });
}

/** Latest credit rating per customer (bad probability and grade) when a credit run exists; null otherwise. */
export async function readLatestCredit(wh: Warehouse): Promise<Map<string, { badProbability: number; grade: string }> | null> {
  const tables = await wh.query<{ n: number }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'credit_ratings'");
  if (Number(tables[0]?.n ?? 0) === 0) return null;
  const rows = await wh.query<{ customer_id: string; bad_probability: number; grade: string }>(
    'SELECT customer_id, bad_probability, grade FROM credit_ratings WHERE run_id = (SELECT max(run_id) FROM credit_ratings)');
  return rows.length ? new Map(rows.map((r) => [r.customer_id, { badProbability: Number(r.bad_probability), grade: String(r.grade) }])) : null;
}
