import { utcOffsetMinutes } from '../core/time/index.js';
import type { SqlParam, Warehouse } from '../warehouse/warehouse.js';
import type { Regions } from './customers.js';

/** Headline KPIs of the last 30 days of data (ending at the newest reading), scoped to the caller's districts. */
export interface Overview {
  readonly asOf: string | null;
  readonly customers: number;
  readonly consumptionKwh30d: number;
  readonly revenueCny30d: number;
  /** Billed minus settled payments on bills past due. */
  readonly arrearsCny: number;
  /** 1 − customer energy / transformer-area energy over the window; null without area meters. */
  readonly lineLossRate: number | null;
  readonly openAlerts: number;
  readonly openTickets: number;
  /** Mean ticket satisfaction (1-5) in the window; null without ratings. */
  readonly satisfaction: number | null;
  readonly trend: { readonly date: string; readonly kwh: number; readonly revenueCny: number }[];
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function scope(regions: Regions): { sql: string; params: SqlParam[] } {
  if (regions === null) return { sql: 'SELECT customer_id FROM customers', params: [] };
  if (regions.length === 0) return { sql: 'SELECT customer_id FROM customers WHERE FALSE', params: [] };
  return { sql: `SELECT customer_id FROM customers WHERE district IN (${regions.map(() => '?').join(', ')})`, params: [...regions] };
}

/** Days of the trend are local days of `timeZone` (offset taken at the window start). */
export async function overviewKpis(wh: Warehouse, regions: Regions, timeZone = 'Asia/Shanghai'): Promise<Overview> {
  const [{ last }] = await wh.query<{ last: Date | null }>('SELECT max(ts) AS last FROM readings');
  const end = last ? new Date(last.getTime() + 1) : new Date();
  const start = new Date(end.getTime() - 30 * 86_400_000);
  const s = scope(regions);
  const offset = utcOffsetMinutes(timeZone, start.getTime());
  const inScope = `customer_id IN (${s.sql})`;
  const [counts] = await wh.query<{ customers: number; open_tickets: number; satisfaction: number | null }>(
    `SELECT (SELECT count(*) FROM customers WHERE ${inScope}) AS customers,
            (SELECT count(*) FROM tickets WHERE ${inScope} AND status IN ('open', 'in_progress')) AS open_tickets,
            (SELECT avg(satisfaction) FROM tickets WHERE ${inScope} AND created_at >= ? AND created_at < ?) AS satisfaction`,
    [...s.params, ...s.params, ...s.params, start, end]);
  const daily = await wh.query<{ date: string; kwh: number }>(
    `SELECT ${wh.dialect.localDate('r.ts', offset)} AS date, sum(r.kwh) AS kwh FROM readings r JOIN meters m ON m.meter_id = r.meter_id
     WHERE r.channel = 1 AND r.ts >= ? AND r.ts < ? AND m.${inScope} GROUP BY 1 ORDER BY 1`, [start, end, ...s.params]);
  const revenue = await wh.query<{ date: string; cny: number }>(
    `SELECT ${wh.dialect.localDate('paid_at', offset)} AS date, sum(amount) AS cny FROM payments
     WHERE status = 'settled' AND paid_at >= ? AND paid_at < ? AND ${inScope} GROUP BY 1`, [start, end, ...s.params]);
  const [arrears] = await wh.query<{ cny: number | null }>(
    `SELECT sum(greatest(b.amount - coalesce(p.paid, 0), 0)) AS cny FROM bills b
     LEFT JOIN (SELECT bill_id, sum(amount) AS paid FROM payments WHERE status = 'settled' GROUP BY bill_id) p ON p.bill_id = b.bill_id
     WHERE b.due_date < CAST(? AS DATE) AND b.${inScope}`, [end, ...s.params]);
  const lineLossRate = await lineLoss(wh, start, end, s);
  const openAlerts = await wh.query<{ n: number }>('SELECT count(*) AS n FROM risk_alerts WHERE run_id = (SELECT max(run_id) FROM risk_alerts)');
  const revenueByDate = new Map(revenue.map((r) => [String(r.date), r.cny]));
  return {
    asOf: last?.toISOString() ?? null,
    customers: Number(counts.customers),
    consumptionKwh30d: round(daily.reduce((a, d) => a + d.kwh, 0), 1),
    revenueCny30d: round(revenue.reduce((a, r) => a + r.cny, 0)),
    arrearsCny: round(arrears?.cny ?? 0),
    lineLossRate,
    openAlerts: Number(openAlerts[0]?.n ?? 0),
    openTickets: Number(counts.open_tickets),
    satisfaction: counts.satisfaction === null ? null : round(counts.satisfaction),
    trend: daily.map((d) => ({ date: String(d.date), kwh: round(d.kwh, 1), revenueCny: round(revenueByDate.get(String(d.date)) ?? 0) })),
  };
}

async function lineLoss(wh: Warehouse, start: Date, end: Date, s: { sql: string; params: SqlParam[] }): Promise<number | null> {
  const [row] = await wh.query<{ area_kwh: number | null; customer_kwh: number | null }>(
    `WITH areas AS (SELECT DISTINCT area_id FROM customers WHERE customer_id IN (${s.sql}))
     SELECT (SELECT sum(kwh) FROM area_readings WHERE ts >= ? AND ts < ? AND area_id IN (SELECT area_id FROM areas)) AS area_kwh,
            (SELECT sum(r.kwh) FROM readings r JOIN meters m ON m.meter_id = r.meter_id
             WHERE r.channel = 1 AND r.ts >= ? AND r.ts < ? AND m.area_id IN (SELECT area_id FROM areas)) AS customer_kwh`,
    [...s.params, start, end, start, end]);
  if (!row?.area_kwh || row.customer_kwh === null) return null;
  return round(1 - row.customer_kwh / row.area_kwh, 4);
}
