import type { Warehouse } from '../../warehouse/warehouse.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../core/time/index.js';

/**
 * Customers and their validated load as rate comparison needs it. Readings are aggregated to the
 * hour in the warehouse (kWh of valid intervals, the largest interval kWh for demand, counts of
 * valid and estimated intervals), so a year of 15-minute data reaches JS as 8,760 rows a meter.
 * Hours are UTC hours: exact for whole-hour time zones such as Asia/Shanghai.
 */

export interface CustomerRecord {
  readonly customerId: string;
  readonly customerType: string;
  readonly voltageLevel: string;
  readonly contractKva: number;
  readonly tariffId: string;
  readonly district: string;
  readonly timeZone: string;
  readonly meterIds: readonly number[];
  readonly intervalMinutes: number;
}

export interface HourlyLoad {
  readonly customer: CustomerRecord;
  /** UTC ms of the first hour. */
  readonly startMs: number;
  /** kWh per hour from valid intervals (missing intervals filled, see `fillMissing`). */
  readonly kwh: Float64Array;
  /** Largest interval kW in each hour. */
  readonly maxKw: Float64Array;
  /** Valid (actual, estimated or edited) intervals per hour. */
  readonly valid: Uint8Array;
  readonly estimated: Uint8Array;
}

type CustomerRow = {
  customer_id: string; customer_type: string; voltage_level: string | null; contract_capacity_kva: number | null; tariff_id: string | null;
  district: string | null; time_zone: string | null; meter_ids: number[] | null; interval_minutes: number | null;
};

/** Active customers with their import meters (optionally only `ids`). */
export async function loadCustomerRecords(wh: Warehouse, ids?: readonly string[]): Promise<CustomerRecord[]> {
  const filter = ids && ids.length ? `AND c.customer_id IN (${ids.map(() => '?').join(', ')})` : '';
  const rows = await wh.query<CustomerRow>(
    `SELECT c.customer_id, c.customer_type, c.voltage_level, c.contract_capacity_kva, c.tariff_id, c.district, c.time_zone,
            list(m.meter_id ORDER BY m.meter_id) AS meter_ids, min(m.interval_minutes) AS interval_minutes
       FROM customers c LEFT JOIN meters m ON m.customer_id = c.customer_id
      WHERE c.status = 'active' ${filter}
      GROUP BY ALL ORDER BY c.customer_id`, ids ?? []);
  return rows.map((r) => ({
    customerId: r.customer_id, customerType: r.customer_type, voltageLevel: r.voltage_level ?? '', contractKva: r.contract_capacity_kva ?? 0,
    tariffId: r.tariff_id ?? '', district: r.district ?? '', timeZone: r.time_zone ?? 'Asia/Shanghai',
    meterIds: (r.meter_ids ?? []).filter((id) => id !== null), intervalMinutes: r.interval_minutes ?? 15,
  }));
}

/** Local date (ISO) of the last import reading in the store, or undefined when there is none. */
export async function lastReadingDate(wh: Warehouse, offsetMinutes = 480): Promise<string | undefined> {
  const [row] = await wh.query<{ d: string | null }>(`SELECT ${wh.dialect.localDate('max(ts)', Math.trunc(offsetMinutes))} AS d FROM readings WHERE channel = 1`);
  return row?.d ?? undefined;
}

/**
 * Mean temperature per local day over `days` days from `fromMs` (a local midnight), averaged over
 * every weather station in the store (the demo has one per city); NaN where no observation exists.
 */
export async function loadDailyTemperatures(wh: Warehouse, fromMs: number, days: number, offsetMinutes: number): Promise<Float64Array> {
  const out = new Float64Array(days).fill(Number.NaN);
  const day = wh.dialect.epochMs(`CAST(${wh.dialect.localDate('ts', offsetMinutes)} AS TIMESTAMP)`);
  const rows = await wh.query<{ d: number; t: number | null }>(
    `SELECT ${day} AS d, avg(temperature_c) AS t FROM weather WHERE ts >= ? AND ts < ? GROUP BY 1`,
    [new Date(fromMs), new Date(fromMs + days * MS_PER_DAY)]);
  const firstLocalDayMs = fromMs + offsetMinutes * 60_000;
  for (const row of rows) {
    const i = Math.round((Number(row.d) - firstLocalDayMs) / MS_PER_DAY);
    if (i >= 0 && i < days && row.t !== null) out[i] = Number(row.t);
  }
  return out;
}

/** Hourly load of a batch of customers over [fromMs, toMs) (UTC ms on hour boundaries). */
export async function loadHourlyLoads(wh: Warehouse, customers: readonly CustomerRecord[], fromMs: number, toMs: number): Promise<HourlyLoad[]> {
  const hours = Math.round((toMs - fromMs) / MS_PER_HOUR);
  const loads = customers.map((customer) => ({
    customer, startMs: fromMs, kwh: new Float64Array(hours), maxKw: new Float64Array(hours), valid: new Uint8Array(hours), estimated: new Uint8Array(hours),
  }));
  const byMeter = new Map<number, HourlyLoad>();
  loads.forEach((l) => l.customer.meterIds.forEach((id) => byMeter.set(id, l)));
  if (byMeter.size === 0) return loads;
  const ids = [...byMeter.keys()];
  const hourMs = wh.dialect.epochMs(wh.dialect.truncate('hour', 'ts'));
  const sql = `SELECT meter_id, ${hourMs} AS h, sum(kwh) FILTER (WHERE quality < 3 AND kwh >= 0) AS kwh,
      max(kwh) FILTER (WHERE quality < 3 AND kwh >= 0) AS max_kwh,
      count(*) FILTER (WHERE quality < 3 AND kwh >= 0) AS valid, count(*) FILTER (WHERE quality IN (1, 2) AND kwh >= 0) AS estimated
    FROM readings WHERE channel = 1 AND meter_id IN (${ids.map(() => '?').join(', ')}) AND ts >= ? AND ts < ?
    GROUP BY meter_id, h`;
  // Columnar read (NULL = NaN, i.e. an hour without a valid interval): ~8,760 rows a meter without row objects.
  const { rowCount, columns: c } = await wh.queryNumeric(sql, [...ids, new Date(fromMs), new Date(toMs)]);
  const meter = c.meter_id;
  const h = c.h;
  const kwh = c.kwh;
  const maxKwh = c.max_kwh;
  const valid = c.valid;
  const estimated = c.estimated;
  for (let r = 0; r < rowCount; r++) {
    const load = byMeter.get(meter[r])!;
    const i = (h[r] - fromMs) / MS_PER_HOUR;
    const kwPerKwh = 60 / load.customer.intervalMinutes;
    const e = kwh[r];
    const m = maxKwh[r];
    load.kwh[i] += Number.isNaN(e) ? 0 : e;
    load.maxKw[i] = Math.max(load.maxKw[i], (Number.isNaN(m) ? 0 : m) * kwPerKwh);
    load.valid[i] = Math.min(255, load.valid[i] + valid[r]);
    load.estimated[i] = Math.min(255, load.estimated[i] + estimated[r]);
  }
  return loads;
}

export interface LoadCoverage {
  readonly days: number;
  /** Days with at least 75% of their intervals valid. */
  readonly goodDays: number;
  /** Valid intervals / expected intervals. */
  readonly readShare: number;
  /** Estimated or edited intervals / valid intervals. */
  readonly estimatedShare: number;
}

/** Coverage of an hourly load (days counted in 24-hour blocks from its start). */
export function loadCoverage(load: HourlyLoad): LoadCoverage {
  const perHour = (60 / load.customer.intervalMinutes) * Math.max(1, load.customer.meterIds.length);
  const days = Math.floor(load.kwh.length / 24);
  let goodDays = 0;
  let valid = 0;
  let estimated = 0;
  for (let d = 0; d < days; d++) {
    let dayValid = 0;
    for (let h = d * 24; h < d * 24 + 24; h++) {
      dayValid += load.valid[h];
      estimated += load.estimated[h];
    }
    valid += dayValid;
    if (dayValid >= 0.75 * 24 * perHour) goodDays++;
  }
  return { days, goodDays, readShare: days ? valid / (days * 24 * perHour) : 0, estimatedShare: valid ? estimated / valid : 0 };
}

/**
 * Scales each partly read hour up to a full hour and fills hours without any valid interval with
 * the mean of the same local hour of day over the load (the kWh a bill would see if the meter
 * had read). Returns the number of hours filled.
 */
export function fillMissing(load: HourlyLoad, utcOffsetMinutes: number): number {
  const perHour = (60 / load.customer.intervalMinutes) * Math.max(1, load.customer.meterIds.length);
  const sums = new Float64Array(24);
  const counts = new Float64Array(24);
  const hourOf = (i: number) => Math.floor(((load.startMs + i * MS_PER_HOUR + utcOffsetMinutes * 60_000) % MS_PER_DAY) / MS_PER_HOUR);
  for (let i = 0; i < load.kwh.length; i++) {
    if (load.valid[i] > 0 && load.valid[i] < perHour) load.kwh[i] *= perHour / load.valid[i];
    if (load.valid[i] > 0) {
      sums[hourOf(i)] += load.kwh[i];
      counts[hourOf(i)] += 1;
    }
  }
  let filled = 0;
  for (let i = 0; i < load.kwh.length; i++) {
    if (load.valid[i] > 0) continue;
    const h = hourOf(i);
    load.kwh[i] = counts[h] ? sums[h] / counts[h] : 0;
    load.maxKw[i] = load.kwh[i];
    filled++;
  }
  return filled;
}
